using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>
/// A coordinator or lawyer on the subject's case adds a note (/note) at <c>now</c>, open or resolved case alike; it goes into the
/// timeline (cut to <see cref="MaxNoteLength"/>) and counts as activity, so a quiet acknowledged case is not reminded. Nobody is
/// told. An empty note, or a case the actor may not act on (see <see cref="CaseAccess"/>), changes nothing.
/// </summary>
public static class AddCaseNote
{
    /// <summary>A note is kept up to this many UTF-16 code units, cut on whole characters.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Adds <paramref name="text"/> to case <paramref name="caseId"/> (as typed) for <paramref name="actor"/>.</summary>
    public static CaseActionResult Run(DataSession db, Person actor, string caseId, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(text);
        if (CaseAccess.Enter(db, actor, caseId, now) is not { Case: var @case })
        {
            return CaseActionResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new CaseActionResult(CaseActionOutcome.NoteMissing, @case);
        }

        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Note, PersonId = actor.Id, Detail = Cut(text) });
        @case.LastActivityAt = now;
        @case.ActivityReminderAt = null;
        db.Cases.Save(@case);
        return new CaseActionResult(CaseActionOutcome.Noted, @case);
    }

    /// <summary><paramref name="text"/> trimmed and cut to <see cref="MaxNoteLength"/> on whole characters, as notes are kept.</summary>
    internal static string Cut(string text) => TextCut.End(text.Trim(), MaxNoteLength);
}
