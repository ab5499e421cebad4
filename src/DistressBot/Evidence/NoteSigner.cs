using NSec.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// Signs note texts with one Ed25519 key under one key name (C2SP signed-note v1.0.0, "Ed25519 signatures"), giving
/// the signed note (text, blank line, "— name base64(key id ‖ signature)") and the verifier key to publish.
/// </summary>
/// <remarks>The key stays the caller's: this class neither exports nor disposes its private part.</remarks>
public sealed class NoteSigner
{
    private readonly Key _key;

    /// <summary>
    /// A signer for <paramref name="keyName"/> (non-empty, no Unicode space, no plus: <see cref="ArgumentException"/>)
    /// with an Ed25519 <paramref name="key"/> (another algorithm: <see cref="ArgumentException"/>).
    /// </summary>
    public NoteSigner(string keyName, Key key)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        ArgumentNullException.ThrowIfNull(key);
        if (!NoteText.IsKeyName(keyName))
        {
            throw new ArgumentException("A note key name must be non-empty and hold no Unicode space, plus or control character.", nameof(keyName));
        }

        if (key.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("A note key must be an Ed25519 key (SignatureAlgorithm.Ed25519).", nameof(key));
        }

        _key = key;
        KeyName = keyName;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = NoteKeyId.Of(keyName, PublicKey);
    }

    /// <summary>The key name written in every signature line.</summary>
    public string KeyName { get; }

    /// <summary>The 32-bit key id: SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The verifier key text "name+hex(key id)+base64(0x01 ‖ public key)".</summary>
    public string VerifierKey => NoteVerifier.Format(KeyName, KeyId, PublicKey);

    /// <summary>
    /// The signed note of <paramref name="text"/>: the text, a blank line and one signature line, each ending in newline.
    /// <see cref="FormatException"/> when the text is empty, does not end in a newline, or holds a control character.
    /// </summary>
    public string Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NoteText.CharacterProblem(text) is { } problem)
        {
            throw new FormatException($"A note text cannot be signed: {problem}.");
        }

        if (!text.EndsWith('\n'))
        {
            throw new FormatException("A note text cannot be signed: it must end in a newline.");
        }

        var signature = SignatureAlgorithm.Ed25519.Sign(_key, NoteText.Utf8(text));
        return text + "\n" + SignedNote.SignatureLine(KeyName, KeyId, signature) + "\n";
    }
}
