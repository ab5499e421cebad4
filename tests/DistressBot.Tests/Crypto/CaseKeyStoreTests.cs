using System.Text;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Crypto;

public sealed class CaseKeyStoreTests : IDisposable
{
    private static readonly RecordAddress CaseAddress = new("cases", "C-0042", "data");
    private static readonly RecordAddress OtherCaseAddress = new("cases", "C-0043", "data");
    private static readonly RecordAddress PersonAddress = new("people", "p1", "data");

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly string _keyFile;
    private readonly InMemoryRecordSession _records = new();

    public CaseKeyStoreTests() => _keyring = _folders.NewKeyFileKeyring(out _keyFile);

    [Fact]
    public void Seal_WithCaseId_UsesCaseKeyAndRoundTrips()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        store.Create(_records, "C-0042");

        var blob = _keyring.Cipher.Seal("where she was seen"u8, CaseAddress, "C-0042");

        Assert.Equal("c:C-0042", Encoding.ASCII.GetString(blob, 2, blob[1]));
        Assert.Equal("where she was seen"u8.ToArray(), _keyring.Cipher.Open(blob, CaseAddress));
        Assert.True(_keyring.Cipher.IsSealedWithCurrentKey(blob));
    }

    [Fact]
    public void Create_WritesOneRecordSealedUnderTheCurrentDataKey_AndNothingElse()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);

        store.Create(_records, "C-0042");

        var record = Assert.Single(_records.All(CaseKeyStore.Collection));
        Assert.Equal("C-0042", record.Id);
        Assert.Null(record.Lookup);
        Assert.Equal(_keyring.CurrentKeyId, Encoding.ASCII.GetString(record.Blob, 2, record.Blob[1]));
        Assert.Empty(_records.All(CaseKeyStore.DestroyedCollection));
        Assert.Equal(1, _records.PutCount);
        Assert.Empty(TestFolders.FileNames(_folders.DataDirectory)); // no file of its own any more
    }

    [Fact]
    public void Create_Twice_KeepsTheExistingKeyAndRecord()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        store.Create(_records, "C-0042");
        var blob = _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042");
        var recordBefore = _records.Find(CaseKeyStore.Collection, "C-0042")!;

        store.Create(_records, "C-0042");

        Assert.True(store.Exists("C-0042"));
        Assert.Equal("x"u8.ToArray(), _keyring.Cipher.Open(blob, CaseAddress));
        Assert.Same(recordBefore, _records.Find(CaseKeyStore.Collection, "C-0042"));
    }

    [Fact]
    public async Task Create_InAUnitThatRolledBack_LeavesNoRecord_AndTheNextUnitWritesTheKeyItSealsWith()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        var backend = new InMemoryRecordStore(_records);
        await Assert.ThrowsAsync<IOException>(() => backend.ExecuteAsync<bool>(session =>
        {
            store.Create(session, "C-0042");
            throw new IOException("disk full");
        }));
        Assert.Empty(_records.All(CaseKeyStore.Collection));

        var blob = await backend.ExecuteAsync(session =>
        {
            store.Create(session, "C-0042");
            return _keyring.Cipher.Seal("kept"u8, CaseAddress, "C-0042");
        });

        // The key it sealed with is the one in the store: a fresh load opens the blob.
        using var reopened = ReopenEverything(out var keyring);
        Assert.Equal("kept"u8.ToArray(), keyring.Cipher.Open(blob, CaseAddress));
        keyring.Dispose();
    }

    [Fact]
    public void Destroy_Case_DeletesItsRecordLeavesATombstone_ItsBlobsFailWithKeyDestroyed_OthersStayReadable()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        store.Create(_records, "C-0042");
        store.Create(_records, "C-0043");
        var doomed = _keyring.Cipher.Seal("doomed"u8, CaseAddress, "C-0042");
        var otherCase = _keyring.Cipher.Seal("other case"u8, OtherCaseAddress, "C-0043");
        var person = _keyring.Cipher.Seal("person"u8, PersonAddress);

        Assert.True(store.Destroy(_records, "C-0042"));

        Assert.Null(_records.Find(CaseKeyStore.Collection, "C-0042"));
        Assert.NotNull(_records.Find(CaseKeyStore.DestroyedCollection, "C-0042"));
        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(doomed, CaseAddress));
        Assert.Contains("key destroyed", ex.Message, StringComparison.Ordinal);
        Assert.False(store.Exists("C-0042"));
        Assert.Equal("other case"u8.ToArray(), _keyring.Cipher.Open(otherCase, OtherCaseAddress));
        Assert.Equal("person"u8.ToArray(), _keyring.Cipher.Open(person, PersonAddress));
        Assert.False(store.Destroy(_records, "C-0042"));
        Assert.Throws<InvalidOperationException>(() => store.Create(_records, "C-0042"));
        Assert.Throws<InvalidOperationException>(() => _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042"));
        Assert.Null(_records.Find(CaseKeyStore.Collection, "C-0042"));
    }

    [Fact]
    public void Destroy_Case_StaysDestroyedAfterReload()
    {
        byte[] doomed;
        using (var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            store.Create(_records, "C-0042");
            doomed = _keyring.Cipher.Seal("doomed"u8, CaseAddress, "C-0042");
            store.Destroy(_records, "C-0042");
        }

        using var reopened = ReopenEverything(out var keyring);
        var ex = Assert.Throws<RecordIntegrityException>(() => keyring.Cipher.Open(doomed, CaseAddress));
        Assert.Contains("key destroyed", ex.Message, StringComparison.Ordinal);
        Assert.False(reopened.Exists("C-0042"));
        keyring.Dispose();
    }

    [Fact]
    public void Load_AfterReopenOfKeyringAndStore_CaseBlobsStillOpen()
    {
        byte[] blob;
        using (var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            store.Create(_records, "C-0042");
            blob = _keyring.Cipher.Seal("kept"u8, CaseAddress, "C-0042");
        }

        using var reopened = ReopenEverything(out var keyring);
        Assert.Equal("kept"u8.ToArray(), keyring.Cipher.Open(blob, CaseAddress));
        Assert.True(reopened.Exists("C-0042"));
        keyring.Dispose();
    }

    [Fact]
    public void Open_CaseBlobWithoutStore_ThrowsIntegrity()
    {
        byte[] blob;
        using (var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            store.Create(_records, "C-0042");
            blob = _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042");
        }

        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(blob, CaseAddress));
        Assert.Contains("case keys are not loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RecordsOfAnotherKeyring_FailsClearlyAndLoadsNothing()
    {
        using (var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            store.Create(_records, "C-0042");
        }

        using var otherFolders = new TestFolders();
        using var other = otherFolders.NewKeyFileKeyring(out _);
        using var otherStore = CaseKeyStore.Open(otherFolders.DataDirectory, other);

        var ex = Assert.Throws<KeyringException>(() => otherStore.Load(_records));
        Assert.Contains("C-0042", ex.Message, StringComparison.Ordinal);
        Assert.False(otherStore.Exists("C-0042"));
    }

    [Fact]
    public void Open_KeyringInsideDataDirectory_IsRefused()
    {
        var ex = Assert.Throws<KeyringException>(() => CaseKeyStore.Open(_folders.KeysDirectory, _keyring));

        Assert.Contains("inside the data directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SecondStoreOnSameKeyring_IsRefused()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);

        Assert.Throws<InvalidOperationException>(() => CaseKeyStore.Open(_folders.DataDirectory, _keyring));
    }

    [Fact]
    public void Reencrypt_AfterRotate_ReSealsKeyRecordsAndTombstones_AndCaseBlobsStillOpenAfterReload()
    {
        using (var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            store.Create(_records, "C-0042");
            store.Create(_records, "C-0043");
            store.Destroy(_records, "C-0043");
        }

        var blob = SealWithReloadedKeys("x"u8, CaseAddress, "C-0042");
        _keyring.Rotate();
        var fields = Collections.All.Select(c => (c, Collections.DataField)).ToList();

        Assert.Equal(2, RecordReencryptor.Reencrypt(_records, _keyring.Cipher, fields, maxRecords: 10));
        Assert.Equal(0, RecordReencryptor.Reencrypt(_records, _keyring.Cipher, fields, maxRecords: 10));

        var resealed = _records.All(CaseKeyStore.Collection).Concat(_records.All(CaseKeyStore.DestroyedCollection)).ToList();
        Assert.Equal(2, resealed.Count);
        Assert.All(resealed, r => Assert.Equal("k2", Encoding.ASCII.GetString(r.Blob, 2, r.Blob[1])));
        using var reopened = ReopenEverything(out var keyring);
        Assert.Equal("x"u8.ToArray(), keyring.Cipher.Open(blob, CaseAddress));
        Assert.False(reopened.Exists("C-0043"));
        keyring.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("C 42")]
    [InlineData("C:42")]
    [InlineData("Ц-42")]
    public void Create_InvalidCaseId_ThrowsAndWritesNothing(string caseId)
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);

        Assert.ThrowsAny<ArgumentException>(() => store.Create(_records, caseId));
        Assert.Equal(0, _records.PutCount);
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }

    private byte[] SealWithReloadedKeys(ReadOnlySpan<byte> plaintext, RecordAddress address, string caseId)
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        store.Load(_records);
        return _keyring.Cipher.Seal(plaintext, address, caseId);
    }

    private CaseKeyStore ReopenEverything(out Keyring keyring)
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(_keyFile);
        keyring = Keyring.Open(_folders.KeyringPath, secret);
        var store = CaseKeyStore.Open(_folders.DataDirectory, keyring);
        store.Load(_records);
        return store;
    }
}
