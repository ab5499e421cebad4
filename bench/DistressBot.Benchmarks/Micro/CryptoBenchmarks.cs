using BenchmarkDotNet.Attributes;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Storage;

namespace DistressBot.Benchmarks.Micro;

/// <summary>The crypto every record and lookup pays for, with a real keyring: seal and open a 300-byte record, a keyed lookup hash, a PIN verification (Argon2id).</summary>
[MemoryDiagnoser(false)]
public class CryptoBenchmarks : IDisposable
{
    private static readonly RecordAddress Address = new("people", "p42", "record");
    private readonly byte[] _record = new byte[300];
    private string _folder = "";
    private Keyring? _keyring;
    private byte[] _sealed = [];
    private PinVault? _pins;
    private byte[] _salt = [];
    private byte[] _hash = [];

    /// <summary>A fresh keyring in a temporary owner-only folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("distressbot-bdn-").FullName;
        OwnerOnly.Tighten(_folder);
        KeyFile.Create(Path.Combine(_folder, "key"));
        using var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(_folder, "key"));
        _keyring = Keyring.Create(Path.Combine(_folder, "keyring.json"), secret, TimeProvider.System);
        _sealed = _keyring.Cipher.Seal(_record, Address);
        _pins = new PinVault(_keyring.Lookups);
        (_salt, _hash) = _pins.Hash("482910");
    }

    /// <summary>Seal a 300-byte record (XChaCha20-Poly1305 under the current data key).</summary>
    [Benchmark]
    public byte[] SealRecord() => _keyring!.Cipher.Seal(_record, Address);

    /// <summary>Open it again.</summary>
    [Benchmark]
    public byte[] OpenRecord() => _keyring!.Cipher.Open(_sealed, Address);

    /// <summary>The keyed hash that finds a person by Telegram id.</summary>
    [Benchmark]
    public byte[] LookupHash() => _keyring!.Lookups.Compute("telegram-user", "2000042");

    /// <summary>Check a typed PIN against the stored salt and hash.</summary>
    [Benchmark]
    public bool VerifyPin() => _pins!.Matches("482910", _salt, _hash);

    /// <summary>Disposes the keyring and removes its folder.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _keyring?.Dispose();
        _keyring = null;
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
