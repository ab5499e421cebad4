using System.Security.Cryptography;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>Keyed BLAKE2b-256 over (purpose, value): finds records by value without storing it, and cannot be brute-forced from the data alone.</summary>
/// <remarks>The lookup key never rotates: rotating it would mean re-indexing every record, and it protects no record contents.</remarks>
internal sealed class LookupHasher(Keyring keyring) : ILookupHasher
{
    /// <inheritdoc/>
    public byte[] Compute(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);

        // Purpose is part of the input so a Telegram id and an invite code with the same text hash differently.
        var input = CanonicalEncoding.Encode("DistressBot.Lookup.v1", purpose, value);
        try
        {
            return MacAlgorithm.Blake2b_256.Mac(keyring.Keys.Lookup.Key, input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }
}
