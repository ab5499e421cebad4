namespace DistressBot.Evidence.Verification;

/// <summary>A checkpoint the caller kept outside the server (--checkpoint FILE): the bare signed note, or the bot's whole message holding it.</summary>
/// <param name="Source">How to name it to the caller (the file's path as given).</param>
/// <param name="Content">The file's bytes.</param>
public sealed record KeptCheckpoint(string Source, byte[] Content);

/// <summary>The check of checkpoints the caller kept: each is signed by the log key, names this log, and its root is the root of the log's first <c>size</c> lines.</summary>
public static partial class BundleVerifier
{
    private const string SignatureDash = "\u2014 ";

    // A kept checkpoint is the strongest check there is: the bundle's own checkpoints/ come from the server, which can
    // leave out one that does not fit; this one did not come with the bundle.
    private static List<KeptCheckpointFact> CheckKept(CheckedLog log)
    {
        var facts = new List<KeptCheckpointFact>();
        foreach (var kept in log.Trust.Kept ?? [])
        {
            var checkpoint = OpenKept(kept, log);
            if (checkpoint.TreeSize > (ulong)log.Roots.Count)
            {
                throw Fail(VerdictTextId.KeptBeyondLog, null, null, kept.Source, checkpoint.TreeSize, log.Roots.Count);
            }

            if (!checkpoint.RootHash.AsSpan().SequenceEqual(log.Roots.RootAt((long)checkpoint.TreeSize)))
            {
                throw Fail(VerdictTextId.KeptNotPrefix, null, null, kept.Source, checkpoint.TreeSize);
            }

            facts.Add(new KeptCheckpointFact(kept.Source, checkpoint.TreeSize));
        }

        return facts;
    }

    // Signature by the log key, then the checkpoint text, then its origin, as for the bundle's own checkpoints.
    private static Checkpoint OpenKept(KeptCheckpoint kept, CheckedLog log)
    {
        var note = KeptNote(kept.Content, log.Origin) ?? throw Fail(VerdictTextId.KeptNotACheckpoint, null, null, kept.Source, log.Origin);
        SignedNote signed;
        try
        {
            signed = SignedNote.Parse(note);
        }
        catch (FormatException)
        {
            throw Fail(VerdictTextId.KeptNotACheckpoint, null, null, kept.Source, log.Origin);
        }

        if (!signed.Signatures.Any(s => s.KeyName == log.Key.KeyName && s.KeyId == log.Key.KeyId))
        {
            var signers = string.Join(", ", signed.Signatures.Select(s => $"{s.KeyName} ({s.KeyId:x8})").Distinct());
            throw Fail(VerdictTextId.KeptNotSignedByKey, null, null, kept.Source, log.Key.KeyName, signers);
        }

        if (!log.Key.TryOpen(note, out var text) || text is null)
        {
            throw Fail(VerdictTextId.KeptSignatureInvalid, null, null, kept.Source, log.Key.KeyName);
        }

        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(text);
        }
        catch (FormatException)
        {
            throw Fail(VerdictTextId.KeptNotACheckpoint, null, null, kept.Source, log.Origin);
        }

        return checkpoint.Origin == log.Origin
            ? checkpoint
            : throw Fail(VerdictTextId.KeptOfAnotherLog, null, null, kept.Source, checkpoint.Origin, log.Origin);
    }

    /// <summary>
    /// The signed note in a kept file: from the first line that is this log's origin (else the first line that starts a
    /// note: three lines, a blank one, a signature line) through its signature lines; CR LF read as LF (a copy from a
    /// chat), and text before and after the note ignored. Null when the file holds no note.
    /// </summary>
    internal static string? KeptNote(byte[] content, string origin)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Utf8(content) is not { } text)
        {
            return null;
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        bool StartsNote(int i) => i + 4 < lines.Length && lines[i].Length > 0 && lines[i + 3].Length == 0 && lines[i + 4].StartsWith(SignatureDash, StringComparison.Ordinal);
        var start = Array.IndexOf(lines, origin);
        if (start < 0 || !StartsNote(start))
        {
            start = Enumerable.Range(0, lines.Length).FirstOrDefault(StartsNote, -1);
        }

        if (start < 0)
        {
            return null;
        }

        var end = start + 4;
        while (end < lines.Length && lines[end].StartsWith(SignatureDash, StringComparison.Ordinal))
        {
            end++;
        }

        return string.Concat(lines[start..end].Select(l => l + "\n"));
    }
}
