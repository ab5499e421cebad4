using System.Globalization;
using System.Text;

namespace DistressBot.Crypto;

/// <summary>The sealed blob layout: [version][key id length][key id ASCII][24-byte nonce][ciphertext + 16-byte tag].</summary>
internal static class RecordBlob
{
    /// <summary>The only blob version this build writes and reads.</summary>
    public const byte Version = 1;

    /// <summary>XChaCha20-Poly1305 nonce size: long enough for random nonces under a long-lived key.</summary>
    public const int NonceSize = 24;

    /// <summary>Poly1305 tag size.</summary>
    public const int TagSize = 16;

    /// <summary>Bytes before the nonce for a key id of <paramref name="keyIdLength"/> characters.</summary>
    public static int HeaderSize(int keyIdLength) => 2 + keyIdLength;

    /// <summary>Writes the header for <paramref name="keyId"/> into the start of <paramref name="blob"/>.</summary>
    public static void WriteHeader(Span<byte> blob, string keyId)
    {
        blob[0] = Version;
        blob[1] = checked((byte)keyId.Length);
        Encoding.ASCII.GetBytes(keyId, blob[2..]);
    }

    /// <summary>Reads the header; null and a reason when the blob is malformed. Never authenticates anything.</summary>
    public static string? TryReadKeyId(ReadOnlySpan<byte> blob, out string reason)
    {
        if (blob.Length < 2)
        {
            reason = "blob is too short";
            return null;
        }

        if (blob[0] != Version)
        {
            reason = $"unknown blob format version {blob[0].ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        var idLength = blob[1];
        if (idLength == 0 || blob.Length < HeaderSize(idLength) + NonceSize + TagSize)
        {
            reason = "blob is too short";
            return null;
        }

        var idBytes = blob.Slice(2, idLength);
        if (idBytes.IndexOfAnyExceptInRange((byte)'!', (byte)'~') >= 0)
        {
            reason = "blob names a malformed key id";
            return null;
        }

        reason = string.Empty;
        return Encoding.ASCII.GetString(idBytes);
    }

    /// <summary>Associated data binding a blob to its format version, key id and address, each part length-prefixed.</summary>
    public static byte[] AssociatedData(string keyId, RecordAddress address) => CanonicalEncoding.Encode(
        "DistressBot.Record",
        Version.ToString(CultureInfo.InvariantCulture),
        keyId,
        address.Collection,
        address.Id,
        address.Field);

    /// <summary>Throws when an address has a missing part (a default struct has nulls).</summary>
    public static void RequireComplete(RecordAddress address)
    {
        if (string.IsNullOrEmpty(address.Collection) || string.IsNullOrEmpty(address.Id) || string.IsNullOrEmpty(address.Field))
        {
            throw new ArgumentException("A record address needs a collection, an id and a field.", nameof(address));
        }
    }
}
