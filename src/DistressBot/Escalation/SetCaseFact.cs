using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>
/// A coordinator or lawyer on the case sets a fact for the draft filings (/fact C-0042 key value) at <c>now</c>: the value
/// (trimmed, cut to <see cref="DraftFacts.MaxValueLength"/>) replaces the key's old one on the case, sealed with it, and the step
/// "key: value" goes into the timeline like a note, counting as activity. Nobody is told; the subject never sees it.
/// </summary>
public static class SetCaseFact
{
    /// <summary>Sets <paramref name="key"/> (as typed) to <paramref name="value"/> on case <paramref name="caseId"/> (as typed) for <paramref name="actor"/>.</summary>
    /// <returns><see cref="CaseActionOutcome.NotFound"/> when the actor is not on the case (the attempt is logged, see <see cref="CaseAccess.Enter"/>); <see cref="CaseActionOutcome.FactUsage"/> for a key not in <see cref="DraftFacts.Keys"/> or an empty value; else <see cref="CaseActionOutcome.FactSet"/>.</returns>
    public static CaseActionResult Run(DataSession db, Person actor, string caseId, string key, string value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (CaseAccess.Enter(db, actor, caseId, now) is not { Case: var @case })
        {
            return CaseActionResult.NotFound;
        }

        if (DraftFacts.Find(key) is not { } known || string.IsNullOrWhiteSpace(value))
        {
            return new CaseActionResult(CaseActionOutcome.FactUsage, @case);
        }

        var kept = TextCut.End(value.Trim(), DraftFacts.MaxValueLength);
        @case.Facts[known] = kept;
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Fact, PersonId = actor.Id, Detail = known + ": " + kept });
        @case.LastActivityAt = now;
        @case.ActivityReminderAt = null;
        db.Cases.Save(@case);
        return new CaseActionResult(CaseActionOutcome.FactSet, @case);
    }
}
