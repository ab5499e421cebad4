using System.Security.Cryptography;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>
/// PIN hashes: Argon2id (NSec) over a keyed BLAKE2b-256 of the PIN under the keyring's lookup key, with a random 16-byte salt,
/// so a copied database alone does not allow guessing a PIN offline: the attacker needs the keyring too.
/// </summary>
/// <remarks>Fails closed: a keyring that cannot compute the keyed hash throws, and nothing is judged.</remarks>
public static class PinHasher
{
    /// <summary>Salt length libsodium's Argon2id takes (bytes).</summary>
    public const int SaltSize = 16;

    /// <summary>Length of a PIN hash (bytes).</summary>
    public const int HashSize = 32;

    /// <summary>The purpose under which the keyring's lookup key MACs a PIN (domain-separated from every lookup).</summary>
    private const string Purpose = "pin";

    /// <summary>The cost of one PIN hash: 8 MiB, 2 passes (about 15 ms on this machine; a check-in computes two, see docs/pin.md).</summary>
    public static Argon2Settings Cost { get; } = new(8 * 1024, 2);

    /// <summary>A new random salt of <see cref="SaltSize"/> bytes.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltSize);

    /// <summary>The <see cref="HashSize"/>-byte hash of <paramref name="pin"/> with <paramref name="salt"/> at <paramref name="cost"/>, keyed by <paramref name="keyed"/>.</summary>
    /// <exception cref="ArgumentException">The salt is not <see cref="SaltSize"/> bytes, or the cost is out of range.</exception>
    public static byte[] Hash(ILookupHasher keyed, string pin, ReadOnlySpan<byte> salt, Argon2Settings cost)
    {
        ArgumentNullException.ThrowIfNull(keyed);
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(cost);
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"A PIN salt must be {SaltSize} bytes.", nameof(salt));
        }

        cost.Validate();
        var peppered = keyed.Compute(Purpose, pin);
        try
        {
            var argon2 = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
            {
                DegreeOfParallelism = 1,
                MemorySize = cost.MemoryKiB,
                NumberOfPasses = cost.Passes,
            });
            return argon2.DeriveBytes(peppered, salt, HashSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(peppered);
        }
    }

    /// <summary>True when the two hashes are equal, compared in constant time.</summary>
    public static bool Same(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => CryptographicOperations.FixedTimeEquals(left, right);
}
