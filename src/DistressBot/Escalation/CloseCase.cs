using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>
/// A coordinator or lawyer on the subject's case resolves it at <c>now</c> with an outcome ("other" needs a note): the subject is
/// free for a new case and watched again from now, and every delivered copy is queued an edit saying so. The "Close" button first
/// asks (<see cref="Ask"/>): only the presser is sent the offered outcomes. A resolved case, or a case the actor may not act on
/// (see <see cref="CaseAccess"/>), changes nothing and queues nothing.
/// </summary>
public static class CloseCase
{
    /// <summary>
    /// Resolves case <paramref name="caseId"/> (as typed or pressed) with <paramref name="outcome"/> and <paramref name="note"/> (may be
    /// empty) for <paramref name="actor"/>; <paramref name="watchAgain"/> restarts the subject's schedule at <c>now</c> when this was
    /// their open case (the check-in feature's rule, passed in so cases never depend on check-ins).
    /// </summary>
    public static CaseActionResult Run(DataSession db, Person actor, string caseId, CaseOutcome outcome, string note, DateTimeOffset now, Action<Person, DateTimeOffset> watchAgain)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(watchAgain);
        if (CaseAccess.Enter(db, actor, caseId, now) is not { Case: var @case })
        {
            return CaseActionResult.NotFound;
        }

        if (@case.Status == CaseStatus.Resolved)
        {
            return new CaseActionResult(CaseActionOutcome.Closed, @case);
        }

        if (outcome == CaseOutcome.Other && string.IsNullOrWhiteSpace(note))
        {
            return new CaseActionResult(CaseActionOutcome.OtherNeedsNote, @case);
        }

        @case.Status = CaseStatus.Resolved;
        @case.ResolvedBy = actor.Id;
        @case.ResolvedAt = now;
        @case.Outcome = outcome;
        @case.FirstAcknowledgedAt ??= now;
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Resolved, PersonId = actor.Id, Detail = outcome + (string.IsNullOrWhiteSpace(note) ? "" : ": " + AddCaseNote.Cut(note)) });
        db.Record(new CaseResolved(@case.Id, outcome, actor.Role, now - @case.OpenedAt));
        if (db.People.Find(@case.SubjectId) is { Checkin: { } state } subject)
        {
            if (state.OpenCaseId == @case.Id)
            {
                state.OpenCaseId = null;

                // A closed case must not leave the person unwatched: a miss it covered is settled by the resolution, and
                // the schedule runs again from now (otherwise no alarm would come until they happened to check in).
                watchAgain(subject, now);
            }

            if (state.OpenDrillCaseId == @case.Id)
            {
                state.OpenDrillCaseId = null;
            }

            db.People.Save(subject);
        }

        CaseAlerts.UpdateCopies(db, @case, now);
        db.Cases.Save(@case);

        // The case's lawyers keep a signed checkpoint of the final log, outside the server (a rehearsal's log is no evidence).
        if (!@case.IsDrill)
        {
            SendCheckpoint.Run(db, @case, SendCheckpoint.Lawyers(db, @case), now, "resolved");
        }

        return new CaseActionResult(CaseActionOutcome.Resolved, @case);
    }

    /// <summary>The "Close" button: queues <paramref name="actor"/> one message with a button per offered outcome (<see cref="ChooseOutcome.Offered"/>).</summary>
    public static CaseActionResult Ask(DataSession db, Person actor, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        if (CaseAccess.Enter(db, actor, caseId, now) is not { } found)
        {
            return CaseActionResult.NotFound;
        }

        if (found.Case.Status == CaseStatus.Resolved)
        {
            return new CaseActionResult(CaseActionOutcome.Closed, found.Case);
        }

        CaseAlerts.Queue(
            db,
            found.Case,
            actor,
            now,
            new MessageText(TextId.ChooseOutcome, found.Case.Id, found.Subject.Name),
            [.. ChooseOutcome.Offered.Select(o => new List<InlineButton> { new(CaseAlerts.OutcomeWord(o, actor.Language), new ChooseOutcome(found.Case.Id, o)) })]);
        return new CaseActionResult(CaseActionOutcome.OutcomesOffered, found.Case);
    }

    /// <summary>Parses an outcome word as typed after /resolve (English or Russian, any case).</summary>
    public static bool TryParseOutcome(string word, out CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(word);
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
}
