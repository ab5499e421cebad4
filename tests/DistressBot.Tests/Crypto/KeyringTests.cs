using System.Text;
using System.Text.Json;
using DistressBot.Crypto;

namespace DistressBot.Tests.Crypto;

public sealed class KeyringTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple, Грозный";
    private static readonly RecordAddress Address = new("people", "p1", "data");

    private readonly TestFolders _folders = new();

    private Keyring NewPassphraseKeyring(string passphrase = Passphrase)
    {
        using var secret = KeyEncryptionSecret.FromPassphrase(passphrase);
        return Keyring.Create(_folders.KeyringPath, secret, _folders.Time, TestFolders.CheapArgon2);
    }

    private Keyring OpenWithPassphrase(string passphrase = Passphrase)
    {
        using var secret = KeyEncryptionSecret.FromPassphrase(passphrase);
        return Keyring.Open(_folders.KeyringPath, secret);
    }

    [Fact]
    public void Create_WithPassphraseAndCheapArgon2_RoundTripsAfterReopen()
    {
        byte[] blob;
        using (var keyring = NewPassphraseKeyring())
        {
            blob = keyring.Cipher.Seal("hello"u8, Address);
        }

        using var reopened = OpenWithPassphrase();
        Assert.Equal("hello"u8.ToArray(), reopened.Cipher.Open(blob, Address));
        Assert.Equal("k1", reopened.CurrentKeyId);
        Assert.Equal(["k1"], reopened.KeyIds);
    }

    [Fact]
    public void Create_WithPassphrase_StoresVersionKdfParametersAndKeys()
    {
        using var keyring = NewPassphraseKeyring();

        using var json = JsonDocument.Parse(File.ReadAllBytes(_folders.KeyringPath));
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("format").GetInt32());
        var kdf = root.GetProperty("kdf");
        Assert.Equal("passphrase", kdf.GetProperty("kind").GetString());
        Assert.Equal("argon2id", kdf.GetProperty("algorithm").GetString());
        Assert.Equal(16, Convert.FromBase64String(kdf.GetProperty("salt").GetString()!).Length);
        Assert.Equal(8 * 1024, kdf.GetProperty("memoryKiB").GetInt64());
        Assert.Equal(1, kdf.GetProperty("passes").GetInt64());
        Assert.Equal(1, kdf.GetProperty("parallelism").GetInt32());
        Assert.Equal("k1", root.GetProperty("currentKeyId").GetString());
        var keys = root.GetProperty("keys").EnumerateArray().Select(k => (k.GetProperty("id").GetString(), k.GetProperty("role").GetString())).ToArray();
        Assert.Equal([("k1", "data"), ("l1", "lookup"), ("s1", "log")], keys);
        Assert.All(root.GetProperty("keys").EnumerateArray(), k => Assert.Equal(_folders.Time.GetUtcNow(), k.GetProperty("created").GetDateTimeOffset()));
    }

    [Fact]
    public void Create_WithoutArgon2Settings_UsesModerateDefault()
    {
        using var secret = KeyEncryptionSecret.FromPassphrase(Passphrase);
        using var keyring = Keyring.Create(_folders.KeyringPath, secret, _folders.Time);

        using var json = JsonDocument.Parse(File.ReadAllBytes(_folders.KeyringPath));
        var kdf = json.RootElement.GetProperty("kdf");
        Assert.Equal(256 * 1024, kdf.GetProperty("memoryKiB").GetInt64());
        Assert.Equal(3, kdf.GetProperty("passes").GetInt64());
        Assert.Equal(Argon2Settings.Moderate, new Argon2Settings(256 * 1024, 3));
    }

    [Fact]
    public void Create_WithKeyFile_StoresHkdfAndNoArgon2()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);

        using var json = JsonDocument.Parse(File.ReadAllBytes(_folders.KeyringPath));
        var kdf = json.RootElement.GetProperty("kdf");
        Assert.Equal("keyFile", kdf.GetProperty("kind").GetString());
        Assert.Equal("hkdf-sha256", kdf.GetProperty("algorithm").GetString());
        Assert.False(kdf.TryGetProperty("memoryKiB", out _));
    }

    [Fact]
    public void Create_FileIsOwnerOnlyAndNoTempFilesRemain()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folders.KeyringPath));
        }

        Assert.Equal(["kek.key", "keyring.json"], TestFolders.FileNames(_folders.KeysDirectory));
    }

    [Fact]
    public void Create_FileExists_ThrowsAndLeavesItUntouched()
    {
        File.WriteAllText(_folders.KeyringPath, "precious");
        using var secret = KeyEncryptionSecret.FromPassphrase(Passphrase);

        var ex = Assert.Throws<KeyringException>(() => Keyring.Create(_folders.KeyringPath, secret, _folders.Time, TestFolders.CheapArgon2));

        Assert.Contains("refusing to overwrite", ex.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(_folders.KeyringPath));
    }

    [Fact]
    public void Create_ShortPassphrase_IsRefused()
    {
        using var secret = KeyEncryptionSecret.FromPassphrase("short");

        Assert.Throws<ArgumentException>(() => Keyring.Create(_folders.KeyringPath, secret, _folders.Time, TestFolders.CheapArgon2));
        Assert.False(File.Exists(_folders.KeyringPath));
    }

    [Fact]
    public void Open_WrongPassphrase_ThrowsExactMessageAndLeavesFileByteIdentical()
    {
        NewPassphraseKeyring().Dispose();
        var before = File.ReadAllBytes(_folders.KeyringPath);
        var modified = File.GetLastWriteTimeUtc(_folders.KeyringPath);

        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase("correct horse battery staple, Грозныи"));

        Assert.Equal("the keyring could not be opened with this passphrase", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(_folders.KeyringPath));
        Assert.Equal(["keyring.json"], TestFolders.FileNames(_folders.KeysDirectory));
    }

    [Fact]
    public void Open_WrongKeyFile_ThrowsExactMessageAndLeavesFileByteIdentical()
    {
        _folders.NewKeyFileKeyring(out _).Dispose();
        var before = File.ReadAllBytes(_folders.KeyringPath);
        var otherKeyFile = _folders.NewKeyFile("other.key");
        using var wrong = KeyEncryptionSecret.FromKeyFile(otherKeyFile);

        var ex = Assert.Throws<KeyringException>(() => Keyring.Open(_folders.KeyringPath, wrong));

        Assert.Equal("the keyring could not be opened with this key file", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void Open_KeyFileForPassphraseKeyring_ThrowsKindMismatch()
    {
        NewPassphraseKeyring().Dispose();
        using var keyFile = KeyEncryptionSecret.FromKeyFile(_folders.NewKeyFile());

        var ex = Assert.Throws<KeyringException>(() => Keyring.Open(_folders.KeyringPath, keyFile));

        Assert.Contains("was made with a passphrase, but a key file was given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PassphraseForKeyFileKeyring_ThrowsKindMismatch()
    {
        _folders.NewKeyFileKeyring(out _).Dispose();

        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase());

        Assert.Contains("was made with a key file, but a passphrase was given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNamingThePath()
    {
        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase());

        Assert.Contains(_folders.KeyringPath, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folders.KeyringPath));
    }

    [Fact]
    public void Open_CorruptJson_ThrowsAndWritesNothing()
    {
        File.WriteAllText(_folders.KeyringPath, "{ \"format\": 1, ");

        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase());

        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"format\": 1, ", File.ReadAllText(_folders.KeyringPath));
    }

    [Fact]
    public void Open_UnknownFormatVersion_ThrowsNamingTheVersion()
    {
        NewPassphraseKeyring().Dispose();
        var text = File.ReadAllText(_folders.KeyringPath).Replace("\"format\": 2", "\"format\": 7", StringComparison.Ordinal);
        File.WriteAllText(_folders.KeyringPath, text);

        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase());

        Assert.Contains("format version 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrappedKeysSwappedBetweenIds_FailsToOpen()
    {
        using (var keyring = _folders.NewKeyFileKeyring(out _))
        {
            keyring.Rotate();
        }

        // Swapping k1's and k2's wrapped bytes must not go unnoticed: each wrap is bound to its id and role.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        var keys = json["keys"]!.AsArray();
        var first = keys[0]!["wrapped"]!.GetValue<string>();
        keys[0]!["wrapped"] = keys[1]!["wrapped"]!.GetValue<string>();
        keys[1]!["wrapped"] = first;
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString());
        using var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(_folders.KeysDirectory, "kek.key"));

        Assert.Throws<KeyringException>(() => Keyring.Open(_folders.KeyringPath, secret));
    }

    [Fact]
    public void ChangeSecret_ToNewPassphrase_NewOpensOldDoesNotDataStillReadable()
    {
        byte[] blob;
        using (var keyring = NewPassphraseKeyring())
        {
            blob = keyring.Cipher.Seal("survives"u8, Address);
            using var next = KeyEncryptionSecret.FromPassphrase("a completely different passphrase");
            keyring.ChangeSecret(next);
            Assert.Equal("survives"u8.ToArray(), keyring.Cipher.Open(blob, Address));
        }

        var ex = Assert.Throws<KeyringException>(() => OpenWithPassphrase());
        Assert.Equal("the keyring could not be opened with this passphrase", ex.Message);
        using var reopened = OpenWithPassphrase("a completely different passphrase");
        Assert.Equal("survives"u8.ToArray(), reopened.Cipher.Open(blob, Address));
    }

    [Fact]
    public void ChangeSecret_Always_UsesNewSaltAndKeepsCheapCost()
    {
        using var keyring = NewPassphraseKeyring();
        var saltBefore = ReadKdf()["salt"]!.GetValue<string>();

        using var next = KeyEncryptionSecret.FromPassphrase(Passphrase);
        keyring.ChangeSecret(next);

        var kdf = ReadKdf();
        Assert.NotEqual(saltBefore, kdf["salt"]!.GetValue<string>());
        Assert.Equal(8 * 1024, kdf["memoryKiB"]!.GetValue<long>());
    }

    [Fact]
    public void ChangeSecret_FromPassphraseToKeyFile_SwitchesKind()
    {
        byte[] blob;
        var keyFile = _folders.NewKeyFile();
        using (var keyring = NewPassphraseKeyring())
        {
            blob = keyring.Cipher.Seal("moved"u8, Address);
            using var next = KeyEncryptionSecret.FromKeyFile(keyFile);
            keyring.ChangeSecret(next);
        }

        Assert.Throws<KeyringException>(() => OpenWithPassphrase());
        using var secret = KeyEncryptionSecret.FromKeyFile(keyFile);
        using var reopened = Keyring.Open(_folders.KeyringPath, secret);
        Assert.Equal(KeyEncryptionSecretKind.KeyFile, reopened.SecretKind);
        Assert.Equal("moved"u8.ToArray(), reopened.Cipher.Open(blob, Address));
    }

    [Fact]
    public void Rotate_Always_NewKeyIsCurrentOldBlobsStillOpenNewBlobsUseNewKey()
    {
        using var keyring = _folders.NewKeyFileKeyring(out var keyFile);
        var oldBlob = keyring.Cipher.Seal("old"u8, Address);

        var id = keyring.Rotate();

        Assert.Equal("k2", id);
        Assert.Equal("k2", keyring.CurrentKeyId);
        Assert.Equal(["k1", "k2"], keyring.KeyIds);
        var newBlob = keyring.Cipher.Seal("new"u8, Address);
        Assert.Equal("k2"u8.ToArray(), newBlob[2..4]);
        Assert.False(keyring.Cipher.IsSealedWithCurrentKey(oldBlob));
        Assert.True(keyring.Cipher.IsSealedWithCurrentKey(newBlob));
        Assert.Equal("old"u8.ToArray(), keyring.Cipher.Open(oldBlob, Address));

        using var secret = KeyEncryptionSecret.FromKeyFile(keyFile);
        using var reopened = Keyring.Open(_folders.KeyringPath, secret);
        Assert.Equal("k2", reopened.CurrentKeyId);
        Assert.Equal("old"u8.ToArray(), reopened.Cipher.Open(oldBlob, Address));
        Assert.Equal("new"u8.ToArray(), reopened.Cipher.Open(newBlob, Address));
    }

    [Fact]
    public void Rotate_WhileOtherThreadsSeal_EveryBlobOpensAndNoTempFilesRemain()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var blobs = new System.Collections.Concurrent.ConcurrentBag<byte[]>();

        Parallel.Invoke(
            () => Enumerable.Range(0, 5).ToList().ForEach(_ => keyring.Rotate()),
            () => Enumerable.Range(0, 2000).ToList().ForEach(_ => blobs.Add(keyring.Cipher.Seal("x"u8, Address))),
            () => Enumerable.Range(0, 2000).ToList().ForEach(_ => blobs.Add(keyring.Cipher.Seal("y"u8, Address))));

        Assert.Equal("k6", keyring.CurrentKeyId);
        Assert.All(blobs, blob => Assert.Single(keyring.Cipher.Open(blob, Address)));
        Assert.Equal(["kek.key", "keyring.json"], TestFolders.FileNames(_folders.KeysDirectory));
    }

    [Fact]
    public void KeyringFile_Scanned_ContainsNoRawKeyOrSecret()
    {
        var passphraseBytes = Encoding.UTF8.GetBytes(Passphrase);
        using var keyring = NewPassphraseKeyring();
        keyring.Rotate();
        var blobs = new[] { keyring.Cipher.Seal("x"u8, Address) };
        var lookup = keyring.Lookups.Compute("telegram-id", "42");
        var file = File.ReadAllBytes(_folders.KeyringPath);

        Assert.False(RawKeyScanner.AnyCandidateOpens(file, blobs[0], Address));
        Assert.False(RawKeyScanner.AnyCandidateIsLookupKey(file, "telegram-id", "42", lookup));
        Assert.Equal(-1, file.AsSpan().IndexOf(passphraseBytes));
    }

    [Fact]
    public void KeyringFile_WithKeyFile_DoesNotContainKeyFileBytes()
    {
        using var keyring = _folders.NewKeyFileKeyring(out var keyFile);
        var file = File.ReadAllBytes(_folders.KeyringPath);
        var kek = File.ReadAllBytes(keyFile);

        Assert.DoesNotContain(RawKeyScanner.Candidates(file), candidate => candidate.AsSpan().SequenceEqual(kek));
    }

    [Fact]
    public void RawKeyScanner_FileHoldingTheKey_FindsIt()
    {
        // Positive control: the scanner must find a key that is present, or its "nothing found" means nothing.
        var raw = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var blob = RawKeyScanner.SealWithRawKey(raw, "k1", "x"u8.ToArray(), Address);
        var file = Encoding.UTF8.GetBytes($"{{\"keys\":[{{\"wrapped\":\"{Convert.ToBase64String([.. new byte[7], .. raw])}\"}}]}}");

        Assert.True(RawKeyScanner.AnyCandidateOpens(file, blob, Address));
    }

    [Fact]
    public void Dispose_ThenUse_Throws()
    {
        var keyring = _folders.NewKeyFileKeyring(out _);
        var cipher = keyring.Cipher;
        keyring.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cipher.Seal("x"u8, Address));
    }

    private System.Text.Json.Nodes.JsonNode ReadKdf() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!["kdf"]!;

    public void Dispose() => _folders.Dispose();
}
