using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using DistressBot.Crypto;
using NSec.Cryptography;

namespace DistressBot.Tests.Crypto;

/// <summary>Looks for raw keys in a file by trying every 32-byte window (of the bytes and of each base64 value) as a key.</summary>
/// <remarks>Rebuilds the documented associated data independently, so it also pins the blob and lookup formats.</remarks>
public static class RawKeyScanner
{
    /// <summary>Every 32-byte window of the file and of every base64-decodable JSON string in it.</summary>
    public static IEnumerable<byte[]> Candidates(byte[] file)
    {
        var sources = new List<byte[]> { file };
        using (var json = JsonDocument.Parse(file))
        {
            CollectBase64(json.RootElement, sources);
        }

        foreach (var source in sources)
        {
            for (var i = 0; i + 32 <= source.Length; i++)
            {
                yield return source[i..(i + 32)];
            }
        }
    }

    /// <summary>True when some candidate, used as an XChaCha20-Poly1305 key, opens <paramref name="blob"/>.</summary>
    public static bool AnyCandidateOpens(byte[] file, byte[] blob, RecordAddress address) =>
        Candidates(file).Any(candidate => Opens(candidate, blob, address));

    /// <summary>True when some candidate, used as a BLAKE2b-256 key, reproduces <paramref name="expected"/>.</summary>
    public static bool AnyCandidateIsLookupKey(byte[] file, string purpose, string value, byte[] expected) =>
        Candidates(file).Any(candidate =>
        {
            using var key = Key.Import(MacAlgorithm.Blake2b_256, candidate, KeyBlobFormat.RawSymmetricKey);
            return MacAlgorithm.Blake2b_256.Mac(key, Encode("DistressBot.Lookup.v1", purpose, value)).AsSpan().SequenceEqual(expected);
        });

    /// <summary>Opens a record blob with a raw key, rebuilding the associated data from the documented encoding.</summary>
    public static bool Opens(byte[] rawKey, byte[] blob, RecordAddress address)
    {
        var idLength = blob[1];
        var keyId = Encoding.ASCII.GetString(blob, 2, idLength);
        var nonce = blob.AsSpan(2 + idLength, 24);
        var ad = Encode("DistressBot.Record", "1", keyId, address.Collection, address.Id, address.Field);
        using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, rawKey, KeyBlobFormat.RawSymmetricKey);
        var body = blob.AsSpan(2 + idLength + 24);
        var plaintext = new byte[Math.Max(0, body.Length - 16)];
        return body.Length >= 16 && AeadAlgorithm.XChaCha20Poly1305.Decrypt(key, nonce, ad, body, plaintext);
    }

    /// <summary>Seals like the record cipher does, under a raw key the test knows (for the scanner's own positive control).</summary>
    public static byte[] SealWithRawKey(byte[] rawKey, string keyId, byte[] plaintext, RecordAddress address)
    {
        var header = new byte[2 + keyId.Length + 24];
        header[0] = 1;
        header[1] = (byte)keyId.Length;
        Encoding.ASCII.GetBytes(keyId, header.AsSpan(2));
        System.Security.Cryptography.RandomNumberGenerator.Fill(header.AsSpan(2 + keyId.Length));
        var ad = Encode("DistressBot.Record", "1", keyId, address.Collection, address.Id, address.Field);
        using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, rawKey, KeyBlobFormat.RawSymmetricKey);
        return [.. header, .. AeadAlgorithm.XChaCha20Poly1305.Encrypt(key, header.AsSpan(2 + keyId.Length), ad, plaintext)];
    }

    private static byte[] Encode(params string[] parts)
    {
        var output = new List<byte>();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            output.AddRange(length.ToArray());
            output.AddRange(bytes);
        }

        return [.. output];
    }

    private static void CollectBase64(JsonElement element, List<byte[]> sources)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectBase64(property.Value, sources);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectBase64(item, sources);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                var buffer = new byte[text.Length];
                if (Convert.TryFromBase64String(text, buffer, out var written))
                {
                    sources.Add(buffer[..written]);
                }

                break;
        }
    }
}
