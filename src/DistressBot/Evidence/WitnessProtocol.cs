using System.Globalization;
using System.Text;

namespace DistressBot.Evidence;

/// <summary>The add-checkpoint request of a C2SP tlog-witness, parsed (the witness side).</summary>
/// <param name="OldSize">The size the client believes the witness last cosigned.</param>
/// <param name="Proof">The RFC 6962 consistency proof from the old size to the checkpoint's, 32-byte hashes.</param>
/// <param name="Note">The signed checkpoint note.</param>
public sealed record AddCheckpointRequest(ulong OldSize, IReadOnlyList<byte[]> Proof, string Note);

/// <summary>
/// The wire format of C2SP tlog-witness add-checkpoint: the request body ("old N", base64 proof lines, a blank line,
/// the signed checkpoint) and the meaning of the answer (200 cosignature lines, 409 text/x.tlog.size, other statuses).
/// </summary>
public static class WitnessProtocol
{
    /// <summary>Most consistency proof lines a client may send: 63.</summary>
    public const int MaxProofLines = 63;

    /// <summary>The media type of a 409 answer's body: the known size and a newline.</summary>
    public const string SizeMediaType = "text/x.tlog.size";

    /// <summary>The path below the witness's submission prefix.</summary>
    public const string AddCheckpointPath = "add-checkpoint";

    /// <summary>
    /// The request body for a signed checkpoint <paramref name="note"/>, with the <paramref name="proof"/> from
    /// <paramref name="oldSize"/>. <see cref="ArgumentException"/> when the proof has more than 63 hashes, a hash is
    /// not 32 bytes, the proof is not empty for old size 0, or the old size exceeds the checkpoint's;
    /// <see cref="FormatException"/> when the note is not a signed note of a checkpoint.
    /// </summary>
    public static string AddCheckpointBody(ulong oldSize, IReadOnlyList<byte[]> proof, string note)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(note);
        if (proof.Count > MaxProofLines || proof.Any(h => h is null || h.Length != MerkleTree.HashSize))
        {
            throw new ArgumentException($"A witness takes at most {MaxProofLines} proof hashes of {MerkleTree.HashSize} bytes each.", nameof(proof));
        }

        if (oldSize == 0 && proof.Count > 0)
        {
            throw new ArgumentException("The proof must be empty when the old size is 0.", nameof(proof));
        }

        var checkpoint = Checkpoint.Parse(SignedNote.Parse(note).Text);
        if (oldSize > checkpoint.TreeSize)
        {
            throw new ArgumentException($"The old size ({oldSize}) exceeds the checkpoint's size ({checkpoint.TreeSize}).", nameof(oldSize));
        }

        var body = new StringBuilder().Append("old ").Append(oldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in proof)
        {
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return body.Append('\n').Append(note).ToString();
    }

    /// <summary>
    /// Reads an add-checkpoint body (the witness side); <see cref="FormatException"/> naming the fault when the old size
    /// line, a proof line or the blank line is missing or malformed, or there are more than 63 proof lines.
    /// </summary>
    public static AddCheckpointRequest ParseAddCheckpoint(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new FormatException("Not an add-checkpoint request: no blank line before the checkpoint.");
        }

        var head = body[..blank].Split('\n');
        if (!head[0].StartsWith("old ", StringComparison.Ordinal) || ParseSize(head[0][4..]) is not { } oldSize)
        {
            throw new FormatException("Not an add-checkpoint request: the first line must be \"old\", a space and a decimal size without leading zeros.");
        }

        if (head.Length - 1 > MaxProofLines)
        {
            throw new FormatException($"Not an add-checkpoint request: more than {MaxProofLines} proof lines.");
        }

        var proof = new List<byte[]>(head.Length - 1);
        foreach (var line in head.Skip(1))
        {
            var hash = Base64.Decode(line);
            if (hash is null || hash.Length != MerkleTree.HashSize)
            {
                throw new FormatException($"Not an add-checkpoint request: a proof line is not base64 of {MerkleTree.HashSize} bytes.");
            }

            proof.Add(hash);
        }

        return new AddCheckpointRequest(oldSize, proof, body[(blank + 2)..]);
    }

    /// <summary>
    /// What an answer means, for a request sent with <paramref name="oldSize"/>: 200 with signature lines is
    /// <see cref="WitnessCosigned"/>; 409 with a text/x.tlog.size body of another size is <see cref="WitnessConflict"/>, of
    /// the same size <see cref="WitnessFailureKind.RootMismatch"/>; everything else a <see cref="WitnessFailed"/> of its kind.
    /// </summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="mediaType">The Content-Type's media type, without parameters; null when none.</param>
    /// <param name="body">The body as UTF-8 text.</param>
    /// <param name="oldSize">The old size the request carried.</param>
    public static WitnessOutcome ReadResponse(int status, string? mediaType, string body, ulong oldSize)
    {
        ArgumentNullException.ThrowIfNull(body);
        switch (status)
        {
            case 200:
                return IsSignatureLines(body)
                    ? new WitnessCosigned(body)
                    : new WitnessFailed(WitnessFailureKind.BadResponse, status, "The witness answered 200 without cosignature lines.");
            case 409:
                if (!string.Equals(mediaType, SizeMediaType, StringComparison.OrdinalIgnoreCase)
                    || !body.EndsWith('\n') || ParseSize(body[..^1]) is not { } known)
                {
                    return new WitnessFailed(WitnessFailureKind.BadResponse, status, "The witness answered 409 Conflict without its known size (text/x.tlog.size).");
                }

                return known == oldSize
                    ? new WitnessFailed(WitnessFailureKind.RootMismatch, status, $"The witness holds another root hash at size {known}: the log seen by the witness differs (a fork).")
                    : new WitnessConflict(known);
            case 400:
                return new WitnessFailed(WitnessFailureKind.BadRequest, status, "The witness refused the request as malformed (400).");
            case 403:
                return new WitnessFailed(WitnessFailureKind.Forbidden, status, "The witness does not trust the log key that signed the checkpoint (403).");
            case 404:
                return new WitnessFailed(WitnessFailureKind.UnknownLog, status, "The witness does not know this log's origin (404).");
            case 422:
                return new WitnessFailed(WitnessFailureKind.BadProof, status, "The witness found the consistency proof wrong (422).");
            case 429:
                return new WitnessFailed(WitnessFailureKind.RateLimited, status, "The witness asks to slow down (429).");
            case >= 500 and <= 599:
                return new WitnessFailed(WitnessFailureKind.ServerError, status, $"The witness failed ({status}).");
            default:
                return new WitnessFailed(WitnessFailureKind.OtherStatus, status, $"The witness answered with status {status}.");
        }
    }

    /// <summary>The 409 body for a known size: decimal and a newline.</summary>
    public static string SizeBody(ulong size) => size.ToString(CultureInfo.InvariantCulture) + "\n";

    /// <summary>The signature lines of a cosignature body (one or more lines, each ending in newline); <see cref="FormatException"/> when it is not that.</summary>
    internal static IReadOnlyList<NoteSignature> SignatureLines(string body)
    {
        if (body.Length == 0 || !body.EndsWith('\n') || NoteText.CharacterProblem(body) is not null)
        {
            throw new FormatException("Not cosignature lines: the text must be one or more signature lines, each ending in a newline.");
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length > NoteText.MaxSignatures)
        {
            throw new FormatException($"Not cosignature lines: more than {NoteText.MaxSignatures} lines.");
        }

        return lines.Select(SignedNote.ParseSignatureLine).ToList();
    }

    private static bool IsSignatureLines(string body)
    {
        try
        {
            _ = SignatureLines(body);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ulong? ParseSize(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
        && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
}
