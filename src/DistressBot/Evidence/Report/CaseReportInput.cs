using DistressBot.Localization;

namespace DistressBot.Evidence.Report;

/// <summary>What report.pdf is made from: a case's log and its latest signed checkpoint, and who reads it where and when.</summary>
/// <param name="Entries">Every entry of the case's log in log order (seq 0 first), already parsed; at least one, all of one case.</param>
/// <param name="CheckpointNote">The latest signed checkpoint note as text (origin, size, root, blank line, signature lines).</param>
/// <param name="VerifierKey">The log's verifier key line, <c>&lt;name&gt;+&lt;hex id&gt;+&lt;base64&gt;</c>.</param>
/// <param name="Language">The reader's language.</param>
/// <param name="TimeZone">The reader's time zone: every time is shown in it with its UTC offset.</param>
/// <param name="MadeAt">When the report was made.</param>
public sealed record CaseReportInput(
    IReadOnlyList<CaseLogEntry> Entries,
    string CheckpointNote,
    string VerifierKey,
    Language Language,
    TimeZoneInfo TimeZone,
    DateTimeOffset MadeAt)
{
    /// <summary>The seqs of the entries the bundle redacts: listed with their seq, kind and leaf hash, never their time, parties or content.</summary>
    public IReadOnlySet<long> Redacted { get; init; } = new HashSet<long>();
}
