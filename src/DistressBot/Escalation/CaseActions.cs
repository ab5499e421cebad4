using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What a coordinator or lawyer does to a case: acknowledge, add a note, resolve. Each returns the line the actor is answered with.</summary>
public static class CaseActions
{
    /// <summary>A note is kept up to this many UTF-16 code units, cut on whole characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Takes responsibility for the case; the first press wins and every copy is edited to say who.</summary>
    public static string Acknowledge(DataSession db, Person actor, Case @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(@case);
        var language = actor.Language;
        switch (@case.Status)
        {
            case CaseStatus.Resolved:
                return TextCatalogue.Format(language, TextId.CaseAlreadyResolved, @case.Id);
            case CaseStatus.Acknowledged when @case.AcknowledgedBy == actor.Id:
                return TextCatalogue.Format(language, TextId.CaseAcknowledgedByYou, @case.Id);
            case CaseStatus.Acknowledged:
                var taker = @case.AcknowledgedBy is null ? null : db.Person(@case.AcknowledgedBy);
                return TextCatalogue.Format(language, TextId.CaseAlreadyAcknowledged, @case.Id, taker?.Name ?? "?", LocalTime.FormatClock(@case.AcknowledgedAt!.Value, actor.TimeZone));
        }

        @case.Status = CaseStatus.Acknowledged;
        @case.AcknowledgedBy = actor.Id;
        @case.AcknowledgedAt = now;
        @case.FirstAcknowledgedAt ??= now;
        @case.LastActivityAt = now;
        @case.ActivityReminderAt = null;
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Acknowledged, PersonId = actor.Id });
        db.Record(new CaseAcknowledged(@case.Id, actor.Role, now - @case.OpenedAt));
        CaseAlerts.UpdateCopies(db, @case, now);
        db.Save(@case);
        return TextCatalogue.Format(language, TextId.CaseAcknowledgedByYou, @case.Id);
    }

    /// <summary>Adds a note; it counts as activity, so an acknowledged case is not escalated again.</summary>
    public static string Note(DataSession db, Person actor, Case @case, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(@case);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextCatalogue.Format(actor.Language, TextId.NoteUsage);
        }

        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Note, PersonId = actor.Id, Detail = Trim(text) });
        @case.LastActivityAt = now;
        @case.ActivityReminderAt = null;
        db.Save(@case);
        return TextCatalogue.Format(actor.Language, TextId.NoteAdded, @case.Id);
    }

    /// <summary>Closes the case with an outcome ("other" needs a note); the subject is free for a new case and <paramref name="watchAgain"/> (the check-in feature's <c>CheckinService.ResumeAfterResolution</c>) runs their schedule again from <paramref name="now"/>.</summary>
    public static string Resolve(DataSession db, Person actor, Case @case, CaseOutcome outcome, string note, DateTimeOffset now, Action<Person, DateTimeOffset> watchAgain)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(watchAgain);
        if (@case.Status == CaseStatus.Resolved)
        {
            return TextCatalogue.Format(actor.Language, TextId.CaseAlreadyResolved, @case.Id);
        }

        if (outcome == CaseOutcome.Other && string.IsNullOrWhiteSpace(note))
        {
            return TextCatalogue.Format(actor.Language, TextId.ResolveOtherNeedsNote, @case.Id);
        }

        @case.Status = CaseStatus.Resolved;
        @case.ResolvedBy = actor.Id;
        @case.ResolvedAt = now;
        @case.Outcome = outcome;
        @case.FirstAcknowledgedAt ??= now;
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Resolved, PersonId = actor.Id, Detail = outcome + (string.IsNullOrWhiteSpace(note) ? "" : ": " + Trim(note)) });
        db.Record(new CaseResolved(@case.Id, outcome, actor.Role, now - @case.OpenedAt));
        if (db.Person(@case.SubjectId) is { Checkin: { } state } subject)
        {
            if (state.OpenCaseId == @case.Id)
            {
                state.OpenCaseId = null;

                // A closed case must not leave the person unwatched: a miss it covered is settled by the resolution, and
                // the schedule runs again from now (otherwise no alarm would come until they happened to check in). The deadline
                // math is the check-in feature's, handed in: Escalation comes after Checkins and does not call it.
                watchAgain(subject, now);
            }

            if (state.OpenDrillCaseId == @case.Id)
            {
                state.OpenDrillCaseId = null;
            }

            db.Save(subject);
        }

        CaseAlerts.UpdateCopies(db, @case, now);
        db.Save(@case);
        return TextCatalogue.Format(actor.Language, TextId.CaseResolvedByYou, @case.Id, CaseAlerts.OutcomeWord(outcome, actor.Language));
    }

    /// <summary>Parses an outcome word (English or Russian).</summary>
    public static bool TryParseOutcome(string word, out CaseOutcome outcome)
    {
        switch (word.Trim().ToUpperInvariant())
        {
            case "SAFE" or "БЕЗОПАСНО" or "ЛОЖНАЯ":
                outcome = CaseOutcome.Safe;
                return true;
            case "DETAINED" or "ЗАДЕРЖАН" or "ЗАДЕРЖАНА":
                outcome = CaseOutcome.Detained;
                return true;
            case "MISSING" or "ПРОПАЛ" or "ПРОПАЛА":
                outcome = CaseOutcome.Missing;
                return true;
            case "HOSPITALISED" or "HOSPITALIZED" or "БОЛЬНИЦА":
                outcome = CaseOutcome.Hospitalised;
                return true;
            case "OTHER" or "ДРУГОЕ":
                outcome = CaseOutcome.Other;
                return true;
            default:
                outcome = default;
                return false;
        }
    }

    private static string Trim(string text) => TextCut.End(text.Trim(), MaxNoteLength);
}
