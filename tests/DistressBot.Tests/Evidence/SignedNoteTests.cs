using System.Security.Cryptography;
using System.Text;
using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>C2SP signed-note v1.0.0: signing, verifier keys and verification that fails closed.</summary>
public sealed class SignedNoteTests
{
    // The example of C2SP signed-note.md ("Verifier keys", "Example"), github.com/C2SP/C2SP, copied as data.
    private const string SpecVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    private const string SpecNote = "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    [Fact]
    public void SpecExample_VerifierKeyOpensTheSpecNote()
    {
        var verifier = NoteVerifier.Parse(SpecVerifierKey);

        Assert.True(verifier.TryOpen(SpecNote, out var text));
        Assert.Equal("This is an example message.\n", text);
        Assert.Equal("example.com/foo", verifier.KeyName);
        Assert.Equal(0x530d903aU, verifier.KeyId);
        Assert.Equal(SpecVerifierKey, verifier.ToString());
    }

    [Fact]
    public void SpecExample_ChangedText_IsNotOpened()
    {
        var verifier = NoteVerifier.Parse(SpecVerifierKey);

        Assert.False(verifier.TryOpen(SpecNote.Replace("example message", "example massage", StringComparison.Ordinal), out var text));
        Assert.Null(text);
    }

    [Fact]
    public void Sign_WritesTextBlankLineAndEmDashSignature_ThatItsVerifierKeyOpens()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("distressbot.example/log", key);

        var note = signer.Sign("distressbot.example/log\n3\nroot\n");

        Assert.StartsWith("distressbot.example/log\n3\nroot\n\n\u2014 distressbot.example/log ", note, StringComparison.Ordinal);
        Assert.EndsWith("\n", note, StringComparison.Ordinal);
        var signatureBytes = Convert.FromBase64String(note.Split(' ')[^1].TrimEnd('\n'));
        Assert.Equal(4 + 64, signatureBytes.Length);
        Assert.True(NoteVerifier.Parse(signer.VerifierKey).TryOpen(note, out var text));
        Assert.Equal("distressbot.example/log\n3\nroot\n", text);
    }

    [Fact]
    public void KeyId_IsTheFirstFourBytesOfSha256OfNameNewlineTypeAndKey()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("example.com/log", key);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        var digest = SHA256.HashData([.. Encoding.UTF8.GetBytes("example.com/log"), 0x0A, 0x01, .. publicKey]);

        Assert.Equal(Convert.ToHexStringLower(digest[..4]), signer.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"example.com/log+{Convert.ToHexStringLower(digest[..4])}+{Convert.ToBase64String([0x01, .. publicKey])}", signer.VerifierKey);
        Assert.Equal(publicKey, signer.PublicKey);
    }

    [Fact]
    public void TryOpen_SignaturesOfUnknownKeys_AreIgnored()
    {
        using var ours = Key.Create(SignatureAlgorithm.Ed25519);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var note = new NoteSigner("log.example/a", ours).Sign("body\n");
        var otherLine = new NoteSigner("witness.example/w", other).Sign("body\n").Split("\n\n")[1];

        var cosigned = note + otherLine;

        Assert.True(NoteVerifier.Parse(new NoteSigner("log.example/a", ours).VerifierKey).TryOpen(cosigned, out _));
        Assert.True(NoteVerifier.Parse(new NoteSigner("witness.example/w", other).VerifierKey).TryOpen(cosigned, out _));
    }

    [Fact]
    public void TryOpen_SameNameButAnotherKey_IsIgnoredSoTheNoteIsNotOpened()
    {
        using var ours = Key.Create(SignatureAlgorithm.Ed25519);
        using var impostor = Key.Create(SignatureAlgorithm.Ed25519);
        var forged = new NoteSigner("log.example/a", impostor).Sign("body\n");

        Assert.False(NoteVerifier.Parse(new NoteSigner("log.example/a", ours).VerifierKey).TryOpen(forged, out var text));
        Assert.Null(text);
    }

    [Fact]
    public void TryOpen_AGoodAndABadSignatureOfTheSameKey_IsNotOpened()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("log.example/a", key);
        var note = signer.Sign("body\n");
        var line = note.Split("\n\n")[1];
        var bytes = Convert.FromBase64String(line.Split(' ')[^1].TrimEnd('\n'));
        bytes[^1] ^= 0x01;
        var badLine = $"\u2014 log.example/a {Convert.ToBase64String(bytes)}\n";

        Assert.False(NoteVerifier.Parse(signer.VerifierKey).TryOpen(note + badLine, out _));
        Assert.False(NoteVerifier.Parse(signer.VerifierKey).TryOpen("body\n\n" + badLine, out _));
    }

    [Theory]
    [InlineData("body\n\n\u2014 log.example/a AAAA\n", "a signature too short for its key")]
    [InlineData("body\n\u2014 log.example/a AAAAAAA=\n", "no blank line")]
    [InlineData("body\n\n\u2014 log.example/a AAAAAAA=", "no final newline")]
    [InlineData("body\n\n- log.example/a AAAAAAA=\n", "a hyphen for the em dash")]
    [InlineData("body\n\n\u2014 log.example/a AAAAAA\n", "unpadded base64")]
    [InlineData("body\n\n\u2014 log.example/a\n", "no signature")]
    [InlineData("body\n\n\u2014  AAAAAAA=\n", "an empty key name")]
    [InlineData("bo\tdy\n\n\u2014 log.example/a AAAAAAA=\n", "a tab in the text")]
    [InlineData("body\r\n\n\u2014 log.example/a AAAAAAA=\n", "a carriage return")]
    [InlineData("body\n\n\n", "an empty signature line")]
    public void TryOpen_MalformedNote_IsFalseNotAnException(string note, string fault)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var verifier = NoteVerifier.Parse(new NoteSigner("log.example/a", key).VerifierKey);

        Assert.False(verifier.TryOpen(note, out var text), fault);
        Assert.Null(text);
    }

    [Theory]
    [InlineData("body\n\u2014 log.example/a AAAAAAA=\n", "no blank line")]
    [InlineData("body\n\n\u2014 log.example/a AAAA\n", "key id and a signature")]
    [InlineData("body\n\n- log.example/a AAAAAAA=\n", "em dash")]
    [InlineData("body\n\n\u2014 log.example/a AAAAAAA=", "newline")]
    [InlineData("body\n\n\u2014 log+example AAAAAAA=\n", "plus")]
    public void SignedNoteParse_Malformed_NamesTheRule(string note, string named)
    {
        var error = Assert.Throws<FormatException>(() => SignedNote.Parse(note));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignedNoteParse_TextMayHoldEmptyLines_SplitsAtTheLastOne()
    {
        var note = SignedNote.Parse("a\n\nb\n\n\u2014 log.example/a AAAAAAA=\n");

        Assert.Equal("a\n\nb\n", note.Text);
        var signature = Assert.Single(note.Signatures);
        Assert.Equal("log.example/a", signature.KeyName);
        Assert.Equal(0U, signature.KeyId);
        Assert.Equal([0], signature.Signature);
    }

    [Theory]
    [InlineData("example.com/foo+530d903a", "three parts")]
    [InlineData("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k+x", "0x01 (Ed25519)")]
    [InlineData("+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "key name")]
    [InlineData("example com+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "key name")]
    [InlineData("example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "8 lowercase hex")]
    [InlineData("example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "8 lowercase hex")]
    [InlineData("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "does not match")]
    [InlineData("example.com/bar+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "does not match")]
    [InlineData("example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k", "0x01 (Ed25519)")]
    [InlineData("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2", "0x01 (Ed25519)")]
    public void VerifierKeyParse_Malformed_NamesTheFault(string verifierKey, string named)
    {
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse(verifierKey));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signer_BadNameOrKeyOrText_IsRefused_AndNothingIsSigned()
    {
        using var ed25519 = Key.Create(SignatureAlgorithm.Ed25519);
        using var x25519 = Key.Create(KeyAgreementAlgorithm.X25519);
        var signer = new NoteSigner("log.example/a", ed25519);

        Assert.Throws<ArgumentException>(() => new NoteSigner("log example", ed25519));
        Assert.Throws<ArgumentException>(() => new NoteSigner("log+example", ed25519));
        Assert.Throws<ArgumentException>(() => new NoteSigner("", ed25519));
        Assert.Throws<ArgumentException>(() => new NoteSigner("log.example/a", x25519));
        Assert.Throws<FormatException>(() => signer.Sign("no newline"));
        Assert.Throws<FormatException>(() => signer.Sign("a\u0000b\n"));
        Assert.Throws<FormatException>(() => signer.Sign("\ud800\n"));
    }
}
