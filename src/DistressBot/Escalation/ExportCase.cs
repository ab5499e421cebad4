using DistressBot.Domain;
using DistressBot.Evidence;

namespace DistressBot.Escalation;

/// <summary>What a case's bundle is made of, read in the unit of work that exported it.</summary>
/// <param name="CaseId">The case number.</param>
/// <param name="Entries">Every entry's canonical bytes, the export's own entry last.</param>
/// <param name="LatestNote">The checkpoint signed over all of them for this export.</param>
/// <param name="VerifierKey">The log's verifier key.</param>
/// <param name="SentOut">Every checkpoint that left the server (this export's included), oldest first.</param>
public sealed record CaseExportData(string CaseId, IReadOnlyList<byte[]> Entries, string LatestNote, string VerifierKey, IReadOnlyList<BundleCheckpoint> SentOut)
{
    /// <summary>The entry kinds the bundle withholds, as the export's own entry records them.</summary>
    public Redaction Redaction { get; init; } = Redaction.None;

    /// <summary>The case's evidence files by lowercase hex SHA-256 (the bundle's <c>evidence/&lt;hex&gt;</c>).</summary>
    public IReadOnlyDictionary<string, byte[]> Evidence { get; init; } = new Dictionary<string, byte[]>();
}

/// <summary>
/// A lawyer or coordinator on the case (/export C-0042), or the admin (distressbot export-case), exports a case: the export
/// is itself a step of the case's log, a checkpoint is signed over the log including it and counts as sent to the exporter,
/// and the bundle's contents are read in the same unit of work.
/// </summary>
public static class ExportCase
{
    /// <summary>
    /// Exports case <paramref name="caseId"/> (as typed) for <paramref name="actor"/> (null: the admin) at <paramref name="now"/>;
    /// null when there is no such case or the actor is not on it (the attempt is then logged in the case, see <see cref="CaseAccess.Enter"/>).
    /// With a <paramref name="redaction"/>, the <c>exported</c> entry's content is "redacted=locations,notes".
    /// </summary>
    /// <exception cref="InvalidOperationException">No log key.</exception>
    public static CaseExportData? Run(DataSession db, Person? actor, string caseId, DateTimeOffset now, Redaction? redaction = null)
    {
        redaction ??= Redaction.None;
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseId);
        var @case = actor is null ? AdminFind(db, caseId) : CaseAccess.Enter(db, actor, caseId, now)?.Case;
        if (@case is null)
        {
            return null;
        }

        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Exported, PersonId = actor?.Id, ByAdmin = actor is null, Detail = redaction.IsNone ? null : "redacted=" + redaction });
        db.Cases.Save(@case);
        var checkpoint = db.CaseLog.Sign(@case.Id, now, "export");
        checkpoint.Sent.Add(actor is null
            ? new CheckpointSent("admin", null, now)
            : new CheckpointSent(actor.Role == Role.Lawyer ? "lawyer" : "coordinator", actor.Name, now));
        db.CaseLog.Update(checkpoint);
        var sentOut = db.CaseLog.Checkpoints(@case.Id)
            .Where(c => c.Sent.Count > 0)
            .Select(c => new BundleCheckpoint(c.Index, c.Note, [.. c.Sent.Select(Line)], c.Cosignatures, c.WitnessKey, c.TimestampToken))
            .ToList();
        return new CaseExportData(@case.Id, db.CaseLog.Entries(@case.Id), checkpoint.Note, db.CaseLog.VerifierKey!, sentOut) { Redaction = redaction, Evidence = EvidenceOf(db, @case) };
    }

    // Every file an evidence step names, read back and checked against its hash; a file that no longer opens fails the export.
    private static Dictionary<string, byte[]> EvidenceOf(DataSession db, Case @case)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var step in @case.Timeline.Where(s => s.Kind == CaseEntryKind.Evidence && s.Detail is not null))
        {
            var sha256 = EvidenceContent.Parse(step.Detail!)?.Sha256;
            if (sha256 is not null && !files.ContainsKey(sha256) && db.EvidenceFiles.Read(@case.Id, sha256) is { } bytes)
            {
                files[sha256] = bytes;
            }
        }

        return files;
    }

    /// <summary>A sent.txt line: "lawyer Lev 2026-11-30T21:15:00.000Z", "witness https://… 2026-…".</summary>
    public static string Line(CheckpointSent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return sent.Where + (sent.Detail is null ? "" : " " + sent.Detail) + " " + CaseLogEntry.FormatAt(sent.At);
    }

    private static Case? AdminFind(DataSession db, string caseId)
    {
        var id = caseId.Trim().ToUpperInvariant();
        if (!CaseNumber.IsValid(id))
        {
            return null;
        }

        try
        {
            return db.Cases.Find(id);
        }
        catch (Crypto.RecordIntegrityException)
        {
            return null; // purged: nothing left to export
        }
    }
}
