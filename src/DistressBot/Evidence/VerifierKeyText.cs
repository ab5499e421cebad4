using System.Globalization;
using NSec.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// The verifier key text of an Ed25519 key, "name+hex(key id)+base64(type ‖ 32-byte public key)" (C2SP signed-note
/// v1.0.0, "Verifier keys"), read for one expected signature type: 0x01 for notes, 0x04 for cosignature/v1 witnesses.
/// </summary>
internal static class VerifierKeyText
{
    /// <summary>
    /// The key name, key id and public key of <paramref name="verifierKey"/>; <see cref="FormatException"/> naming the
    /// fault when it is not three plus-separated parts, the name breaks the key name rules, the id is not 8 lowercase hex
    /// digits, the key is not base64 of <paramref name="type"/> and 32 bytes, or the id is not the one name, type and key give.
    /// </summary>
    /// <param name="verifierKey">The text.</param>
    /// <param name="type">The signature type byte it must carry.</param>
    /// <param name="typeLabel">How the messages name that type, e.g. "0x01 (Ed25519)".</param>
    public static (string Name, uint KeyId, PublicKey PublicKey) Parse(string verifierKey, byte type, string typeLabel)
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
        if (keyBytes is null || keyBytes.Length != 1 + NoteKeyId.PublicKeySize || keyBytes[0] != type)
        {
            throw new FormatException($"Not a verifier key: the key must be base64 of {typeLabel} and a 32-byte public key.");
        }

        var keyId = uint.Parse(hexId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (keyId != NoteKeyId.Of(name, type, keyBytes.AsSpan(1)))
        {
            throw new FormatException("Not a verifier key: the key id does not match the key name and public key.");
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, keyBytes.AsSpan(1), KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            throw new FormatException("Not a verifier key: the public key is not a valid Ed25519 key.");
        }

        return (name, keyId, publicKey);
    }

    /// <summary>"name+hex(key id)+base64(type ‖ public key)".</summary>
    public static string Format(string keyName, uint keyId, byte type, ReadOnlySpan<byte> publicKey) =>
        $"{keyName}+{keyId:x8}+{Convert.ToBase64String([type, .. publicKey])}";
}
