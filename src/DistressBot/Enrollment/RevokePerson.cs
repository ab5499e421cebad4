using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>What revoking a person came to.</summary>
public enum RevokeOutcome
{
    /// <summary>Removed, with everything in <see cref="RevokeResult"/>.</summary>
    Revoked,

    /// <summary>Nobody of that name (or alias, among that coordinator's subjects).</summary>
    NotFound,

    /// <summary>Several people answer to the name: a subject's coordinator must narrow it (see <see cref="RevokeResult.Count"/>).</summary>
    Ambiguous,

    /// <summary>A subject with a case still open: their record is what lets their chain reach it, so nothing changed.</summary>
    SubjectHasOpenCase,
}

/// <summary>The outcome of <see cref="RevokePerson.Run"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Person">The person named (removed when <see cref="RevokeOutcome.Revoked"/>).</param>
/// <param name="Count">For <see cref="RevokeOutcome.Ambiguous"/>: how many people answer to the name.</param>
/// <param name="InvitesCancelled">Pending invites they had made, cancelled.</param>
/// <param name="MessagesDropped">Their own queued messages, dropped unsent.</param>
/// <param name="CasesLogged">Open cases of their subjects whose log now says they were removed.</param>
/// <param name="CasesReopened">Of those, the cases they had taken: open again for the rest of the chain.</param>
/// <param name="SubjectsLeftUncoordinated">Aliases of subjects left with no primary coordinator.</param>
/// <param name="OpenCases">For <see cref="RevokeOutcome.SubjectHasOpenCase"/>: the open cases.</param>
public sealed record RevokeResult(
    RevokeOutcome Outcome,
    Person? Person = null,
    int Count = 0,
    int InvitesCancelled = 0,
    int MessagesDropped = 0,
    IReadOnlyList<string>? CasesLogged = null,
    IReadOnlyList<string>? CasesReopened = null,
    IReadOnlyList<string>? SubjectsLeftUncoordinated = null,
    IReadOnlyList<string>? OpenCases = null);

/// <summary>
/// The admin removes a person at once (`distressbot revoke NAME`), in one unit of work: the record goes (they are a stranger
/// to the bot from the next message on), pending invites they made are cancelled, their own queued messages are dropped and
/// they are told nothing (their phone may be why they are revoked); everyone else's record forgets them. For a coordinator
/// or lawyer, each open case of their subjects gets a <c>revoked</c> entry, a case they had taken is open again (the
/// escalation step alerts the rest of the chain as for any open case), and the rest of each subject's chain is told. A
/// subject is removed only with no case open (their record ties an open case to its chain); their chain is told, their
/// check-in timers stop with the record, and the subject's chat is told nothing.
/// </summary>
public static class RevokePerson
{
    /// <summary>Revokes the person called <paramref name="name"/> (a subject among <paramref name="ofCoordinator"/>'s subjects when given) at <paramref name="now"/>.</summary>
    public static RevokeResult Run(DataSession db, string name, string? ofCoordinator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        var people = db.People.All().ToList();
        List<Person> named;
        if (ofCoordinator is not null)
        {
            var lookup = PeopleByName.Subject(db, name, ofCoordinator);
            named = lookup.Subject is { } found ? [found] : [];
            if (lookup.Outcome == SubjectLookupOutcome.Ambiguous)
            {
                return new RevokeResult(RevokeOutcome.Ambiguous, Count: lookup.Count);
            }
        }
        else
        {
            named = [.. people.Where(p => PersonNames.Same(p.Name, name.Trim()))];
        }

        if (named.Count != 1)
        {
            return new RevokeResult(named.Count == 0 ? RevokeOutcome.NotFound : RevokeOutcome.Ambiguous, Count: named.Count);
        }

        var person = named[0];
        return person.Role == Role.Subject ? RevokeSubject(db, person, people, now) : RevokeHelper(db, person, people, now);
    }

    private static RevokeResult RevokeSubject(DataSession db, Person subject, List<Person> people, DateTimeOffset now)
    {
        var open = OpenCasesOf(db, subject).Select(c => c.Id).ToList();
        if (open.Count > 0)
        {
            return new RevokeResult(RevokeOutcome.SubjectHasOpenCase, subject, OpenCases: open);
        }

        foreach (var reader in Chain(db, subject))
        {
            Notify.Send(db, reader, MessagePriority.Reply, now, TextId.RevokedSubject, subject.Name);
        }

        return Remove(db, subject, people, now, [], [], []);
    }

    private static RevokeResult RevokeHelper(DataSession db, Person helper, List<Person> people, DateTimeOffset now)
    {
        var subjects = people.Where(p => p.Role == Role.Subject && (p.CoordinatorIds.Contains(helper.Id) || p.BackupCoordinatorIds.Contains(helper.Id) || p.LawyerIds.Contains(helper.Id))).ToList();
        var logged = new List<string>();
        var reopened = new List<string>();
        var uncoordinated = new List<string>();
        foreach (var subject in subjects)
        {
            subject.CoordinatorIds.RemoveAll(id => id == helper.Id);
            subject.BackupCoordinatorIds.RemoveAll(id => id == helper.Id);
            subject.LawyerIds.RemoveAll(id => id == helper.Id);
            db.People.Save(subject);
            if (subject.CoordinatorIds.Count == 0)
            {
                uncoordinated.Add(subject.Name);
            }

            var texts = new List<MessageText> { new(helper.Role == Role.Lawyer ? TextId.RevokedLawyer : TextId.RevokedCoordinator, helper.Name, subject.Name) };
            foreach (var @case in OpenCasesOf(db, subject))
            {
                // Written while their record still exists, so the entry names them.
                @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.Revoked, PersonId = helper.Id, ByAdmin = true });
                logged.Add(@case.Id);
                if (@case is { Status: CaseStatus.Acknowledged } && @case.AcknowledgedBy == helper.Id)
                {
                    // Nobody is on it any more: open again, so the escalation step alerts the rest of the chain.
                    @case.Status = CaseStatus.Open;
                    @case.AcknowledgedBy = null;
                    @case.AcknowledgedAt = null;
                    @case.ActivityReminderAt = null;
                    reopened.Add(@case.Id);
                    texts.Add(new MessageText(TextId.RevokedTakerCaseOpen, @case.Id, helper.Name));
                }

                db.Cases.Save(@case);
            }

            foreach (var reader in Chain(db, subject))
            {
                Notify.Send(db, reader, texts.Count > 1 ? MessagePriority.Alarm : MessagePriority.Reply, now, texts);
            }
        }

        return Remove(db, helper, people, now, logged, reopened, uncoordinated);
    }

    // The record goes last, after every entry naming them was written; everyone else forgets them.
    private static RevokeResult Remove(DataSession db, Person person, List<Person> people, DateTimeOffset now, List<string> logged, List<string> reopened, List<string> uncoordinated)
    {
        foreach (var other in people.Where(p => p.Id != person.Id && p.Role != Role.Subject))
        {
            if (other.SubjectIds.Remove(person.Id) | other.BackupSubjectIds.Remove(person.Id) | other.DefaultLawyerIds.Remove(person.Id))
            {
                db.People.Save(other);
            }
        }

        var invites = db.Invites.All().Where(i => i.CoordinatorId == person.Id && i.UsedAt is null).Select(i => i.Id).ToList();
        foreach (var id in invites)
        {
            db.Invites.Delete(id);
        }

        var dropped = db.Outbox.All().Where(m => m.PersonId == person.Id).Select(m => m.Id).ToList();
        foreach (var id in dropped)
        {
            db.Outbox.Remove(id);
        }

        // Their latest reminder is no longer held for an answer that cannot come: it goes with the rest of the bot's messages.
        if (db.Deletions.HeldFor(person.Id) is { } held)
        {
            db.Deletions.Release(held, now);
        }

        db.People.Delete(person.Id);
        return new RevokeResult(RevokeOutcome.Revoked, person, 0, invites.Count, dropped.Count, logged, reopened, uncoordinated);
    }

    // Everyone who may act on the subject's cases, each once.
    private static IEnumerable<Person> Chain(DataSession db, Person subject) =>
        subject.CoordinatorIds.Concat(subject.BackupCoordinatorIds).Concat(subject.LawyerIds).Distinct().Select(db.People.Find).OfType<Person>();

    private static IEnumerable<Case> OpenCasesOf(DataSession db, Person subject) =>
        new[] { subject.Checkin?.OpenCaseId, subject.Checkin?.OpenDrillCaseId }.OfType<string>().Distinct()
            .Select(id => db.Cases.Find(id)).OfType<Case>().Where(c => c.Status != CaseStatus.Resolved && c.SubjectId == subject.Id);
}
