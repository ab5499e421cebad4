using System.Globalization;
using DistressBot.Evidence;

namespace DistressBot.Domain;

/// <summary>How a case's timeline step becomes a case log entry (docs/evidence.md, "Kinds" and "Content").</summary>
public static partial class CaseLogEntries
{
    /// <summary>Step <paramref name="index"/> of <paramref name="case"/>'s timeline as log entry number <paramref name="index"/>, naming people by their role and alias as they stand now.</summary>
    /// <param name="case">The case.</param>
    /// <param name="index">The step, from 0.</param>
    /// <param name="subject">The case's subject, or null when no longer enrolled.</param>
    /// <param name="people">Finds a person by id (null when gone).</param>
    /// <param name="handling">The message being handled, if any: a person's own step taken when it was handled gets its date.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a step of the timeline.</exception>
    public static CaseLogEntry From(Case @case, int index, Person? subject, Func<string, Person?> people, HandledMessage? handling = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(people);
        var step = @case.Timeline[index];
        var named = step.PersonId is { } id ? Party(people(id)) : null;
        var subjectParty = subject is null ? Unknown : Party(subject);
        var (actor, person, content) = step.Kind switch
        {
            CaseEntryKind.Opened or CaseEntryKind.Joined => (Opener(@case, step, subjectParty, people), subjectParty, Alarm(@case, step)),
            CaseEntryKind.SubjectCheckedIn => (subjectParty, null, step.Detail is { } sent ? AtForm(sent) : null),
            CaseEntryKind.Location => (subjectParty, null, step.Detail),
            CaseEntryKind.Outage => (Bot, named, step.Detail is { } down ? AtForm(down) : null),
            CaseEntryKind.Acknowledged or CaseEntryKind.Note or CaseEntryKind.Resolved or CaseEntryKind.Read
                or CaseEntryKind.Exported or CaseEntryKind.AccessRefused or CaseEntryKind.Fact or CaseEntryKind.DraftMade or CaseEntryKind.Released or CaseEntryKind.Evidence => (step.ByAdmin ? Admin : named ?? Unknown, null, step.Detail),
            CaseEntryKind.AlertDelivered => (Bot, named, null),
            CaseEntryKind.Revoked => (Admin, named ?? Unknown, null),
            _ => (Bot, named, step.Detail),
        };
        return new CaseLogEntry
        {
            CaseId = @case.Id,
            Sequence = index,
            Kind = Kind(step.Kind),
            At = step.At,
            TelegramDate = step.TelegramDate ?? (OwnStep(step) && handling is { } message && message.HandledAt == step.At ? message.SentAt : null),
            Actor = actor,
            Person = person,
            Content = content,
            MessageId = step.MessageId ?? (step.Kind == CaseEntryKind.AlertDelivered ? DeliveredId(step.Detail) : null),
            Text = step.Text,
        };
    }

    /// <summary>The kind word of a timeline step (<see cref="CaseLogKinds"/>).</summary>
    public static string Kind(CaseEntryKind kind) => kind switch
    {
        CaseEntryKind.Opened => CaseLogKinds.Opened,
        CaseEntryKind.Joined => CaseLogKinds.Joined,
        CaseEntryKind.AlertQueued => CaseLogKinds.AlertQueued,
        CaseEntryKind.AlertDelivered => CaseLogKinds.AlertDelivered,
        CaseEntryKind.AlertFailed => CaseLogKinds.AlertFailed,
        CaseEntryKind.SubjectCheckedIn => CaseLogKinds.CheckedIn,
        CaseEntryKind.Escalated => CaseLogKinds.Escalated,
        CaseEntryKind.Repeated => CaseLogKinds.Repeated,
        CaseEntryKind.Acknowledged => CaseLogKinds.Acknowledged,
        CaseEntryKind.AcknowledgedReminder => CaseLogKinds.AcknowledgedReminder,
        CaseEntryKind.Note => CaseLogKinds.Note,
        CaseEntryKind.Location => CaseLogKinds.Location,
        CaseEntryKind.Resolved => CaseLogKinds.Resolved,
        CaseEntryKind.RecipientUnreachable => CaseLogKinds.RecipientUnreachable,
        CaseEntryKind.Outage => CaseLogKinds.Outage,
        CaseEntryKind.AlertDropped => CaseLogKinds.AlertDropped,
        CaseEntryKind.AlertMerged => CaseLogKinds.AlertMerged,
        CaseEntryKind.Read => CaseLogKinds.Read,
        CaseEntryKind.Exported => CaseLogKinds.Exported,
        CaseEntryKind.AccessRefused => CaseLogKinds.AccessRefused,
        CaseEntryKind.Fact => CaseLogKinds.Fact,
        CaseEntryKind.DraftMade => CaseLogKinds.Draft,
        CaseEntryKind.Released => CaseLogKinds.Released,
        CaseEntryKind.Evidence => CaseLogKinds.Evidence,
        CaseEntryKind.Revoked => CaseLogKinds.Revoked,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A timeline step without a log kind."),
    };

    // A step a person took by writing to the bot.
    private static bool OwnStep(CaseEntry step) =>
        !step.ByAdmin && step.PersonId is not null && step.Kind is CaseEntryKind.Acknowledged or CaseEntryKind.Note or CaseEntryKind.Resolved
            or CaseEntryKind.Read or CaseEntryKind.Exported or CaseEntryKind.AccessRefused or CaseEntryKind.Fact or CaseEntryKind.DraftMade or CaseEntryKind.Evidence;

    private static readonly LogParty Bot = new("bot", null);
    private static readonly LogParty Admin = new("admin", null);
    private static readonly LogParty Unknown = new("unknown", null);

    private static LogParty Party(Person? person) => person is null
        ? Unknown
        : new LogParty(person.Role switch { Role.Subject => "subject", Role.Coordinator => "coordinator", _ => "lawyer" }, person.Name);

    // Who raised the alarm: the subject for an SOS or duress PIN, the coordinator for a missing report or drill, else the bot.
    private static LogParty Opener(Case @case, CaseEntry step, LogParty subject, Func<string, Person?> people) => Trigger(@case, step) switch
    {
        CaseTrigger.Sos or CaseTrigger.Duress => subject,
        CaseTrigger.MissingReport or CaseTrigger.Drill when step.Kind == CaseEntryKind.Opened && @case.ReportedBy is { } by => Party(people(by)),
        _ => Bot,
    };

    // "trigger=…; last_checkin=…; deadline=…; grace_end=…; detail=…", times in the entry's `at` form.
    private static string Alarm(Case @case, CaseEntry step)
    {
        var detail = step.Detail is { } d && d.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? d[(colon + 2)..] : step.Detail;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"trigger={TriggerWord(Trigger(@case, step))}; last_checkin={Time(@case.LastCheckinAt)}; deadline={Time(@case.MissedDeadline)}; grace_end={Time(@case.GraceEnd)}");
        return string.IsNullOrEmpty(detail) ? text : text + "; detail=" + AtForm(detail);
    }

    // Details carry instants in .NET's round-trip form ("2026-11-02T11:00:00.0000000+00:00"); the log writes the `at` form.
    private static string AtForm(string detail) => RoundTripInstant().Replace(
        detail,
        m => DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? CaseLogEntry.FormatAt(at) : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial System.Text.RegularExpressions.Regex RoundTripInstant();

    private static CaseTrigger Trigger(Case @case, CaseEntry step) =>
        step.Kind == CaseEntryKind.Joined && step.Detail is { } d && d.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            && Enum.TryParse<CaseTrigger>(d[..colon], out var joined)
            ? joined
            : @case.Trigger;

    private static string TriggerWord(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.MissedCheckin => "missed_checkin",
        CaseTrigger.Sos => "sos",
        CaseTrigger.MissingReport => "missing_report",
        CaseTrigger.SubjectUnreachable => "subject_unreachable",
        CaseTrigger.Drill => "drill",
        CaseTrigger.Duress => "duress",
        _ => trigger.ToString(),
    };

    private static string Time(DateTimeOffset? at) => at is { } t ? CaseLogEntry.FormatAt(t) : "none";

    // Steps logged before message ids had their own field carry them as "telegram message 123".
    private static long? DeliveredId(string? detail) =>
        detail is not null && detail.StartsWith("telegram message ", StringComparison.Ordinal)
        && long.TryParse(detail.AsSpan("telegram message ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
