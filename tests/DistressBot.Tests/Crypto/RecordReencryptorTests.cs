using System.Text;
using DistressBot.Crypto;
using DistressBot.Storage;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Crypto;

public sealed class RecordReencryptorTests : IDisposable
{
    private static readonly (string Collection, string Field)[] Fields = [("people", "data"), ("checkins", "data")];

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly InMemoryRecordSession _session = new();

    public RecordReencryptorTests() => _keyring = _folders.NewKeyFileKeyring(out _);

    private void Seed(string collection, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"r{i:D3}";
            var blob = _keyring.Cipher.Seal(Encoding.UTF8.GetBytes($"{collection}-{id}"), new RecordAddress(collection, id, "data"));
            _session.Put(new StoredRecord(collection, id, null, blob));
        }
    }

    private void AssertAllReadableAndCurrent()
    {
        foreach (var (collection, field) in Fields)
        {
            foreach (var record in _session.All(collection))
            {
                var plaintext = _keyring.Cipher.Open(record.Blob, new RecordAddress(collection, record.Id, field));
                Assert.Equal($"{collection}-{record.Id}", Encoding.UTF8.GetString(plaintext));
                Assert.True(_keyring.Cipher.IsSealedWithCurrentKey(record.Blob));
            }
        }
    }

    [Fact]
    public void Reencrypt_InBatches_ReturnsCountsUntilZeroAndLeavesAllCurrent()
    {
        Seed("people", 6);
        Seed("checkins", 4);
        _keyring.Rotate();

        var counts = new List<int>();
        int count;
        do
        {
            count = RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 4);
            counts.Add(count);
        }
        while (count > 0);

        Assert.Equal([4, 4, 2, 0], counts);
        AssertAllReadableAndCurrent();
    }

    [Fact]
    public void Reencrypt_CrashAfterNRecordsThenRerun_ContinuesAndLeavesAllReadableAndCurrent()
    {
        Seed("people", 7);
        Seed("checkins", 5);
        _keyring.Rotate();
        var putsBefore = _session.PutCount;
        _session.CrashAfterPuts = 5;

        Assert.Throws<IOException>(() => RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 100));
        Assert.Equal(5, _session.PutCount - putsBefore);

        _session.CrashAfterPuts = null;
        var resumed = RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 100);

        Assert.Equal(7, resumed);
        Assert.Equal(12, _session.PutCount - putsBefore);
        AssertAllReadableAndCurrent();
        Assert.Equal(0, RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 100));
    }

    [Fact]
    public void Reencrypt_NothingStale_WritesNothing()
    {
        Seed("people", 3);
        var puts = _session.PutCount;

        Assert.Equal(0, RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 10));
        Assert.Equal(puts, _session.PutCount);
    }

    [Fact]
    public void Reencrypt_CaseBlobs_AreLeftUntouched()
    {
        using var store = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        store.Create(_session, "C-0001");
        var blob = _keyring.Cipher.Seal("case"u8, new RecordAddress("cases", "C-0001", "data"), "C-0001");
        _session.Put(new StoredRecord("cases", "C-0001", null, blob));
        _keyring.Rotate();

        Assert.Equal(0, RecordReencryptor.Reencrypt(_session, _keyring.Cipher, [("cases", "data")], maxRecords: 10));
        Assert.Same(blob, _session.Find("cases", "C-0001")!.Blob);
    }

    [Fact]
    public void Reencrypt_TamperedStaleBlob_ThrowsIntegrityAndDoesNotRewriteIt()
    {
        Seed("people", 2);
        _keyring.Rotate();
        var victim = _session.Find("people", "r001")!;
        var tampered = (byte[])victim.Blob.Clone();
        tampered[^1] ^= 1;
        _session.Put(victim with { Blob = tampered });

        Assert.Throws<RecordIntegrityException>(() => RecordReencryptor.Reencrypt(_session, _keyring.Cipher, Fields, maxRecords: 10));
        Assert.Same(tampered, _session.Find("people", "r001")!.Blob);
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }
}
