using DistressBot.Evidence;
using DistressBot.Evidence.Report;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>Makes an exported case's bundle: the log (with the entries of the export's redaction as redacted lines), checkpoints and proofs as read, the judge's report and the README in the reader's language.</summary>
public static class CaseBundles
{
    /// <summary>The bundle of <paramref name="data"/> for a reader of <paramref name="language"/> in <paramref name="zone"/>, made at <paramref name="now"/>.</summary>
    /// <exception cref="FormatException">A stored entry is not canonical (a damaged log).</exception>
    public static CaseBundle Make(CaseExportData data, Language language, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(zone);
        var entries = data.Entries.Select(e => CaseLogEntry.Parse(e)).ToList();
        var redacted = entries.Where(e => data.Redaction.Covers(e.Kind)).ToDictionary(e => e.Sequence, e => e.Kind);
        var report = CaseReport.Render(new CaseReportInput(entries, data.LatestNote, data.VerifierKey, language, zone, now) { Redacted = redacted.Keys.ToHashSet() });
        var keyName = NoteVerifier.Parse(data.VerifierKey).KeyName;
        return CaseBundle.Build(data.Entries, data.LatestNote, data.VerifierKey, data.SentOut, report, BundleReadme.Text(data.CaseId, keyName, language), redacted, data.Evidence);
    }

    /// <summary>The file name of a case's zipped bundle: "C-0042-bundle.zip".</summary>
    public static string ZipName(string caseId) => caseId + "-bundle.zip";
}
