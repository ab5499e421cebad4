using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>
/// A coordinator or lawyer on the subject's case acknowledges it ("I take it", /ack) at <c>now</c>: the first press wins, the
/// reminders to acknowledge stop, and every delivered copy is queued an edit naming the taker. A second press, a press on a
/// resolved case, or a case the actor may not act on (see <see cref="CaseAccess"/>) changes nothing and queues nothing.
/// </summary>
public static class TakeCase
{
    /// <summary>Acknowledges case <paramref name="caseId"/> (as typed or pressed) for <paramref name="actor"/>.</summary>
    public static CaseActionResult Run(DataSession db, Person actor, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        if (CaseAccess.Enter(db, actor, caseId, now) is not { Case: var @case })
        {
            return CaseActionResult.NotFound;
        }

        switch (@case.Status)
        {
            case CaseStatus.Resolved:
                return new CaseActionResult(CaseActionOutcome.Closed, @case);
            case CaseStatus.Acknowledged when @case.AcknowledgedBy == actor.Id:
                return new CaseActionResult(CaseActionOutcome.AlreadyYours, @case);
            case CaseStatus.Acknowledged:
                return new CaseActionResult(CaseActionOutcome.TakenByOther, @case, @case.AcknowledgedBy is null ? null : db.People.Find(@case.AcknowledgedBy));
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
        db.Cases.Save(@case);
        return new CaseActionResult(CaseActionOutcome.Acknowledged, @case);
    }
}
