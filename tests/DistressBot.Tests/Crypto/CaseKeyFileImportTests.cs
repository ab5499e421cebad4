using DistressBot.Crypto;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Crypto;

/// <summary>An earlier version's case-keys.json moves into the store at start: one unit of work, then the file goes; a crash anywhere leaves the file or the records.</summary>
public sealed class CaseKeyFileImportTests : IDisposable
{
    private static readonly RecordAddress CaseAddress = new("cases", "C-0001", "data");

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly CaseKeyStore _caseKeys;
    private readonly InMemoryRecordSession _records = new();
    private readonly InMemoryRecordStore _store;

    public CaseKeyFileImportTests()
    {
        _keyring = _folders.NewKeyFileKeyring(out _);
        _caseKeys = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        _store = new InMemoryRecordStore(_records);
    }

    private string FilePath => Path.Combine(_folders.DataDirectory, CaseKeyFileImport.FileName);

    [Fact]
    public async Task RunAsync_LegacyFile_KeysAndTombstonesBecomeRecords_OldBlobsOpen_FileRemoved()
    {
        var legacy = new LegacyCaseKeyFile(FilePath, _keyring, ["C-0001", "C-0002"], ["C-0003"]);
        var blob = legacy.Seal("C-0001", "from before"u8, CaseAddress);

        Assert.Equal(3, await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));
        await _store.ExecuteAsync(_caseKeys.Load);

        Assert.False(File.Exists(FilePath));
        Assert.Equal(["C-0001", "C-0002"], _records.All(CaseKeyStore.Collection).Select(r => r.Id));
        Assert.Equal(["C-0003"], _records.All(CaseKeyStore.DestroyedCollection).Select(r => r.Id));
        Assert.Equal("from before"u8.ToArray(), _keyring.Cipher.Open(blob, CaseAddress));
        Assert.True(_caseKeys.Exists("C-0002"));
        Assert.Null(_caseKeys.FindKey("C-0003", out var destroyed));
        Assert.True(destroyed);
        Assert.Throws<InvalidOperationException>(() => _caseKeys.Create(_records, "C-0003"));
    }

    [Fact]
    public async Task RunAsync_CrashInsideTheUnitOfWork_LeavesTheFileAndNoRecords_AndTheNextStartImports()
    {
        var legacy = new LegacyCaseKeyFile(FilePath, _keyring, ["C-0001", "C-0002"], ["C-0003"]);
        var before = File.ReadAllBytes(FilePath);
        _records.CrashAfterPuts = 2; // the third record's write fails: the unit rolls back

        await Assert.ThrowsAsync<IOException>(() => CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));

        Assert.Equal(before, File.ReadAllBytes(FilePath));
        Assert.Empty(_records.All(CaseKeyStore.Collection));
        Assert.Empty(_records.All(CaseKeyStore.DestroyedCollection));

        _records.CrashAfterPuts = null;
        Assert.Equal(3, await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));
        await _store.ExecuteAsync(_caseKeys.Load);
        Assert.False(File.Exists(FilePath));
        Assert.Equal("kept"u8.ToArray(), _keyring.Cipher.Open(legacy.Seal("C-0001", "kept"u8, CaseAddress), CaseAddress));
    }

    [Fact]
    public async Task RunAsync_CrashAfterTheCommitBeforeTheFileIsRemoved_TheNextStartChangesNothingAndRemovesIt()
    {
        var legacy = new LegacyCaseKeyFile(FilePath, _keyring, ["C-0001", "C-0002"], ["C-0003"]);
        var file = File.ReadAllBytes(FilePath);
        await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring);
        var committed = _records.All(CaseKeyStore.Collection).Concat(_records.All(CaseKeyStore.DestroyedCollection)).ToList();
        File.WriteAllBytes(FilePath, file); // as if the process died between the commit and the delete
        var puts = _records.PutCount;

        Assert.Equal(0, await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));

        Assert.False(File.Exists(FilePath));
        Assert.Equal(puts, _records.PutCount);
        Assert.Equal(committed, _records.All(CaseKeyStore.Collection).Concat(_records.All(CaseKeyStore.DestroyedCollection)));
        await _store.ExecuteAsync(_caseKeys.Load);
        Assert.Equal("kept"u8.ToArray(), _keyring.Cipher.Open(legacy.Seal("C-0001", "kept"u8, CaseAddress), CaseAddress));
    }

    [Fact]
    public async Task RunAsync_KeyTheFileSaysWasDestroyed_IsDeletedFromTheStore_DestructionWins()
    {
        await _store.ExecuteAsync(session =>
        {
            _caseKeys.Create(session, "C-0003");
            return true;
        });
        _ = new LegacyCaseKeyFile(FilePath, _keyring, [], ["C-0003"]);

        await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring);

        Assert.Empty(_records.All(CaseKeyStore.Collection));
        Assert.Equal(["C-0003"], _records.All(CaseKeyStore.DestroyedCollection).Select(r => r.Id));
    }

    [Fact]
    public async Task RunAsync_DamagedFile_ThrowsAClearErrorAndLeavesFileAndStoreAsTheyWere()
    {
        _ = new LegacyCaseKeyFile(FilePath, _keyring, ["C-0001"], []);
        var damaged = File.ReadAllText(FilePath).Replace("\"wrappedBy\": \"k1\"", "\"wrappedBy\": \"k9\"", StringComparison.Ordinal);
        File.WriteAllText(FilePath, damaged);

        var ex = await Assert.ThrowsAsync<KeyringException>(() => CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));

        Assert.Contains("k9", ex.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, File.ReadAllText(FilePath));
        Assert.Equal(0, _records.PutCount);
    }

    [Fact]
    public async Task RunAsync_NoFile_DoesNothing()
    {
        Assert.Equal(0, await CaseKeyFileImport.RunAsync(FilePath, _store, _caseKeys, _keyring));

        Assert.Equal(0, _records.PutCount);
        Assert.False(File.Exists(FilePath));
    }

    public void Dispose()
    {
        _caseKeys.Dispose();
        _keyring.Dispose();
        _folders.Dispose();
    }
}
