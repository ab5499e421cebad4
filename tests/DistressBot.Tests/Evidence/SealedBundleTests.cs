using System.Text;
using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>A bundle sealed to a lawyer's X25519 key opens only with that key, and only as it was sealed (docs/evidence.md, "Sealed bundles").</summary>
public sealed class SealedBundleTests
{
    private static readonly byte[] Zip = Encoding.UTF8.GetBytes("PK\u0003\u0004 a stand-in for the bundle's zip, long enough to flip bytes in");

    [Fact]
    public void Seal_ThenOpenWithTheLawyersKey_GivesBackTheZip()
    {
        var (privateKey, publicKey) = NewKeys();

        var sealedBytes = SealedBundle.Seal(Zip, publicKey);

        Assert.True(SealedBundle.TryOpen(sealedBytes, privateKey, out var zip, out var problem), problem);
        Assert.Equal(Zip, zip);
        Assert.Equal(SealedBundle.HeaderBytes + Zip.Length + SealedBundle.TagBytes, sealedBytes.Length);
        Assert.Equal("DBSEALED"u8.ToArray(), sealedBytes[..8]);
        Assert.Equal(SealedBundle.Version, sealedBytes[8]);
        Assert.DoesNotContain("stand-in", Encoding.Latin1.GetString(sealedBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_TheSameZipTwice_GivesDifferentFiles_ForAFreshEphemeralKeyAndNonce()
    {
        var (_, publicKey) = NewKeys();

        var (first, second) = (SealedBundle.Seal(Zip, publicKey), SealedBundle.Seal(Zip, publicKey));

        Assert.NotEqual(first[9..41], second[9..41]);
        Assert.NotEqual(first[41..65], second[41..65]);
    }

    [Fact]
    public void TryOpen_WithAnotherKey_Refuses_AndGivesNoBytes()
    {
        var (_, publicKey) = NewKeys();
        var (otherPrivate, _) = NewKeys();

        Assert.False(SealedBundle.TryOpen(SealedBundle.Seal(Zip, publicKey), otherPrivate, out var zip, out var problem));
        Assert.Empty(zip);
        Assert.Contains("does not open with this key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpen_AnyOneChangedByte_Refuses()
    {
        var (privateKey, publicKey) = NewKeys();
        var sealedBytes = SealedBundle.Seal(Zip, publicKey);

        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            Assert.False(SealedBundle.TryOpen(changed, privateKey, out var zip, out var problem), $"byte {i} changed and it still opened");
            Assert.Empty(zip);
            Assert.NotEqual("", problem);
        }
    }

    [Fact]
    public void TryOpen_CutShortAtAnyLength_Refuses()
    {
        var (privateKey, publicKey) = NewKeys();
        var sealedBytes = SealedBundle.Seal(Zip, publicKey);

        for (var length = 0; length < sealedBytes.Length; length++)
        {
            Assert.False(SealedBundle.TryOpen(sealedBytes.AsSpan(0, length), privateKey, out var zip, out _), $"cut to {length} bytes and it still opened");
            Assert.Empty(zip);
        }
    }

    [Fact]
    public void TryOpen_AnUnknownVersion_SaysSo()
    {
        var (privateKey, publicKey) = NewKeys();
        var sealedBytes = SealedBundle.Seal(Zip, publicKey);
        sealedBytes[8] = 2;

        Assert.False(SealedBundle.TryOpen(sealedBytes, privateKey, out _, out var problem));
        Assert.Equal("The sealed bundle has version 2; this program opens version 1 only.", problem);
    }

    [Fact]
    public void TryOpen_APlainZip_SaysItIsNotASealedBundle()
    {
        var (privateKey, _) = NewKeys();

        Assert.False(SealedBundle.TryOpen(Zip, privateKey, out _, out var problem));
        Assert.StartsWith("This is not a sealed bundle", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_ToWhatIsNotAPublicKey_Throws_AndIsPublicKeySaysNo()
    {
        Assert.Throws<FormatException>(() => SealedBundle.Seal(Zip, new byte[31]));
        Assert.False(SealedBundle.IsPublicKey(new byte[31]));
        Assert.False(SealedBundle.IsPublicKey(new byte[33]));
        Assert.True(SealedBundle.IsPublicKey(NewKeys().PublicKey));
    }

    [Fact]
    public void Seal_ToALowOrderPoint_Throws_ForNoSecretCanBeAgreed()
    {
        Assert.Throws<FormatException>(() => SealedBundle.Seal(Zip, new byte[32]));
    }

    /// <summary>The documented construction, built here from the primitives (as a third party would): it opens what the bot sealed.</summary>
    [Fact]
    public void TheDocumentedConstruction_RebuiltFromThePrimitives_OpensTheFile()
    {
        var (privateKey, publicKey) = NewKeys();
        var sealedBytes = SealedBundle.Seal(Zip, publicKey);

        var header = sealedBytes[..65];
        using var lawyer = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var ephemeral = PublicKey.Import(KeyAgreementAlgorithm.X25519, header.AsSpan(9, 32), KeyBlobFormat.RawPublicKey);
        using var secret = KeyAgreementAlgorithm.X25519.Agree(lawyer, ephemeral)!;
        var okm = KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, [.. header[9..41], .. publicKey], "distressbot sealed bundle v1"u8, 32);
        using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, okm, KeyBlobFormat.RawSymmetricKey);
        Assert.Equal(Zip, AeadAlgorithm.XChaCha20Poly1305.Decrypt(key, header.AsSpan(41, 24), header, sealedBytes.AsSpan(65)));
    }

    private static (byte[] PrivateKey, byte[] PublicKey) NewKeys()
    {
        var privateKey = SealedBundle.NewPrivateKey();
        return (privateKey, SealedBundle.PublicKeyOf(privateKey));
    }
}
