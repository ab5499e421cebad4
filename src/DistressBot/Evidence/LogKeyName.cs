using System.Security.Cryptography;

namespace DistressBot.Evidence;

/// <summary>The key name of a deployment's log key: "distressbot-" and the lowercase hex of the first 4 bytes of SHA-256(raw public key).</summary>
public static class LogKeyName
{
    /// <summary>What every log key name starts with.</summary>
    public const string Prefix = "distressbot-";

    /// <summary>
    /// The key name for the raw 32-byte Ed25519 <paramref name="publicKey"/>, e.g. "distressbot-1a2b3c4d";
    /// <see cref="ArgumentException"/> when it is not 32 bytes.
    /// </summary>
    public static string For(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != NoteKeyId.PublicKeySize)
        {
            throw new ArgumentException($"A log key's public key is {NoteKeyId.PublicKeySize} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(publicKey, hash);
        return Prefix + Convert.ToHexStringLower(hash[..4]);
    }
}
