using DistressBot.Crypto;
using DistressBot.Domain;

namespace DistressBot.Tests.Crypto;

/// <summary>PIN hashes: Argon2id over the PIN keyed by the keyring, salted per hash, compared in constant time; bad input refused first.</summary>
public sealed class PinHasherTests : IDisposable
{
    private static readonly Argon2Settings Cheap = new(Argon2Settings.MinMemoryKiB, 1);
    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;

    public PinHasherTests() => _keyring = _folders.NewKeyFileKeyring(out _);

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }

    [Fact]
    public void Hash_SamePinSaltAndKeyring_IsStable32Bytes_AndDoesNotContainThePin()
    {
        var salt = PinHasher.NewSalt();

        var first = PinHasher.Hash(_keyring.Lookups, "482916", salt, Cheap);

        Assert.Equal(PinHasher.HashSize, first.Length);
        Assert.Equal(first, PinHasher.Hash(_keyring.Lookups, "482916", salt, Cheap));
        Assert.DoesNotContain("482916", Convert.ToHexString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_AnotherSaltPinOrCost_Differs()
    {
        var salt = PinHasher.NewSalt();
        var hash = PinHasher.Hash(_keyring.Lookups, "482916", salt, Cheap);

        Assert.NotEqual(hash, PinHasher.Hash(_keyring.Lookups, "482916", PinHasher.NewSalt(), Cheap));
        Assert.NotEqual(hash, PinHasher.Hash(_keyring.Lookups, "482917", salt, Cheap));
        Assert.NotEqual(hash, PinHasher.Hash(_keyring.Lookups, "482916", salt, new Argon2Settings(Argon2Settings.MinMemoryKiB, 2)));
    }

    [Fact]
    public void Hash_UnderAnotherKeyring_Differs_SoTheDatabaseAloneDoesNotAllowGuessing()
    {
        using var otherFolders = new TestFolders();
        using var other = otherFolders.NewKeyFileKeyring(out _);
        var salt = PinHasher.NewSalt();

        Assert.NotEqual(PinHasher.Hash(_keyring.Lookups, "482916", salt, Cheap), PinHasher.Hash(other.Lookups, "482916", salt, Cheap));
    }

    [Fact]
    public void Hash_BadSaltOrCost_IsRefusedBeforeHashing()
    {
        Assert.Throws<ArgumentException>(() => PinHasher.Hash(_keyring.Lookups, "482916", new byte[15], Cheap));
        Assert.Throws<ArgumentOutOfRangeException>(() => PinHasher.Hash(_keyring.Lookups, "482916", PinHasher.NewSalt(), new Argon2Settings(4, 1)));
        Assert.Throws<ArgumentNullException>(() => PinHasher.Hash(_keyring.Lookups, null!, PinHasher.NewSalt(), Cheap));
    }

    [Fact]
    public void Hash_WithADisposedKeyring_Throws_NothingIsJudged()
    {
        _keyring.Dispose();

        Assert.Throws<ObjectDisposedException>(() => PinHasher.Hash(_keyring.Lookups, "482916", PinHasher.NewSalt(), Cheap));
    }

    [Fact]
    public void Cost_IsTheOneDocumentedInDocsPin()
    {
        Assert.Equal(new Argon2Settings(8 * 1024, 2), PinHasher.Cost);
    }

    [Fact]
    public void Match_TellsTheCheckinPinFromTheDuressPinFromAnyOther_UnderTheRealKeyring()
    {
        var vault = new PinVault(_keyring.Lookups);
        var (salt, hash) = vault.Hash("482916");
        var pins = vault.Seal(salt, hash, "730154");

        Assert.Equal(PinMatch.Checkin, vault.Match(pins, "482916"));
        Assert.Equal(PinMatch.Duress, vault.Match(pins, "730154"));
        Assert.Equal(PinMatch.None, vault.Match(pins, "482917"));
        Assert.Equal(PinMatch.None, vault.Match(pins, ""));
        Assert.NotEqual(pins.CheckinSalt, pins.DuressSalt);
    }
}
