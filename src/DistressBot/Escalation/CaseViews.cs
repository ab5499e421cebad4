using System.Text;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>/cases and /case: what a coordinator or lawyer reads about cases, in their language and time zone.</summary>
public static class CaseViews
{
    /// <summary>The open cases of every subject <paramref name="reader"/> is in the chain of, with time to first acknowledgement and to a lawyer.</summary>
    public static string OpenCases(DataSession db, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var lines = new List<string>();
        foreach (var subject in reader.SubjectIds.Concat(reader.BackupSubjectIds).Distinct().Select(db.Person).OfType<Person>())
        {
            foreach (var caseId in new[] { subject.Checkin?.OpenCaseId, subject.Checkin?.OpenDrillCaseId }.OfType<string>())
            {
                if (db.Case(caseId) is { Status: not CaseStatus.Resolved } @case)
                {
                    lines.Add(Summary(db, @case, subject, reader, now));
                }
            }
        }

        return lines.Count == 0
            ? TextCatalogue.Format(language, TextId.CasesNone)
            : TextCatalogue.Format(language, TextId.CasesHeader) + "\n" + string.Join("\n", lines);
    }

    /// <summary>One line: number, alias, trigger, state, opened, time to first acknowledgement, time until a lawyer was told.</summary>
    public static string Summary(DataSession db, Case @case, Person subject, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var state = @case.Status switch
        {
            CaseStatus.Open => TextCatalogue.Format(language, TextId.CaseStateOpen, @case.Level),
            CaseStatus.Acknowledged => TextCatalogue.Format(language, TextId.CaseStateAcknowledged, db.Person(@case.AcknowledgedBy ?? "")?.Name ?? "?"),
            _ => TextCatalogue.Format(language, TextId.CaseStateResolved, CaseAlerts.OutcomeWord(@case.Outcome ?? CaseOutcome.Other, language)),
        };
        var ack = @case.FirstAcknowledgedAt is { } first
            ? HumanDuration.Format(first - @case.OpenedAt, language)
            : TextCatalogue.Format(language, TextId.NotYetFor, HumanDuration.Format(now - @case.OpenedAt, language));
        var lawyer = @case.LawyerToldAt is { } told
            ? HumanDuration.Format(told - @case.OpenedAt, language)
            : TextCatalogue.Format(language, TextId.NotYet);
        return (@case.IsDrill ? TextCatalogue.Format(language, TextId.DrillPrefix) : "")
            + TextCatalogue.Format(language, TextId.CaseLine, @case.Id, subject.Name, TriggerWord(@case.Trigger, language), state, LocalTime.Format(@case.OpenedAt, reader.TimeZone), ack, lawyer);
    }

    /// <summary>
    /// The case as text: its header line (who, kind, state, opened, who took it), then its timeline, where a step repeated for
    /// one person (repeat, alert queued, delivered, merged, not sent) is one line with a count; a timeline too long for one message loses
    /// steps from its middle, never its header, its opening or its newest steps.
    /// </summary>
    public static string Timeline(DataSession db, Case @case, Person subject, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        var header = TextCut.End(Summary(db, @case, subject, reader, now), MaxHeaderLength);
        var lines = TimelineLines(db, @case, reader);
        return header + Join(lines, OutgoingMessage.MaxTextLength - header.Length, reader.Language);
    }

    /// <summary>Longest header line kept whole in /case (aliases and names are short; this only guards the message limit).</summary>
    public const int MaxHeaderLength = 600;

    /// <summary>Longest single timeline line in /case (a long note is cut at its end).</summary>
    public const int MaxLineLength = 1200;

    // Steps that pile up once per repeat; each person's are summarised as one line where the first happened.
    private static readonly CaseEntryKind[] Summarised =
        [CaseEntryKind.Repeated, CaseEntryKind.AlertQueued, CaseEntryKind.AlertDelivered, CaseEntryKind.AlertDropped, CaseEntryKind.AlertMerged];

    private static List<string> TimelineLines(DataSession db, Case @case, Person reader)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string id) => names.TryGetValue(id, out var name) ? name : names[id] = db.Person(id)?.Name ?? id;
        var repeated = @case.Timeline
            .Where(e => Summarised.Contains(e.Kind))
            .GroupBy(e => (e.Kind, e.PersonId))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Last().At));
        var shown = new HashSet<(CaseEntryKind, string?)>();
        var lines = new List<string>();
        foreach (var entry in @case.Timeline)
        {
            var line = new StringBuilder(LocalTime.Format(entry.At, reader.TimeZone)).Append(' ').Append(StepWord(entry.Kind, reader.Language));
            if (entry.PersonId is not null)
            {
                line.Append(" — ").Append(Name(entry.PersonId));
            }

            if (repeated.TryGetValue((entry.Kind, entry.PersonId), out var times))
            {
                if (!shown.Add((entry.Kind, entry.PersonId)))
                {
                    continue;
                }

                line.Append(' ').Append(TextCatalogue.Format(reader.Language, TextId.TimelineTimes, times.Count, LocalTime.Format(times.Last, reader.TimeZone)));
            }
            else if (!string.IsNullOrEmpty(entry.Detail))
            {
                line.Append(": ").Append(entry.Detail);
            }

            lines.Add(TextCut.End(line.ToString(), MaxLineLength));
        }

        return lines;
    }

    // "\n" + each line; when they do not fit in room, whole lines from the middle give way to one line saying how many.
    private static string Join(List<string> lines, int room, Language language)
    {
        var total = lines.Sum(l => l.Length + 1);
        if (total <= room)
        {
            return string.Concat(lines.Select(l => "\n" + l));
        }

        var cut = TextCatalogue.Format(language, TextId.TimelineCut, lines.Count).Length + 1;
        var headRoom = (room - cut) / 3;
        var head = 0;
        var used = 0;
        while (head < lines.Count && used + lines[head].Length + 1 <= headRoom)
        {
            used += lines[head++].Length + 1;
        }

        var tail = lines.Count;
        while (tail > head && used + lines[tail - 1].Length + 1 <= room - cut)
        {
            used += lines[--tail].Length + 1;
        }

        var text = new StringBuilder();
        foreach (var line in lines.Take(head))
        {
            text.Append('\n').Append(line);
        }

        text.Append('\n').Append(TextCatalogue.Format(language, TextId.TimelineCut, tail - head));
        foreach (var line in lines.Skip(tail))
        {
            text.Append('\n').Append(line);
        }

        return text.ToString();
    }

    /// <summary>The localised word for a timeline step (the catalogue has one per <see cref="CaseEntryKind"/>).</summary>
    public static string StepWord(CaseEntryKind kind, Language language) =>
        TextCatalogue.Format(language, Enum.Parse<TextId>("Timeline" + kind));

    /// <summary>The localised word for a trigger.</summary>
    public static string TriggerWord(CaseTrigger trigger, Language language) => TextCatalogue.Format(language, trigger switch
    {
        CaseTrigger.MissedCheckin => TextId.TriggerMissed,
        CaseTrigger.Sos => TextId.TriggerSos,
        CaseTrigger.MissingReport => TextId.TriggerMissing,
        CaseTrigger.Drill => TextId.TriggerDrill,
        _ => TextId.TriggerUnreachable,
    });
}
