using NSec.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// One trusted Ed25519 note key, read from its verifier key text "name+hex(key id)+base64(0x01 ‖ public key)"
/// (C2SP signed-note v1.0.0, "Verifier keys"), that opens signed notes and fails closed.
/// </summary>
public sealed class NoteVerifier
{
    private readonly PublicKey _publicKey;

    private NoteVerifier(string keyName, uint keyId, PublicKey publicKey)
    {
        KeyName = keyName;
        KeyId = keyId;
        _publicKey = publicKey;
    }

    /// <summary>The key name its signatures carry.</summary>
    public string KeyName { get; }

    /// <summary>The 32-bit key id its signatures carry.</summary>
    public uint KeyId { get; }

    /// <summary>
    /// Reads a verifier key; <see cref="FormatException"/> naming the fault when it is not three plus-separated parts,
    /// the name breaks the key name rules, the id is not 8 lowercase hex digits, the key is not base64 of 0x01 and 32
    /// bytes, or the id is not the one the name and key give.
    /// </summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var (name, keyId, publicKey) = VerifierKeyText.Parse(verifierKey, NoteKeyId.Ed25519Type, "0x01 (Ed25519)");
        return new NoteVerifier(name, keyId, publicKey);
    }

    /// <summary>
    /// True, with the note's text (ending in newline), only when <paramref name="note"/> is a well-formed signed note
    /// with at least one signature by this key and every signature line naming this key (name and id) verifies.
    /// </summary>
    /// <remarks>
    /// Signature lines of other keys, even sharing the name or the id (not both), are ignored as the spec requires;
    /// a malformed note gives false, never an exception.
    /// </remarks>
    public bool TryOpen(string note, out string? text)
    {
        ArgumentNullException.ThrowIfNull(note);
        text = null;
        SignedNote parsed;
        try
        {
            parsed = SignedNote.Parse(note);
        }
        catch (FormatException)
        {
            return false;
        }

        var message = NoteText.Utf8(parsed.Text);
        var verified = false;
        foreach (var signature in parsed.Signatures)
        {
            if (signature.KeyName != KeyName || signature.KeyId != KeyId)
            {
                continue;
            }

            if (!SignatureAlgorithm.Ed25519.Verify(_publicKey, message, signature.Signature))
            {
                return false;
            }

            verified = true;
        }

        text = verified ? parsed.Text : null;
        return verified;
    }

    /// <summary>The verifier key text of this key.</summary>
    public override string ToString() => Format(KeyName, KeyId, _publicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>"name+hex(key id)+base64(0x01 ‖ public key)".</summary>
    internal static string Format(string keyName, uint keyId, ReadOnlySpan<byte> publicKey) =>
        VerifierKeyText.Format(keyName, keyId, NoteKeyId.Ed25519Type, publicKey);
}
