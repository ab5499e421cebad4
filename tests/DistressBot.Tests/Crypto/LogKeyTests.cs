using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DistressBot.Crypto;
using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Crypto;

/// <summary>
/// The deployment's Ed25519 log key in the keyring: made by <see cref="Keyring.Create"/>, kept by Open, ChangeSecret and
/// Rotate, added once to a keyring an earlier version made (<see cref="Keyring.EnsureLogKey"/>), refused when damaged,
/// and signing checkpoint notes that <see cref="NoteVerifier"/> opens with the printed verifier key.
/// </summary>
public sealed class LogKeyTests : IDisposable
{
    private const string Checkpoint = "distressbot-1a2b3c4d/C-0042\n3\nXcna2ZpwZZmtVZy3Ad7Zqqudgjqtl0lgz+Nw7vRgQyg=\n";
    private static readonly RecordAddress Address = new("people", "p1", "data");

    private readonly TestFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void Create_MakesALogKey_WhoseSignedNotesOpenWithItsVerifierKey()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);

        var signer = keyring.LogSigner;
        var note = signer.Sign(Checkpoint);

        var verifier = NoteVerifier.Parse(signer.VerifierKey);
        Assert.True(verifier.TryOpen(note, out var text));
        Assert.Equal(Checkpoint, text);
        Assert.False(verifier.TryOpen(note.Replace("\n3\n", "\n4\n", StringComparison.Ordinal), out _)); // a changed size does not verify
        Assert.Equal(_folders.Time.GetUtcNow(), keyring.LogKeyCreated);
    }

    [Fact]
    public void LogSigner_KeyName_IsDistressbotDashAndTheHexOfTheFirstFourBytesOfSha256OfThePublicKey()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);

        var signer = keyring.LogSigner;

        var expected = "distressbot-" + Convert.ToHexStringLower(SHA256.HashData(signer.PublicKey).AsSpan(0, 4));
        Assert.Equal(expected, signer.KeyName);
        Assert.Matches("^distressbot-[0-9a-f]{8}$", signer.KeyName);
        Assert.StartsWith(signer.KeyName + "+", signer.VerifierKey, StringComparison.Ordinal);
        Assert.Equal(signer.KeyName, NoteVerifier.Parse(signer.VerifierKey).KeyName);
    }

    [Fact]
    public void LogKeyName_ForAKnownPublicKey_GivesTheDocumentedName()
    {
        // SHA-256 of 32 zero bytes is 66687aad f862bd77…: the name takes its first 4 bytes.
        Assert.Equal("distressbot-66687aad", LogKeyName.For(new byte[32]));
        Assert.Throws<ArgumentException>(() => LogKeyName.For(new byte[31]));
        Assert.Throws<ArgumentException>(() => LogKeyName.For(new byte[33]));
    }

    [Fact]
    public void Open_KeepsTheSameLogKey_AndWritesNothing()
    {
        string verifierKey;
        using (var keyring = _folders.NewKeyFileKeyring(out _))
        {
            verifierKey = keyring.LogSigner.VerifierKey;
        }

        var before = File.ReadAllBytes(_folders.KeyringPath);
        using var reopened = Open();

        Assert.Equal(verifierKey, reopened.LogSigner.VerifierKey);
        Assert.Equal(_folders.Time.GetUtcNow(), reopened.LogKeyCreated);
        Assert.True(NoteVerifier.Parse(verifierKey).TryOpen(reopened.LogSigner.Sign(Checkpoint), out _));
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void Open_KeyringOfAnEarlierVersion_OpensWithoutALogKey_WritesNothing_AndLogSignerFailsClosed()
    {
        var blob = WriteEarlierVersionKeyring();
        var before = File.ReadAllBytes(_folders.KeyringPath);

        using var keyring = Open();

        Assert.Null(keyring.LogKeyCreated);
        var ex = Assert.Throws<KeyringException>(() => keyring.LogSigner);
        Assert.Contains("has no log key", ex.Message, StringComparison.Ordinal);
        Assert.Equal("old"u8.ToArray(), keyring.Cipher.Open(blob, Address));
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void EnsureLogKey_OnAKeyringOfAnEarlierVersion_AddsOneDurably_KeepsTheOtherKeys_AndIsThenANoOp()
    {
        var blob = WriteEarlierVersionKeyring();
        var earlier = ReadKeys();
        _folders.Time.Advance(TimeSpan.FromDays(30));

        string verifierKey;
        using (var keyring = Open())
        {
            Assert.True(keyring.EnsureLogKey());
            verifierKey = keyring.LogSigner.VerifierKey;
            Assert.True(NoteVerifier.Parse(verifierKey).TryOpen(keyring.LogSigner.Sign(Checkpoint), out _));
        }

        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        Assert.Equal(2, json["format"]!.GetValue<int>());
        var keys = ReadKeys();
        Assert.Equal(["k1", "l1", "s1"], keys.Select(k => k.Id));
        Assert.Equal(earlier, keys.Take(2)); // the data and lookup keys are left exactly as they were
        Assert.Equal(["kek.key", "keyring.json"], TestFolders.FileNames(_folders.KeysDirectory)); // no temporary file left

        var after = File.ReadAllBytes(_folders.KeyringPath);
        using var reopened = Open();
        Assert.False(reopened.EnsureLogKey());
        Assert.Equal(verifierKey, reopened.LogSigner.VerifierKey);
        Assert.Equal(_folders.Time.GetUtcNow(), reopened.LogKeyCreated);
        Assert.Equal("old"u8.ToArray(), reopened.Cipher.Open(blob, Address));
        Assert.Equal(after, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void EnsureLogKey_OnANewKeyring_ChangesNothing()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var verifierKey = keyring.LogSigner.VerifierKey;
        var before = File.ReadAllBytes(_folders.KeyringPath);

        Assert.False(keyring.EnsureLogKey());

        Assert.Equal(verifierKey, keyring.LogSigner.VerifierKey);
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void ChangeSecret_ReWrapsTheLogKey_WhoseVerifierKeyStaysTheSame()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var verifierKey = keyring.LogSigner.VerifierKey;
        var wrappedBefore = ReadKeys().Single(k => k.Id == "s1").Wrapped;
        var newKeyFile = _folders.NewKeyFile("new.key");

        using (var next = KeyEncryptionSecret.FromKeyFile(newKeyFile))
        {
            keyring.ChangeSecret(next);
        }

        Assert.Equal(verifierKey, keyring.LogSigner.VerifierKey);
        Assert.NotEqual(wrappedBefore, ReadKeys().Single(k => k.Id == "s1").Wrapped);
        using var secret = KeyEncryptionSecret.FromKeyFile(newKeyFile);
        using var reopened = Keyring.Open(_folders.KeyringPath, secret);
        Assert.Equal(verifierKey, reopened.LogSigner.VerifierKey);
        Assert.True(NoteVerifier.Parse(verifierKey).TryOpen(reopened.LogSigner.Sign(Checkpoint), out _));
    }

    [Fact]
    public void Rotate_LeavesTheLogKeyAlone()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var verifierKey = keyring.LogSigner.VerifierKey;
        var stored = ReadKeys().Single(k => k.Id == "s1");

        Assert.Equal("k2", keyring.Rotate());

        Assert.Equal(verifierKey, keyring.LogSigner.VerifierKey);
        Assert.Equal(stored, ReadKeys().Single(k => k.Id == "s1"));
        using var reopened = Open();
        Assert.Equal(verifierKey, reopened.LogSigner.VerifierKey);
        Assert.Equal(["k1", "k2"], reopened.KeyIds);
    }

    [Fact]
    public void RotateAndChangeSecret_OnAKeyringOfAnEarlierVersion_KeepItTheEarlierFormat_SoItStillOpens()
    {
        WriteEarlierVersionKeyring();
        var newKeyFile = _folders.NewKeyFile("new.key");
        using (var keyring = Open())
        {
            keyring.Rotate();
            using var next = KeyEncryptionSecret.FromKeyFile(newKeyFile);
            keyring.ChangeSecret(next);
        }

        Assert.Equal(1, JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!["format"]!.GetValue<int>());
        using var secret = KeyEncryptionSecret.FromKeyFile(newKeyFile);
        using var reopened = Keyring.Open(_folders.KeyringPath, secret);
        Assert.Equal("k2", reopened.CurrentKeyId);
        Assert.Null(reopened.LogKeyCreated);
    }

    [Fact]
    public void Open_TamperedWrappedLogKey_IsRefusedAsDamaged()
    {
        _folders.NewKeyFileKeyring(out _).Dispose();
        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        var log = json["keys"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == "s1")!;
        var wrapped = Convert.FromBase64String(log["wrapped"]!.GetValue<string>());
        wrapped[30] ^= 0x01;
        log["wrapped"] = Convert.ToBase64String(wrapped);
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString());

        var ex = Assert.Throws<KeyringException>(Open);

        Assert.Contains("is damaged: key s1 does not authenticate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LookupKeyWrappedBytesGivenToTheLogKey_IsRefused()
    {
        // Each wrap is bound to its role and id: the lookup key cannot be passed off as the log key.
        _folders.NewKeyFileKeyring(out _).Dispose();
        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        var keys = json["keys"]!.AsArray();
        keys[2]!["wrapped"] = keys[1]!["wrapped"]!.GetValue<string>();
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString());

        Assert.Throws<KeyringException>(Open);
    }

    [Fact]
    public void Open_Format2KeyringThatLostItsLogKey_IsRefusedAsDamaged_NotGivenANewKey()
    {
        _folders.NewKeyFileKeyring(out _).Dispose();
        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        var keys = json["keys"]!.AsArray();
        keys.RemoveAt(2);
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString());
        var before = File.ReadAllBytes(_folders.KeyringPath);

        var ex = Assert.Throws<KeyringException>(Open);

        Assert.Contains("has lost its log key", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(_folders.KeyringPath));
    }

    [Fact]
    public void Open_Format1KeyringHoldingALogKey_IsRefused()
    {
        _folders.NewKeyFileKeyring(out _).Dispose();
        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        json["format"] = 1;
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString());

        var ex = Assert.Throws<KeyringException>(Open);

        Assert.Contains("holds no log key, yet it has one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyringFile_HoldsNoRawLogKey()
    {
        using var keyring = _folders.NewKeyFileKeyring(out _);
        var publicKey = keyring.LogSigner.PublicKey;

        var candidates = RawKeyScanner.Candidates(File.ReadAllBytes(_folders.KeyringPath));

        Assert.DoesNotContain(candidates, candidate => Ed25519PublicKey(candidate).AsSpan().SequenceEqual(publicKey));
    }

    [Fact]
    public void LogSigner_AfterDispose_Throws()
    {
        var keyring = _folders.NewKeyFileKeyring(out _);
        keyring.Dispose();

        Assert.Throws<ObjectDisposedException>(() => keyring.LogSigner);
        Assert.Throws<ObjectDisposedException>(() => keyring.EnsureLogKey());
    }

    // What the previous version wrote: format 1, a data key and the lookup key, no log key. Returns a blob sealed under k1.
    private byte[] WriteEarlierVersionKeyring()
    {
        byte[] blob;
        using (var keyring = _folders.NewKeyFileKeyring(out _))
        {
            blob = keyring.Cipher.Seal("old"u8, Address);
        }

        var json = JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!;
        json["format"] = 1;
        var keys = json["keys"]!.AsArray();
        keys.Remove(keys.Single(k => k!["role"]!.GetValue<string>() == "log"));
        File.WriteAllText(_folders.KeyringPath, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return blob;
    }

    private Keyring Open()
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(_folders.KeysDirectory, "kek.key"));
        return Keyring.Open(_folders.KeyringPath, secret, _folders.Time);
    }

    private List<(string Id, string Role, string Created, string Wrapped)> ReadKeys() =>
        JsonNode.Parse(File.ReadAllText(_folders.KeyringPath))!["keys"]!.AsArray()
            .Select(k => (k!["id"]!.GetValue<string>(), k["role"]!.GetValue<string>(), k["created"]!.ToJsonString(), k["wrapped"]!.GetValue<string>()))
            .ToList();

    private static byte[] Ed25519PublicKey(byte[] seed)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }
}
