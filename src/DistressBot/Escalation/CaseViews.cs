using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>/cases and /case: what a coordinator or lawyer reads about cases, in their language and time zone.</summary>
/// <remarks>
/// Timeline entries carry free-form details written by the domain in a small fixed set of shapes ("deadline {instant}",
/// "Safe: note", an alert reason's name …); they are rendered from what they mean, and a detail of any other shape is shown as stored.
/// </remarks>
public static partial class CaseViews
{
    /// <summary>The open cases of every subject <paramref name="reader"/> is in the chain of, with time to first acknowledgement and to a lawyer.</summary>
    public static string OpenCases(DataSession db, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var lines = new List<string>();
        foreach (var subject in CaseAccess.SubjectsVisibleTo(db, reader))
        {
            foreach (var caseId in new[] { subject.Checkin?.OpenCaseId, subject.Checkin?.OpenDrillCaseId }.OfType<string>())
            {
                if (db.Cases.Find(caseId) is { Status: not CaseStatus.Resolved } @case)
                {
                    lines.Add(Summary(db, @case, subject, reader, now));
                }
            }
        }

        return lines.Count == 0
            ? TextCatalogue.Format(language, TextId.CasesNone)
            : TextCatalogue.Format(language, TextId.CasesHeader) + "\n" + string.Join("\n", lines);
    }

    /// <summary>One line: number, alias, trigger, state, opened, time until it was taken (acknowledged or resolved), time until a lawyer was told.</summary>
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
            CaseStatus.Acknowledged => TextCatalogue.Format(language, TextId.CaseStateAcknowledged, db.People.Find(@case.AcknowledgedBy ?? "")?.Name ?? "?"),
            _ => TextCatalogue.Format(language, TextId.CaseStateResolved, CaseAlerts.OutcomeWord(@case.Outcome ?? CaseOutcome.Other, language)),
        };
        // FirstAcknowledgedAt is also set by a resolution without acknowledgement: the header calls it "taken".
        var taken = @case.FirstAcknowledgedAt is { } first
            ? HumanDuration.Format(first - @case.OpenedAt, language)
            : now - @case.OpenedAt < TimeSpan.FromSeconds(1)
                ? TextCatalogue.Format(language, TextId.NotYet)
                : TextCatalogue.Format(language, TextId.NotYetFor, HumanDuration.Format(now - @case.OpenedAt, language));
        var lawyer = @case.LawyerToldAt is { } told
            ? HumanDuration.Format(told - @case.OpenedAt, language)
            : TextCatalogue.Format(language, TextId.NotYet);
        // A duress case says so first, in every list and timeline, as its alerts do.
        return (@case.IsDrill ? TextCatalogue.Format(language, TextId.DrillPrefix) : "")
            + (@case.IsDuress ? TextCatalogue.Format(language, TextId.DuressPrefix) : "")
            + TextCatalogue.Format(language, TextId.CaseLine, @case.Id, subject.Name, TriggerWord(@case.Trigger, language), state, LocalTime.Format(@case.OpenedAt, reader.TimeZone, Precision(subject)), taken, lawyer);
    }

    /// <summary>
    /// The case as text: its header line (who, kind, state, opened, who took it), the facts given for the drafts, then its timeline, where a step repeated for
    /// one person (repeat, alert queued, delivered, merged, not sent) is one line with a count; a timeline too long for one message loses
    /// steps from its middle, never its header, its opening or its newest steps.
    /// </summary>
    public static string Timeline(DataSession db, Case @case, Person subject, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(reader);
        var header = TextCut.End(Summary(db, @case, subject, reader, now), MaxHeaderLength) + FactsLine(@case, reader.Language);
        var lines = TimelineLines(db, @case, subject, reader);
        return header + Join(lines, OutgoingMessage.MaxTextLength - header.Length, reader.Language);
    }

    // The facts given for the drafts (/fact), in the order /fact lists the keys, as one line under the header; none: nothing.
    private static string FactsLine(Case @case, Language language)
    {
        var set = DraftFacts.Keys.Where(@case.Facts.ContainsKey).Select(key => key + ": " + @case.Facts[key]).ToList();
        return set.Count == 0 ? "" : "\n" + TextCut.End(TextCatalogue.Format(language, TextId.CaseFactsLine, string.Join("; ", set)), MaxLineLength);
    }

    /// <summary>Longest header line kept whole in /case (aliases and names are short; this only guards the message limit).</summary>
    public const int MaxHeaderLength = 600;

    /// <summary>Longest single timeline line in /case (a long note is cut at its end).</summary>
    public const int MaxLineLength = 1200;

    // Steps that pile up once per repeat; each person's are summarised as one line where the first happened.
    private static readonly CaseEntryKind[] Summarised =
        [CaseEntryKind.Repeated, CaseEntryKind.AlertQueued, CaseEntryKind.AlertDelivered, CaseEntryKind.AlertDropped, CaseEntryKind.AlertMerged, CaseEntryKind.Read];

    private static List<string> TimelineLines(DataSession db, Case @case, Person subject, Person reader)
    {
        var language = reader.Language;
        var precision = Precision(subject);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Name(string id) => names.TryGetValue(id, out var name) ? name : names[id] = db.People.Find(id)?.Name ?? id;
        string Time(DateTimeOffset at) => LocalTime.Format(at, reader.TimeZone, precision);
        var steps = @case.Timeline.Select(e => (Entry: e, Step: Step(@case, e))).ToList();
        var repeated = steps
            .Where(s => Summarised.Contains(s.Entry.Kind))
            .GroupBy(s => (s.Step, s.Entry.PersonId))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Last().Entry.At));
        var shown = new HashSet<(TextId, string?)>();
        var lines = new List<string>();
        foreach (var (entry, step) in steps)
        {
            var line = new StringBuilder(Time(entry.At)).Append(' ').Append(TextCatalogue.Format(language, step));
            if (entry.PersonId is not null)
            {
                line.Append(" — ").Append(Name(entry.PersonId));
            }

            if (repeated.TryGetValue((step, entry.PersonId), out var times))
            {
                if (!shown.Add((step, entry.PersonId)))
                {
                    continue;
                }

                line.Append(' ').Append(TextCatalogue.Format(language, TextId.TimelineTimes, times.Count, Time(times.Last)));
            }
            else if (!string.IsNullOrEmpty(entry.Detail))
            {
                line.Append(": ").Append(Detail(entry.Kind, entry.Detail, language, Time, Name));
            }

            lines.Add(TextCut.End(line.ToString(), MaxLineLength));
        }

        return lines;
    }

    private static ClockPrecision Precision(Person subject) => SchedulePrecision.For(subject.Checkin?.Schedule);

    // The step's word is its kind's, except that a delivery which is not an alert's copy (a check-in or a location told
    // to the chain) is named as a message: "alert delivered" then counts only the alerts that were queued.
    private static TextId Step(Case @case, CaseEntry entry) =>
        entry.Kind == CaseEntryKind.AlertDelivered
            && MessageNumber(entry.Detail) is { } number
            && !@case.Copies.Exists(c => c.MessageId == number && string.Equals(c.PersonId, entry.PersonId, StringComparison.Ordinal))
            ? TextId.TimelineMessageDelivered
            : Enum.Parse<TextId>("Timeline" + entry.Kind);

    // The detail as the reader reads it; a shape the bot does not write is shown as stored.
    private static string Detail(CaseEntryKind kind, string detail, Language language, Func<DateTimeOffset, string> time, Func<string, string> name)
    {
        string Text(TextId id, params object?[] args) => TextCatalogue.Format(language, id, args);
        return kind switch
        {
            CaseEntryKind.Opened or CaseEntryKind.Joined => AlarmDetail(detail, language, time, name) ?? detail,
            CaseEntryKind.SubjectCheckedIn => SentAt(detail, language, time) ?? detail,
            CaseEntryKind.Escalated => EscalationReason(detail) is { } reason ? Text(reason) : detail,
            CaseEntryKind.AlertQueued or CaseEntryKind.AlertMerged or CaseEntryKind.AlertDropped =>
                ParseName<AlertReason>(detail) is { } alertReason ? Text(ReasonWord(alertReason)) : detail,
            CaseEntryKind.AlertDelivered => MessageNumber(detail) is { } number ? Text(TextId.TimelineMessageNumber, number) : detail,
            CaseEntryKind.Resolved => ResolvedDetail(detail, language) ?? detail,
            CaseEntryKind.Outage => Downtime(detail, language, time) ?? detail,
            CaseEntryKind.AlertFailed or CaseEntryKind.RecipientUnreachable => Text(TextId.TimelineTelegramSaid, detail),
            _ => detail,
        };
    }

    // "{CaseTrigger}: {what}" as Alarms writes it: the trigger's word, then what the trigger's detail says.
    private static string? AlarmDetail(string detail, Language language, Func<DateTimeOffset, string> time, Func<string, string> name)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 || ParseName<CaseTrigger>(detail[..colon]) is not { } trigger)
        {
            return null;
        }

        var what = detail[(colon + 2)..];
        var rendered = trigger switch
        {
            CaseTrigger.MissedCheckin => MissedDeadline(what, language, time),
            CaseTrigger.Sos or CaseTrigger.Duress => SentAt(what, language, time),
            CaseTrigger.MissingReport => ReportedBy(what, language, name),
            CaseTrigger.Drill when what.StartsWith(DrillStartedBy, StringComparison.Ordinal) =>
                TextCatalogue.Format(language, TextId.TimelineStartedBy, name(what[DrillStartedBy.Length..])),
            CaseTrigger.SubjectUnreachable => TextCatalogue.Format(language, TextId.TimelineTelegramSaid, what),
            _ => null,
        };
        return TriggerWord(trigger, language) + (rendered is null ? ": " + what : ", " + rendered);
    }

    private const string DrillStartedBy = "drill started by ";

    private static string? MissedDeadline(string what, Language language, Func<DateTimeOffset, string> time)
    {
        var match = MissedDeadlineShape().Match(what);
        if (!match.Success || Instant(match.Groups["deadline"].Value) is not { } deadline)
        {
            return null;
        }

        var text = TextCatalogue.Format(language, TextId.TimelineDeadline, time(deadline));
        if (!match.Groups["from"].Success)
        {
            return text;
        }

        return Instant(match.Groups["from"].Value) is { } from && Instant(match.Groups["to"].Value) is { } to
            ? text + "; " + TextCatalogue.Format(language, TextId.TimelineBotDown, time(from), time(to))
            : null;
    }

    private static string? SentAt(string what, Language language, Func<DateTimeOffset, string> time) =>
        what.StartsWith("sent ", StringComparison.Ordinal) && Instant(what[5..]) is { } sent
            ? TextCatalogue.Format(language, TextId.TimelineSentAt, time(sent))
            : null;

    // "reported by {person id}" and, when the coordinator wrote one, ": {their text}", which stays as typed.
    private static string? ReportedBy(string what, Language language, Func<string, string> name)
    {
        const string Prefix = "reported by ";
        if (!what.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = what[Prefix.Length..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? TextCatalogue.Format(language, TextId.TimelineReportedBy, name(rest))
            : TextCatalogue.Format(language, TextId.TimelineReportedBy, name(rest[..colon])) + ": " + rest[(colon + 2)..];
    }

    // "{CaseOutcome}" or "{CaseOutcome}: {note}"; the note stays as typed.
    private static string? ResolvedDetail(string detail, Language language)
    {
        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        var outcome = ParseName<CaseOutcome>(colon < 0 ? detail : detail[..colon]);
        return outcome is not { } known
            ? null
            : CaseAlerts.OutcomeWord(known, language) + (colon < 0 ? "" : detail[colon..]);
    }

    private static string? Downtime(string detail, Language language, Func<DateTimeOffset, string> time)
    {
        var match = DowntimeShape().Match(detail);
        if (!match.Success || Instant(match.Groups["from"].Value) is not { } from || Instant(match.Groups["to"].Value) is not { } to)
        {
            return null;
        }

        var id = match.Groups["what"].Value == "Telegram unreachable" ? TextId.TimelineTelegramDown : TextId.TimelineBotDown;
        return TextCatalogue.Format(language, id, time(from), time(to));
    }

    private static TextId? EscalationReason(string detail) => detail switch
    {
        "nobody acknowledged" => TextId.TimelineEscalatedNobodyAcknowledged,
        "a level-1 recipient is unreachable" => TextId.TimelineEscalatedRecipientUnreachable,
        "acknowledged but quiet" => TextId.TimelineEscalatedTakerQuiet,
        "at once" => TextId.TimelineEscalatedAtOnce,
        _ => null,
    };

    private static TextId ReasonWord(AlertReason reason) => reason switch
    {
        AlertReason.Escalated => TextId.TimelineReasonEscalated,
        AlertReason.Repeat => TextId.TimelineReasonRepeat,
        AlertReason.Reopened => TextId.TimelineReasonReopened,
        _ => TextId.TimelineReasonAlarm,
    };

    // "telegram message {n}" as CaseMessages.Delivered writes it.
    private static int? MessageNumber(string? detail) =>
        detail is not null && detail.StartsWith("telegram message ", StringComparison.Ordinal)
            && int.TryParse(detail.AsSpan("telegram message ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    // An enum member by its exact name only (Enum.TryParse would also take numbers and case-insensitive names).
    private static T? ParseName<T>(string text)
        where T : struct, Enum =>
        Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<T>(text) : null;

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    [GeneratedRegex(@"^deadline (?<deadline>\S+)(?:; the bot or its link to Telegram was down from (?<from>\S+) to (?<to>\S+))?$")]
    private static partial Regex MissedDeadlineShape();

    [GeneratedRegex(@"^(?<what>bot or Telegram link down|Telegram unreachable) from (?<from>\S+) to (?<to>\S+)$")]
    private static partial Regex DowntimeShape();

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
        CaseTrigger.Duress => TextId.TriggerDuress,
        _ => TextId.TriggerUnreachable,
    });
}
