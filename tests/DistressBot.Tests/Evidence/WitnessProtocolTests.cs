using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>C2SP tlog-witness add-checkpoint: the request body a log sends and what each answer means.</summary>
public sealed class WitnessProtocolTests
{
    [Fact]
    public void AddCheckpointBody_IsOldLineProofLinesBlankLineAndTheNote()
    {
        var (note, _) = SignedCheckpoint(5);
        byte[] first = [.. Enumerable.Repeat((byte)1, 32)];
        byte[] second = [.. Enumerable.Repeat((byte)2, 32)];

        var body = WitnessProtocol.AddCheckpointBody(3, [first, second], note);

        Assert.Equal("old 3\n" + Convert.ToBase64String(first) + "\n" + Convert.ToBase64String(second) + "\n\n" + note, body);
    }

    [Fact]
    public void AddCheckpointBody_FromZero_HasNoProofLines_AndParsesBack()
    {
        var (note, _) = SignedCheckpoint(1);

        var body = WitnessProtocol.AddCheckpointBody(0, [], note);
        var parsed = WitnessProtocol.ParseAddCheckpoint(body);

        Assert.StartsWith("old 0\n\n", body, StringComparison.Ordinal);
        Assert.Equal(0UL, parsed.OldSize);
        Assert.Empty(parsed.Proof);
        Assert.Equal(note, parsed.Note);
    }

    [Fact]
    public void AddCheckpointBody_RefusesWhatAWitnessWouldRefuse()
    {
        var (note, _) = SignedCheckpoint(5);
        var hash = new byte[32];

        Assert.Throws<ArgumentException>(() => WitnessProtocol.AddCheckpointBody(0, [hash], note)); // proof from 0
        Assert.Throws<ArgumentException>(() => WitnessProtocol.AddCheckpointBody(6, [hash], note)); // old above new
        Assert.Throws<ArgumentException>(() => WitnessProtocol.AddCheckpointBody(3, [new byte[31]], note));
        Assert.Throws<ArgumentException>(() => WitnessProtocol.AddCheckpointBody(3, Enumerable.Repeat(hash, 64).ToList(), note));
        Assert.Throws<FormatException>(() => WitnessProtocol.AddCheckpointBody(0, [], "not a note\n"));
    }

    [Theory]
    [InlineData("old 01\n\nx")]
    [InlineData("old -1\n\nx")]
    [InlineData("new 1\n\nx")]
    [InlineData("old 1\nnot base64\n\nx")]
    [InlineData("old 1\n")]
    public void ParseAddCheckpoint_Malformed_ThrowsFormatException(string body)
    {
        Assert.Throws<FormatException>(() => WitnessProtocol.ParseAddCheckpoint(body));
    }

    [Fact]
    public void ReadResponse_200WithSignatureLines_IsCosigned_KeepingTheBodyExactly()
    {
        var body = "\u2014 w1 AAAAAQE=\n\u2014 w2 AAAAAgI=\n";

        var outcome = Assert.IsType<WitnessCosigned>(WitnessProtocol.ReadResponse(200, "text/plain", body, 0));

        Assert.Equal(body, outcome.Body);
        Assert.Equal(["\u2014 w1 AAAAAQE=", "\u2014 w2 AAAAAgI="], outcome.Lines);
    }

    [Fact]
    public void ReadResponse_409WithAnotherSize_IsConflictWithThatSize()
    {
        var outcome = WitnessProtocol.ReadResponse(409, "text/x.tlog.size", "12\n", 0);

        Assert.Equal(new WitnessConflict(12), outcome);
    }

    [Fact]
    public void ReadResponse_409AtTheSizeSent_IsARootMismatch_NotAConflictToRetry()
    {
        var outcome = Assert.IsType<WitnessFailed>(WitnessProtocol.ReadResponse(409, "text/x.tlog.size", "7\n", 7));

        Assert.Equal(WitnessFailureKind.RootMismatch, outcome.Kind);
        Assert.False(outcome.Transient);
    }

    [Theory]
    [InlineData(200, "text/plain", "", WitnessFailureKind.BadResponse, false)]
    [InlineData(409, "text/plain", "12\n", WitnessFailureKind.BadResponse, false)]
    [InlineData(409, "text/x.tlog.size", "012\n", WitnessFailureKind.BadResponse, false)]
    [InlineData(400, null, "", WitnessFailureKind.BadRequest, false)]
    [InlineData(403, null, "", WitnessFailureKind.Forbidden, false)]
    [InlineData(404, null, "", WitnessFailureKind.UnknownLog, false)]
    [InlineData(422, null, "", WitnessFailureKind.BadProof, false)]
    [InlineData(429, null, "", WitnessFailureKind.RateLimited, true)]
    [InlineData(503, null, "", WitnessFailureKind.ServerError, true)]
    [InlineData(301, null, "", WitnessFailureKind.OtherStatus, false)]
    public void ReadResponse_OtherAnswers_AreNamedFailures(int status, string? mediaType, string body, WitnessFailureKind kind, bool transient)
    {
        var outcome = Assert.IsType<WitnessFailed>(WitnessProtocol.ReadResponse(status, mediaType, body, 3));

        Assert.Equal(kind, outcome.Kind);
        Assert.Equal(status, outcome.Status);
        Assert.Equal(transient, outcome.Transient);
    }

    /// <summary>A signed checkpoint note of a throwaway log of <paramref name="size"/> leaves.</summary>
    private static (string Note, string Text) SignedCheckpoint(ulong size)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var text = new Checkpoint("log.example/C-0001", size, new byte[32]).ToText();
        return (new NoteSigner("log.example", key).Sign(text), text);
    }
}
