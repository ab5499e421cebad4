using System.Text;
using DistressBot.Crypto;

namespace DistressBot.Tests.Crypto;

public sealed class RecordCipherTests : IDisposable
{
    private static readonly RecordAddress Address = new("people", "p1", "data");
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("Алия, Грозный, позвонить сестре");

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;

    public RecordCipherTests() => _keyring = _folders.NewKeyFileKeyring(out _);

    private IRecordCipher Cipher => _keyring.Cipher;

    [Fact]
    public void Seal_ThenOpenAtSameAddress_ReturnsPlaintext()
    {
        var blob = Cipher.Seal(Plaintext, Address);

        Assert.Equal(Plaintext, Cipher.Open(blob, Address));
    }

    [Fact]
    public void Seal_Always_DoesNotContainPlaintextAndUsesFreshNonce()
    {
        var first = Cipher.Seal(Plaintext, Address);
        var second = Cipher.Seal(Plaintext, Address);

        Assert.NotEqual(first, second);
        Assert.Equal(-1, first.AsSpan().IndexOf(Plaintext.AsSpan(0, 8)));
    }

    [Fact]
    public void Seal_Always_WritesVersionKeyIdNonceAndTagLayout()
    {
        var blob = Cipher.Seal(Plaintext, Address);

        Assert.Equal(1, blob[0]);
        Assert.Equal(2, blob[1]);
        Assert.Equal("k1"u8.ToArray(), blob[2..4]);
        Assert.Equal(4 + 24 + Plaintext.Length + 16, blob.Length);
    }

    [Fact]
    public void Seal_EmptyPlaintext_RoundTrips()
    {
        var blob = Cipher.Seal([], Address);

        Assert.Empty(Cipher.Open(blob, Address));
    }

    public static TheoryData<RecordAddress> OtherAddresses => new()
    {
        new RecordAddress("people", "p2", "data"),
        new RecordAddress("people", "p1", "name"),
        new RecordAddress("subjects", "p1", "data"),
    };

    [Theory]
    [MemberData(nameof(OtherAddresses))]
    public void Open_BlobMovedToAnotherRecordOrField_ThrowsIntegrityNamingTheAddress(RecordAddress other)
    {
        var blob = Cipher.Seal(Plaintext, Address);

        var ex = Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, other));
        Assert.Equal(other, ex.Address);
        Assert.Contains(other.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BlobsSwappedBetweenTwoRecords_BothFail()
    {
        var a = new RecordAddress("people", "p1", "data");
        var b = new RecordAddress("people", "p2", "data");
        var blobA = Cipher.Seal("alpha"u8, a);
        var blobB = Cipher.Seal("bravo"u8, b);

        Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blobB, a));
        Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blobA, b));
    }

    [Fact]
    public void Open_AddressPartsShiftedAcrossBoundaries_Fails()
    {
        // Length prefixes keep ("ab", "c") and ("a", "bc") apart in the associated data.
        var blob = Cipher.Seal(Plaintext, new RecordAddress("ab", "c", "data"));

        Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, new RecordAddress("a", "bc", "data")));
        Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, new RecordAddress("ab", "cd", "ata")));
    }

    [Fact]
    public void Open_AnySingleBitFlipped_ThrowsAndNeverReturns()
    {
        var blob = Cipher.Seal(Plaintext, Address);

        for (var i = 0; i < blob.Length; i++)
        {
            var tampered = (byte[])blob.Clone();
            tampered[i] ^= 0x01;
            var ex = Assert.Throws<RecordIntegrityException>(() => Cipher.Open(tampered, Address));
            Assert.Equal(Address, ex.Address);
        }
    }

    [Fact]
    public void Open_TruncatedToAnyLength_Throws()
    {
        var blob = Cipher.Seal(Plaintext, Address);

        for (var length = 0; length < blob.Length; length++)
        {
            Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob.AsSpan(0, length), Address));
        }
    }

    [Fact]
    public void Open_ExtraByteAppended_Throws()
    {
        var blob = Cipher.Seal(Plaintext, Address);

        Assert.Throws<RecordIntegrityException>(() => Cipher.Open([.. blob, 0], Address));
    }

    [Fact]
    public void Open_UnknownVersion_ThrowsWithReason()
    {
        var blob = Cipher.Seal(Plaintext, Address);
        blob[0] = 2;

        var ex = Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, Address));
        Assert.Contains("unknown blob format version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownKeyId_ThrowsWithReason()
    {
        var blob = Cipher.Seal(Plaintext, Address);
        blob[3] = (byte)'9';

        var ex = Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, Address));
        Assert.Contains("unknown key k9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BlobFromAnotherKeyring_Throws()
    {
        using var otherFolders = new TestFolders();
        using var other = otherFolders.NewKeyFileKeyring(out _);
        var blob = other.Cipher.Seal(Plaintext, Address);

        Assert.Throws<RecordIntegrityException>(() => Cipher.Open(blob, Address));
    }

    [Fact]
    public void Seal_DefaultAddress_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Cipher.Seal(Plaintext, default));
    }

    [Fact]
    public void Seal_CaseIdWithoutCaseKeyStore_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => Cipher.Seal(Plaintext, Address, "C-0042"));
    }

    [Fact]
    public void IsSealedWithCurrentKey_GarbageBlob_IsFalse()
    {
        Assert.False(Cipher.IsSealedWithCurrentKey([]));
        Assert.False(Cipher.IsSealedWithCurrentKey([1, 2, 3]));
        Assert.True(Cipher.IsSealedWithCurrentKey(Cipher.Seal(Plaintext, Address)));
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }
}
