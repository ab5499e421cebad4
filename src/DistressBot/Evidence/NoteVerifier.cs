using System.Globalization;
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
        ArgumentNullException.ThrowIfNull(verifierKey);
        // The name and the hex id hold no plus; base64 may, so only the first two plus signs separate.
        var parts = verifierKey.Split('+', 3);
        if (parts.Length != 3)
        {
            throw new FormatException("Not a verifier key: it must be name+keyid+key, three parts joined by plus signs.");
        }

        var (name, hexId, encodedKey) = (parts[0], parts[1], parts[2]);
        if (!NoteText.IsKeyName(name))
        {
            throw new FormatException("Not a verifier key: the key name is empty or holds a space or control character.");
        }

        if (hexId.Length != 8 || !hexId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new FormatException("Not a verifier key: the key id must be 8 lowercase hex digits.");
        }

        var keyBytes = Base64.Decode(encodedKey);
        if (keyBytes is null || keyBytes.Length != 1 + NoteKeyId.PublicKeySize || keyBytes[0] != NoteKeyId.Ed25519Type)
        {
            throw new FormatException("Not a verifier key: the key must be base64 of 0x01 (Ed25519) and a 32-byte public key.");
        }

        var keyId = uint.Parse(hexId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (keyId != NoteKeyId.Of(name, keyBytes.AsSpan(1)))
        {
            throw new FormatException("Not a verifier key: the key id does not match the key name and public key.");
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, keyBytes.AsSpan(1), KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            throw new FormatException("Not a verifier key: the public key is not a valid Ed25519 key.");
        }

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
        $"{keyName}+{keyId:x8}+{Convert.ToBase64String([NoteKeyId.Ed25519Type, .. publicKey])}";
}
