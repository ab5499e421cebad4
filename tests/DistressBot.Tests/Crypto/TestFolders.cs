using DistressBot.Crypto;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Crypto;

/// <summary>A temporary root with separate keys and data folders, deleted afterwards.</summary>
public sealed class TestFolders : IDisposable
{
    /// <summary>Cheap Argon2 for tests only; production uses <see cref="Argon2Settings.Moderate"/>.</summary>
    public static readonly Argon2Settings CheapArgon2 = new(MemoryKiB: 8 * 1024, Passes: 1);

    /// <summary>Creates the folders.</summary>
    public TestFolders()
    {
        Root = Directory.CreateTempSubdirectory("distressbot-crypto-").FullName;
        KeysDirectory = Directory.CreateDirectory(Path.Combine(Root, "keys")).FullName;
        DataDirectory = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
    }

    /// <summary>The temporary root.</summary>
    public string Root { get; }

    /// <summary>Where keyrings and key files go.</summary>
    public string KeysDirectory { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The keyring path.</summary>
    public string KeyringPath => Path.Combine(KeysDirectory, "keyring.json");

    /// <summary>The case-key file path.</summary>
    public string CaseKeysPath => Path.Combine(DataDirectory, "case-keys.json");

    /// <summary>A clock frozen at a known time.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a key file and returns its path.</summary>
    public string NewKeyFile(string name = "kek.key")
    {
        var path = Path.Combine(KeysDirectory, name);
        KeyFile.Create(path);
        return path;
    }

    /// <summary>Creates a keyring protected by a fresh key file (fast: no Argon2).</summary>
    public Keyring NewKeyFileKeyring(out string keyFile)
    {
        keyFile = NewKeyFile();
        using var secret = KeyEncryptionSecret.FromKeyFile(keyFile);
        return Keyring.Create(KeyringPath, secret, Time);
    }

    /// <summary>Files in a folder other than the ones expected, e.g. leftover temporary files.</summary>
    public static string[] FileNames(string folder) =>
        Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
