using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>
/// The reference implementation's vectors, copied as data from golang.org/x/mod, <c>sumdb/note/note_test.go</c>
/// (TestSign, TestOpen): the PeterNeumann and EnochRoot keys, their signatures of one text, and its malformed notes.
/// Ed25519 is deterministic, so our signer must write the Go note byte for byte.
/// </summary>
public sealed class GoNoteVectorTests
{
    private const string PeterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string EnochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSig = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string EnochSig = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    public static TheoryData<string> MalformedNotes => new()
    {
        Text,
        Text + "\n",
        Text + "\n" + PeterSig[..^1],
        "\u0001" + Text + "\n" + PeterSig,
        Text + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        Text + "\n" + PeterSig + "Unexpected line.\n",
        Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 101)),
        Text + "\n" + PeterSig[..60] + "ABCD" + PeterSig[60..],
    };

    [Fact]
    public void Sign_WithTheGoSignerKey_WritesTheGoNoteByteForByte()
    {
        var seed = Convert.FromBase64String(PeterSignerKey.Split('+', 5)[4])[1..];
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        var signer = new NoteSigner("PeterNeumann", key);

        Assert.Equal(Text + "\n" + PeterSig, signer.Sign(Text));
        Assert.Equal(PeterKey, signer.VerifierKey);
        Assert.Equal(0xc74f20a3U, signer.KeyId);
    }

    [Fact]
    public void TryOpen_GoNoteSignedByTwoKeys_EachKeyOpensItAlone()
    {
        var note = Text + "\n" + PeterSig + EnochSig;

        Assert.True(NoteVerifier.Parse(PeterKey).TryOpen(note, out var byPeter));
        Assert.True(NoteVerifier.Parse(EnochKey).TryOpen(note, out var byEnoch));
        Assert.Equal(Text, byPeter);
        Assert.Equal(Text, byEnoch);
    }

    [Fact]
    public void TryOpen_RepeatedSignaturesAndABrokenSignatureOfAnUnknownKey_OpensForTheKnownKey()
    {
        var note = Text + "\n" + PeterSig + PeterSig + EnochSig + EnochSig + EnochSig[..60] + "ABCD" + EnochSig[60..];

        Assert.True(NoteVerifier.Parse(PeterKey).TryOpen(note, out var text));
        Assert.Equal(Text, text);
        Assert.False(NoteVerifier.Parse(EnochKey).TryOpen(note, out _)); // one of Enoch's own lines is broken
    }

    [Theory]
    [MemberData(nameof(MalformedNotes))]
    public void TryOpen_GoMalformedOrInvalidNote_IsNotOpened(string note)
    {
        Assert.False(NoteVerifier.Parse(PeterKey).TryOpen(note, out var text));
        Assert.Null(text);
    }

    [Fact]
    public void TryOpen_KnownKeyWithASignatureOfTheWrongLength_IsNotOpenedAndDoesNotThrow()
    {
        var shortSignature = Convert.ToBase64String([0xc7, 0x4f, 0x20, 0xa3, .. new byte[10]]);

        Assert.False(NoteVerifier.Parse(PeterKey).TryOpen(Text + "\n" + $"\u2014 PeterNeumann {shortSignature}\n", out var text));
        Assert.Null(text);
    }

    [Fact]
    public void TryOpen_OneHundredSignatures_AreWithinTheLimit()
    {
        Assert.True(NoteVerifier.Parse(PeterKey).TryOpen(Text + "\n" + string.Concat(Enumerable.Repeat(PeterSig, 100)), out _));
    }
}
