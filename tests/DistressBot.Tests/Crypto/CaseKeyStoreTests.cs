using System.Text;
using DistressBot.Crypto;

namespace DistressBot.Tests.Crypto;

public sealed class CaseKeyStoreTests : IDisposable
{
    private static readonly RecordAddress CaseAddress = new("cases", "C-0042", "data");
    private static readonly RecordAddress OtherCaseAddress = new("cases", "C-0043", "data");
    private static readonly RecordAddress PersonAddress = new("people", "p1", "data");

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly string _keyFile;

    public CaseKeyStoreTests() => _keyring = _folders.NewKeyFileKeyring(out _keyFile);

    [Fact]
    public void Seal_WithCaseId_UsesCaseKeyAndRoundTrips()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        store.Create("C-0042");

        var blob = _keyring.Cipher.Seal("where she was seen"u8, CaseAddress, "C-0042");

        Assert.Equal("c:C-0042", Encoding.ASCII.GetString(blob, 2, blob[1]));
        Assert.Equal("where she was seen"u8.ToArray(), _keyring.Cipher.Open(blob, CaseAddress));
        Assert.True(_keyring.Cipher.IsSealedWithCurrentKey(blob));
    }

    [Fact]
    public void Create_Twice_KeepsTheExistingKey()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        store.Create("C-0042");
        var blob = _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042");
        var fileBefore = File.ReadAllBytes(_folders.CaseKeysPath);

        store.Create("C-0042");

        Assert.True(store.Exists("C-0042"));
        Assert.Equal("x"u8.ToArray(), _keyring.Cipher.Open(blob, CaseAddress));
        Assert.Equal(fileBefore, File.ReadAllBytes(_folders.CaseKeysPath));
    }

    [Fact]
    public void Destroy_Case_ItsBlobsFailWithKeyDestroyedOthersStayReadable()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        store.Create("C-0042");
        store.Create("C-0043");
        var doomed = _keyring.Cipher.Seal("doomed"u8, CaseAddress, "C-0042");
        var otherCase = _keyring.Cipher.Seal("other case"u8, OtherCaseAddress, "C-0043");
        var person = _keyring.Cipher.Seal("person"u8, PersonAddress);

        Assert.True(store.Destroy("C-0042"));

        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(doomed, CaseAddress));
        Assert.Contains("key destroyed", ex.Message, StringComparison.Ordinal);
        Assert.False(store.Exists("C-0042"));
        Assert.Equal("other case"u8.ToArray(), _keyring.Cipher.Open(otherCase, OtherCaseAddress));
        Assert.Equal("person"u8.ToArray(), _keyring.Cipher.Open(person, PersonAddress));
        Assert.False(store.Destroy("C-0042"));
        Assert.Throws<InvalidOperationException>(() => store.Create("C-0042"));
        Assert.Throws<InvalidOperationException>(() => _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042"));
    }

    [Fact]
    public void Destroy_Case_StaysDestroyedAfterReopenAndItsWrappedKeyIsGoneFromTheFile()
    {
        byte[] doomed;
        string wrappedBefore;
        using (var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring))
        {
            store.Create("C-0042");
            doomed = _keyring.Cipher.Seal("doomed"u8, CaseAddress, "C-0042");
            wrappedBefore = WrappedOf("C-0042");
            store.Destroy("C-0042");
        }

        using var reopened = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(doomed, CaseAddress));
        Assert.Contains("key destroyed", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrappedBefore, File.ReadAllText(_folders.CaseKeysPath), StringComparison.Ordinal);
        Assert.Equal(["case-keys.json"], TestFolders.FileNames(_folders.DataDirectory));
    }

    [Fact]
    public void Open_AfterReopenOfKeyringAndStore_CaseBlobsStillOpen()
    {
        byte[] blob;
        using (var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring))
        {
            store.Create("C-0042");
            blob = _keyring.Cipher.Seal("kept"u8, CaseAddress, "C-0042");
        }

        using var secret = KeyEncryptionSecret.FromKeyFile(_keyFile);
        using var keyring = Keyring.Open(_folders.KeyringPath, secret);
        using var reopened = CaseKeyStore.Open(_folders.CaseKeysPath, keyring);
        Assert.Equal("kept"u8.ToArray(), keyring.Cipher.Open(blob, CaseAddress));
    }

    [Fact]
    public void Open_CaseBlobWithoutStore_ThrowsIntegrity()
    {
        byte[] blob;
        using (var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring))
        {
            store.Create("C-0042");
            blob = _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042");
        }

        var ex = Assert.Throws<RecordIntegrityException>(() => _keyring.Cipher.Open(blob, CaseAddress));
        Assert.Contains("case keys are not loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StoreWithAnotherKeyring_FailsClearly()
    {
        using (var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring))
        {
            store.Create("C-0042");
        }

        using var otherFolders = new TestFolders();
        using var other = otherFolders.NewKeyFileKeyring(out _);

        var ex = Assert.Throws<KeyringException>(() => CaseKeyStore.Open(_folders.CaseKeysPath, other));
        Assert.Contains("C-0042", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeyringInsideDataDirectory_IsRefused()
    {
        var ex = Assert.Throws<KeyringException>(() => CaseKeyStore.Open(Path.Combine(_folders.KeysDirectory, "case-keys.json"), _keyring));

        Assert.Contains("inside the data directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SecondStoreOnSameKeyring_IsRefused()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);

        Assert.Throws<InvalidOperationException>(() => CaseKeyStore.Open(_folders.CaseKeysPath, _keyring));
    }

    [Fact]
    public void RewrapWithCurrentKey_AfterRotate_RewrapsOnceAndCaseBlobsStillOpen()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        store.Create("C-0042");
        store.Create("C-0043");
        var blob = _keyring.Cipher.Seal("x"u8, CaseAddress, "C-0042");
        _keyring.Rotate();

        Assert.Equal(2, store.RewrapWithCurrentKey());
        Assert.Equal(0, store.RewrapWithCurrentKey());

        Assert.All(WrappedByValues(), id => Assert.Equal("k2", id));
        using var reopened = ReopenEverything(out var keyring);
        Assert.Equal("x"u8.ToArray(), keyring.Cipher.Open(blob, CaseAddress));
        keyring.Dispose();
    }

    [Fact]
    public void CaseKeyFile_Scanned_ContainsNoRawCaseKeyAndIsOwnerOnly()
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        store.Create("C-0042");
        var blob = _keyring.Cipher.Seal("secret"u8, CaseAddress, "C-0042");
        var person = _keyring.Cipher.Seal("person"u8, PersonAddress);
        var file = File.ReadAllBytes(_folders.CaseKeysPath);

        Assert.False(RawKeyScanner.AnyCandidateOpens(file, blob, CaseAddress));
        Assert.False(RawKeyScanner.AnyCandidateOpens(file, person, PersonAddress));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folders.CaseKeysPath));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("C 42")]
    [InlineData("C:42")]
    [InlineData("Ц-42")]
    public void Create_InvalidCaseId_Throws(string caseId)
    {
        using var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);

        Assert.ThrowsAny<ArgumentException>(() => store.Create(caseId));
        Assert.False(File.Exists(_folders.CaseKeysPath));
    }

    [Fact]
    public void CreateAndDestroy_FromManyThreads_LeaveAConsistentFile()
    {
        using (var store = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring))
        {
            Parallel.For(0, 40, i =>
            {
                var id = $"C-{i:D4}";
                store.Create(id);
                _keyring.Cipher.Seal("x"u8, new RecordAddress("cases", id, "data"), id);
                if (i % 2 == 0)
                {
                    store.Destroy(id);
                }
            });
        }

        using var reopened = CaseKeyStore.Open(_folders.CaseKeysPath, _keyring);
        Assert.Equal(20, Enumerable.Range(0, 40).Count(i => reopened.Exists($"C-{i:D4}")));
        Assert.All(Enumerable.Range(0, 40).Where(i => i % 2 == 1), i => Assert.True(reopened.Exists($"C-{i:D4}")));
    }

    private string WrappedOf(string caseId) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_folders.CaseKeysPath))!["cases"]!.AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == caseId)!["wrapped"]!.GetValue<string>();

    private string[] WrappedByValues() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_folders.CaseKeysPath))!["cases"]!.AsArray()
            .Select(c => c!["wrappedBy"]!.GetValue<string>()).ToArray();

    private CaseKeyStore ReopenEverything(out Keyring keyring)
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(_keyFile);
        keyring = Keyring.Open(_folders.KeyringPath, secret);
        return CaseKeyStore.Open(_folders.CaseKeysPath, keyring);
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }
}
