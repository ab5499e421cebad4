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

    /// <summary>The case's whole timeline as text (the evidence-grade export is a separate feature).</summary>
    public static string Timeline(DataSession db, Case @case, Person subject, Person reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(reader);
        var text = new StringBuilder(Summary(db, @case, subject, reader, now));
        foreach (var entry in @case.Timeline)
        {
            var who = entry.PersonId is null ? "" : " — " + (db.Person(entry.PersonId)?.Name ?? entry.PersonId);
            text.Append('\n').Append(LocalTime.Format(entry.At, reader.TimeZone)).Append(' ').Append(StepWord(entry.Kind, reader.Language));
            text.Append(who);
            if (!string.IsNullOrEmpty(entry.Detail))
            {
                text.Append(": ").Append(entry.Detail);
            }
        }

        // Telegram refuses messages over 4096 characters; the newest steps matter most.
        return text.Length <= 4000 ? text.ToString() : "…" + text.ToString()[^3990..];
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
