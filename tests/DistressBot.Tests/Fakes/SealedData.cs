using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Tests.Crypto;

namespace DistressBot.Tests.Fakes;

/// <summary>A <see cref="DataSession"/> over an <see cref="InMemoryRecordSession"/> with a real keyring: the domain's units of work without a database.</summary>
public sealed class SealedData : IDisposable
{
    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;

    public SealedData()
    {
        _keyring = _folders.NewKeyFileKeyring(out _);
        Db = new DataSession(Records, new CryptoContext(_keyring.Cipher, _keyring.Lookups, (_, _) => { }));
    }

    /// <summary>The records as the backend sees them.</summary>
    public InMemoryRecordSession Records { get; } = new();

    /// <summary>The typed, sealed view over <see cref="Records"/>.</summary>
    public DataSession Db { get; }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }
}
