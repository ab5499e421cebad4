namespace DistressBot.Crypto;

/// <summary>Argon2id cost for deriving a key-encryption key from a passphrase; stored in the keyring so it can change later.</summary>
/// <param name="MemoryKiB">Memory per derivation in KiB.</param>
/// <param name="Passes">Number of passes over that memory.</param>
/// <remarks>
/// Production keyrings use <see cref="Moderate"/> (the default everywhere). Cheaper values exist only so tests can pass
/// them explicitly; nothing chooses them implicitly. Parallelism is always 1, the only value libsodium supports.
/// </remarks>
public sealed record Argon2Settings(long MemoryKiB, long Passes)
{
    /// <summary>Smallest memory libsodium accepts (8 KiB).</summary>
    public const long MinMemoryKiB = 8;

    /// <summary>Largest memory a keyring file may ask for (4 GiB), so a damaged file cannot exhaust the machine.</summary>
    public const long MaxMemoryKiB = 4L * 1024 * 1024;

    /// <summary>Largest pass count a keyring file may ask for.</summary>
    public const long MaxPasses = 64;

    /// <summary>libsodium's "moderate" preset: 256 MiB, 3 passes (about a second on a server core).</summary>
    public static Argon2Settings Moderate { get; } = new(256 * 1024, 3);

    /// <summary>Throws when the values are outside what libsodium and this project accept.</summary>
    public void Validate()
    {
        if (MemoryKiB is < MinMemoryKiB or > MaxMemoryKiB)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryKiB), MemoryKiB, $"Argon2 memory must be {MinMemoryKiB}..{MaxMemoryKiB} KiB.");
        }

        if (Passes is < 1 or > MaxPasses)
        {
            throw new ArgumentOutOfRangeException(nameof(Passes), Passes, $"Argon2 passes must be 1..{MaxPasses}.");
        }
    }
}
