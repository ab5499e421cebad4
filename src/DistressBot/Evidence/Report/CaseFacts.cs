using System.Globalization;

namespace DistressBot.Evidence.Report;

/// <summary>
/// What a case's summary says, read from its log: the <c>opened</c> entry (subject, and from its content the trigger,
/// last check-in, deadline and grace end, docs/evidence.md "Entry content"), the first acknowledgement and the last
/// resolution. What the entries do not say stays null.
/// </summary>
internal sealed record CaseFacts
{
    /// <summary>The case number of the first entry.</summary>
    public required string CaseId { get; init; }

    /// <summary>The first <c>opened</c> entry, or null when the log has none.</summary>
    public CaseLogEntry? Opened { get; init; }

    /// <summary>What the opening entry's content says (all null when it does not follow the convention).</summary>
    public OpeningContent Opening { get; init; } = OpeningContent.Unknown;

    /// <summary>The first <c>acknowledged</c> entry.</summary>
    public CaseLogEntry? Acknowledged { get; init; }

    /// <summary>The last <c>resolved</c> entry.</summary>
    public CaseLogEntry? Resolved { get; init; }

    /// <summary>Every <c>checked_in</c> entry, in log order.</summary>
    public IReadOnlyList<CaseLogEntry> CheckIns { get; init; } = [];

    /// <summary>Reads the facts of one case's entries.</summary>
    /// <exception cref="ArgumentException">No entries, or entries of more than one case.</exception>
    public static CaseFacts Of(IReadOnlyList<CaseLogEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("A case report needs the case's log entries; none were given.", nameof(entries));
        }

        var caseId = entries[0].CaseId;
        if (entries.FirstOrDefault(e => e.CaseId != caseId) is { } stranger)
        {
            throw new ArgumentException(
                $"The entries are of more than one case: seq {stranger.Sequence} is of {stranger.CaseId}, the first of {caseId}.", nameof(entries));
        }

        var opened = entries.FirstOrDefault(e => e.Kind == CaseLogKinds.Opened);
        return new CaseFacts
        {
            CaseId = caseId,
            Opened = opened,
            Opening = OpeningContent.Parse(opened?.Content),
            Acknowledged = entries.FirstOrDefault(e => e.Kind == CaseLogKinds.Acknowledged),
            Resolved = entries.LastOrDefault(e => e.Kind == CaseLogKinds.Resolved),
            CheckIns = [.. entries.Where(e => e.Kind == CaseLogKinds.CheckedIn)],
        };
    }
}

/// <summary>
/// The content of an <c>opened</c> or <c>joined</c> entry:
/// <c>trigger=…; last_checkin=&lt;at|none&gt;; deadline=&lt;at|none&gt;; grace_end=&lt;at|none&gt;[; detail=free text]</c>.
/// </summary>
/// <param name="Trigger">The trigger word ("missed_checkin", "sos", …), null when absent.</param>
/// <param name="LastCheckin">The last check-in as written (an <c>at</c> time or "none"), null when absent.</param>
/// <param name="Deadline">The deadline as written, null when absent.</param>
/// <param name="GraceEnd">The grace end as written, null when absent.</param>
/// <param name="Detail">The free text after <c>detail=</c>, null when absent.</param>
internal sealed record OpeningContent(string? Trigger, string? LastCheckin, string? Deadline, string? GraceEnd, string? Detail)
{
    private const string DetailKey = "detail=";

    /// <summary>Nothing known.</summary>
    public static OpeningContent Unknown { get; } = new(null, null, null, null, null);

    /// <summary>Reads the keys it knows; unknown keys are left out here (the table shows the content whole).</summary>
    public static OpeningContent Parse(string? content)
    {
        if (content is null)
        {
            return Unknown;
        }

        string? detail = null;
        var head = content;
        var detailAt = content.StartsWith(DetailKey, StringComparison.Ordinal) ? 0 : content.IndexOf("; " + DetailKey, StringComparison.Ordinal);
        if (detailAt >= 0)
        {
            var start = detailAt == 0 ? DetailKey.Length : detailAt + 2 + DetailKey.Length;
            detail = content[start..];
            head = content[..detailAt];
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in head.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values.TryAdd(part[..equals], part[(equals + 1)..]);
            }
        }

        return new OpeningContent(
            values.GetValueOrDefault("trigger"),
            values.GetValueOrDefault("last_checkin"),
            values.GetValueOrDefault("deadline"),
            values.GetValueOrDefault("grace_end"),
            detail);
    }

    /// <summary>A value in the <c>at</c> form as an instant; null for "none", absent or anything else.</summary>
    public static DateTimeOffset? Time(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}
