using System.Text;
using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>C2SP tlog-cosignature v1 (Ed25519, key type 0x04): the signed message, the line, the witness key and verification that fails closed.</summary>
public sealed class CosignatureTests
{
    // The checkpoint text of the C2SP tlog-cosignature example, and its example's time (0x641850CB in its witness line).
    private const string SpecCheckpoint = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private const ulong SpecTime = 1679315147;

    // No published cosignature comes with its witness key, so this vector was made outside .NET: the key is RFC 8032's
    // test 1 (seed 9d61b1…7f60, public d75a98…511a); the key id is Python's hashlib SHA-256 of
    // "witness.example/w1" ‖ 0x0A ‖ 0x04 ‖ public key; the signature is `openssl pkeyutl -sign -rawin` of the message below.
    private const string VectorKey = "witness.example/w1+eb762cc2+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";
    private const string VectorLine = "\u2014 witness.example/w1 63YswgAAAABkGFDL+TPmh4BYuAjsYRoqMJCWb/gWJaeRF/kmm5tlCr9sJ57DLErur7K0yDXc2ArN+TIuotuB/HbuL3AJsp3bv/aNCQ==";

    [Fact]
    public void SignedMessage_IsHeaderTimeLineAndCheckpointText_ByteForByte()
    {
        var message = Cosignature.SignedMessage(SpecTime, SpecCheckpoint);

        // The spec's "Ed25519 signed message" example, written out by hand.
        var expected = "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        Assert.Equal(Encoding.ASCII.GetBytes(expected), message);
    }

    [Fact]
    public void Vector_VerifiesWithItsWitnessKey_AndGivesTheCosignedTime()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);

        Assert.True(verifier.TryVerify(SpecCheckpoint, VectorLine + "\n", out var at));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)SpecTime), at);
        Assert.Equal("witness.example/w1", verifier.KeyName);
        Assert.Equal(0xeb762cc2U, verifier.KeyId);
        Assert.Equal(VectorKey, verifier.ToString());
    }

    [Fact]
    public void Parse_Vector_ReadsNameIdTimeAndSignature_AndWritesTheSameLine()
    {
        var cosignature = Cosignature.Parse(VectorLine);

        Assert.Equal("witness.example/w1", cosignature.KeyName);
        Assert.Equal(0xeb762cc2U, cosignature.KeyId);
        Assert.Equal(SpecTime, cosignature.Timestamp);
        Assert.Equal(64, cosignature.Signature.Length);
        Assert.Equal(VectorLine, cosignature.ToString());
    }

    [Fact]
    public void Vector_OnAnotherCheckpoint_IsRefused()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);

        Assert.False(verifier.TryVerify(SpecCheckpoint.Replace("20852163", "20852164", StringComparison.Ordinal), VectorLine + "\n", out var at));
        Assert.Equal(default, at);
    }

    [Fact]
    public void Vector_WithAnotherTime_IsRefused()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);
        var original = Cosignature.Parse(VectorLine);
        var retimed = Cosignature.Create(original.KeyName, original.KeyId, original.Timestamp + 1, original.Signature);

        Assert.False(verifier.Verify(SpecCheckpoint, retimed));
        Assert.True(verifier.Verify(SpecCheckpoint, original));
    }

    [Fact]
    public void TryVerify_LinesOfOtherKeysOnly_IsFalse_AndOtherKeysBesideOursAreIgnored()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var foreign = Cosign(other, "witness.example/w2", SpecCheckpoint, 1700000000);

        Assert.False(verifier.TryVerify(SpecCheckpoint, foreign + "\n", out _));
        Assert.True(verifier.TryVerify(SpecCheckpoint, foreign + "\n" + VectorLine + "\n", out var at));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)SpecTime), at);
    }

    [Fact]
    public void TryVerify_ALineOfOurKeyThatFails_IsFalse_EvenBesideOneThatHolds()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);
        var original = Cosignature.Parse(VectorLine);
        var bad = Cosignature.Create(original.KeyName, original.KeyId, original.Timestamp + 1, original.Signature);

        Assert.False(verifier.TryVerify(SpecCheckpoint, VectorLine + "\n" + bad + "\n", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("no dash line\n")]
    [InlineData("\u2014 witness.example/w1 63YswgAAAABkGFDL\n")] // too short for a timestamped signature
    public void TryVerify_MalformedLines_IsFalse_NotAnException(string body)
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);

        Assert.False(verifier.TryVerify(SpecCheckpoint, body, out _));
    }

    [Fact]
    public void TryVerify_LineWithoutItsNewline_IsFalse()
    {
        var verifier = CosignatureVerifier.Parse(VectorKey);

        Assert.False(verifier.TryVerify(SpecCheckpoint, VectorLine, out _));
    }

    [Theory]
    [InlineData("\u2014 witness.example/w1 63YswgAAAABkGFDL")]
    [InlineData("- witness.example/w1 63YswgAAAABkGFDL+TPmh4BYuAjsYRoqMJCWb/gWJaeRF/kmm5tlCr9sJ57DLErur7K0yDXc2ArN+TIuotuB/HbuL3AJsp3bv/aNCQ==")]
    [InlineData("\u2014 witness.example/w1 63YswgAAAABkGFDL+TPmh4BYuAjsYRoqMJCWb/gWJaeRF/kmm5tlCr9sJ57DLErur7K0yDXc2ArN+TIuotuB/HbuL3AJsp3bv/aNCQ==\n\u2014 x y")]
    public void Parse_Malformed_ThrowsFormatException(string line)
    {
        var ex = Assert.Throws<FormatException>(() => Cosignature.Parse(line));

        Assert.StartsWith("Not a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimeBeyondYear9999_ThrowsFormatException()
    {
        var bytes = new byte[4 + 8 + 64];
        bytes[4] = 0x7F; // 2^63-ish seconds
        var line = "\u2014 w " + Convert.ToBase64String(bytes);

        var ex = Assert.Throws<FormatException>(() => Cosignature.Parse(line));

        Assert.Contains("9999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseKey_NoteKeyOfType01_IsRefused_SayingWhichTypeAWitnessKeyHas()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var noteKey = new NoteSigner("witness.example/w1", key).VerifierKey;

        var ex = Assert.Throws<FormatException>(() => CosignatureVerifier.Parse(noteKey));

        Assert.Contains("0x04", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => NoteVerifier.Parse(VectorKey)); // and a witness key is no note key
    }

    [Theory]
    [InlineData("witness.example/w1+eb762cc3+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea")] // id of another key
    [InlineData("witness.example/w1+eb762cc2")]
    [InlineData("witness.example/w1+EB762CC2+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea")]
    public void ParseKey_Malformed_ThrowsFormatException(string vkey)
    {
        Assert.Throws<FormatException>(() => CosignatureVerifier.Parse(vkey));
    }

    [Fact]
    public void NoteVerifier_StillReadsType01Keys_AfterTheSharedParser()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("log.example", key);

        var verifier = NoteVerifier.Parse(signer.VerifierKey);

        Assert.True(verifier.TryOpen(signer.Sign("hello\n"), out var text));
        Assert.Equal("hello\n", text);
    }

    /// <summary>A cosignature line made here the way a witness makes one.</summary>
    internal static string Cosign(Key key, string name, string checkpointText, ulong time)
    {
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var vkey = CosignatureKey(name, publicKey);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Cosignature.SignedMessage(time, checkpointText));
        return Cosignature.Create(name, CosignatureVerifier.Parse(vkey).KeyId, time, signature).ToString();
    }

    /// <summary>The witness verifier key (type 0x04) of a public key.</summary>
    internal static string CosignatureKey(string name, byte[] publicKey)
    {
        var id = System.Security.Cryptography.SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, 0x04, .. publicKey]);
        return $"{name}+{Convert.ToHexStringLower(id.AsSpan(0, 4))}+{Convert.ToBase64String([0x04, .. publicKey])}";
    }
}
