using DistressBot.Crypto;

namespace DistressBot.Tests.Crypto;

public sealed class LookupHasherTests : IDisposable
{
    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;

    public LookupHasherTests() => _keyring = _folders.NewKeyFileKeyring(out _);

    [Fact]
    public void Compute_SameInput_IsStable32Bytes()
    {
        var first = _keyring.Lookups.Compute("telegram-id", "123456789");

        Assert.Equal(32, first.Length);
        Assert.Equal(first, _keyring.Lookups.Compute("telegram-id", "123456789"));
    }

    [Fact]
    public void Compute_DifferentPurposeOrBoundary_Differs()
    {
        var hasher = _keyring.Lookups;

        Assert.NotEqual(hasher.Compute("telegram-id", "42"), hasher.Compute("invite", "42"));
        Assert.NotEqual(hasher.Compute("ab", "c"), hasher.Compute("a", "bc"));
    }

    [Fact]
    public void Compute_AfterReopen_IsTheSame_AndAnotherKeyringDiffers()
    {
        var before = _keyring.Lookups.Compute("invite", "X7-QQ");
        using var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(_folders.KeysDirectory, "kek.key"));
        using var reopened = Keyring.Open(_folders.KeyringPath, secret);
        using var otherFolders = new TestFolders();
        using var other = otherFolders.NewKeyFileKeyring(out _);

        Assert.Equal(before, reopened.Lookups.Compute("invite", "X7-QQ"));
        Assert.NotEqual(before, other.Lookups.Compute("invite", "X7-QQ"));
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }
}
