using DistressBot.Crypto;
using DistressBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Crypto;

/// <summary>Over the real LiteDB store: a destroyed case key leaves no copy of its record in the data file or its log.</summary>
public sealed class CaseKeyShreddingTests : IDisposable
{
    private static readonly RecordAddress CaseAddress = new("cases", "C-0001", "data");

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;

    public CaseKeyShreddingTests() => _keyring = _folders.NewKeyFileKeyring(out _);

    [Fact]
    public async Task Destroy_KeyRecordBytes_AreOverwrittenInTheDataFile_AndTheCaseNeverOpensAgain()
    {
        byte[] keyRecord;
        byte[] caseBlob;
        using (var caseKeys = CaseKeyStore.Open(_folders.DataDirectory, _keyring))
        {
            await using (var store = await OpenStoreAsync())
            {
                caseBlob = await store.ExecuteAsync(session =>
                {
                    caseKeys.Create(session, "C-0001");
                    return _keyring.Cipher.Seal("where she was taken"u8, CaseAddress, "C-0001");
                });
                keyRecord = await store.ExecuteAsync(session => session.Find(CaseKeyStore.Collection, "C-0001")!.Blob);
            }

            // The sealed key is in the data file (so the check below can fail) …
            Assert.True(DataFilesContain(Tail(keyRecord)), "the key record was not found in the data file before the purge");

            await using (var store = await OpenStoreAsync())
            {
                Assert.True(await store.ExecuteAsync(session => caseKeys.Destroy(session, "C-0001")));
            }
        }

        // … and after the purge's commit and checkpoint it is nowhere in the data file or the log.
        Assert.False(DataFilesContain(Tail(keyRecord)), "a copy of the destroyed key record is left in the data files");
        using var reloaded = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        await using (var store = await OpenStoreAsync())
        {
            await store.ExecuteAsync(reloaded.Load);
        }

        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(caseBlob, CaseAddress));
        Assert.Contains("key destroyed", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }

    // The nonce, ciphertext and tag: 24 + 41 + 16 bytes that appear nowhere else by chance.
    private static byte[] Tail(byte[] blob) => blob[^(RecordBlob.NonceSize + RecordBlob.TagSize + 32)..];

    private Task<LiteRecordStore> OpenStoreAsync() => LiteRecordStore.OpenAsync(_folders.DataDirectory, NullLogger.Instance, TimeProvider.System);

    private bool DataFilesContain(byte[] needle) =>
        Directory.GetFiles(_folders.DataDirectory).Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
}
