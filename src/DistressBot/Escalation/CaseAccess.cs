using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>The one place that decides who may act on which subject and which case; a refusal never says whether the subject or case exists.</summary>
public static class CaseAccess
{
    /// <summary>True when <paramref name="actor"/> is a coordinator, backup coordinator or lawyer of <paramref name="subject"/>: they may act on the subject's cases.</summary>
    public static bool MayActOnCases(Person actor, Person subject)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subject);
        return actor.Role is Role.Coordinator or Role.Lawyer
            && (subject.CoordinatorIds.Contains(actor.Id) || subject.BackupCoordinatorIds.Contains(actor.Id) || subject.LawyerIds.Contains(actor.Id));
    }

    /// <summary>True when <paramref name="actor"/> is a coordinator in <paramref name="subject"/>'s chain: they may set the plan, start a drill, report them missing.</summary>
    public static bool MayManage(Person actor, Person subject) =>
        actor is { Role: Role.Coordinator } && MayActOnCases(actor, subject);

    /// <summary>The subjects whose cases <paramref name="reader"/> may see and act on (their own, then the ones they back up), each once.</summary>
    public static IReadOnlyList<Person> SubjectsVisibleTo(DataSession db, Person reader)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        return [.. reader.SubjectIds.Concat(reader.BackupSubjectIds).Distinct().Select(db.People.Find).OfType<Person>().Where(s => MayActOnCases(reader, s))];
    }

    /// <summary>The subjects a coordinator looks after, as primary or backup, each once; empty for anyone else.</summary>
    public static IReadOnlyList<Person> SubjectsOf(DataSession db, Person coordinator)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        return coordinator.Role != Role.Coordinator ? [] : SubjectsVisibleTo(db, coordinator);
    }

    /// <summary>The coordinator's subject whose alias is <paramref name="alias"/> (compared as aliases are stored: NFC, folded spaces, any case), or null.</summary>
    public static Person? SubjectByAlias(DataSession db, Person coordinator, string alias) =>
        SubjectsOf(db, coordinator).FirstOrDefault(s => PersonNames.Same(s.Name, alias.Trim()));

    /// <summary>The case <paramref name="caseId"/> (a <see cref="CaseNumber"/> in any case of letters) and its subject if <paramref name="actor"/> may act on it; otherwise null, and the caller says "no such case" (nothing revealed).</summary>
    public static (Case Case, Person Subject)? FindCase(DataSession db, Person actor, string caseId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        var id = caseId.Trim().ToUpperInvariant();
        if (!CaseNumber.IsValid(id))
        {
            return null;
        }

        Case? @case;
        try
        {
            @case = db.Cases.Find(id);
        }
        catch (Crypto.RecordIntegrityException)
        {
            return null; // a purged or damaged case is as good as none to a person in Telegram
        }

        var subject = @case is null ? null : db.People.Find(@case.SubjectId);
        return @case is not null && subject is not null && MayActOnCases(actor, subject) ? (@case, subject) : null;
    }

    /// <summary>A person's refused attempts on one case are logged at most once in this time.</summary>
    public static readonly TimeSpan RefusalLoggedEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// As <see cref="FindCase"/>, for a person asking to read or act on the case at <paramref name="now"/>: when the case
    /// exists but <paramref name="actor"/> is not on it, the refused attempt is written into the case's log, once per
    /// person an hour (<see cref="RefusalLoggedEvery"/>) (the caller
    /// still answers "no such case", so the person learns nothing).
    /// </summary>
    public static (Case Case, Person Subject)? Enter(DataSession db, Person actor, string caseId, DateTimeOffset now)
    {
        if (FindCase(db, actor, caseId) is { } found)
        {
            return found;
        }

        Refuse(db, actor, caseId, now);
        return null;
    }

    /// <summary>
    /// As <see cref="Enter"/>, for a file sent as evidence: a coordinator or lawyer on the case, or the case's own subject
    /// while it is open and not a duress case (a duress PIN says the phone is not theirs: whoever holds it must not learn that a
    /// case is open). Otherwise null, logged as <see cref="Enter"/> logs it; the caller answers exactly as for a missing case.
    /// </summary>
    public static (Case Case, Person Subject)? EnterForEvidence(DataSession db, Person actor, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(caseId);
        if (actor.Role != Role.Subject)
        {
            return Enter(db, actor, caseId, now);
        }

        var id = caseId.Trim().ToUpperInvariant();
        Case? @case = null;
        try
        {
            @case = CaseNumber.IsValid(id) ? db.Cases.Find(id) : null;
        }
        catch (Crypto.RecordIntegrityException)
        {
            // A purged or damaged case is as good as none.
        }

        if (@case is { Status: CaseStatus.Open, IsDuress: false } && @case.SubjectId == actor.Id)
        {
            return (@case, actor);
        }

        Refuse(db, actor, caseId, now);
        return null;
    }

    // Writes a refused attempt on an existing case into its log, at most once per person and case an hour.
    private static void Refuse(DataSession db, Person actor, string caseId, DateTimeOffset now)
    {
        var id = caseId.Trim().ToUpperInvariant();
        Case? refused = null;
        try
        {
            refused = CaseNumber.IsValid(id) ? db.Cases.Find(id) : null;
        }
        catch (Crypto.RecordIntegrityException)
        {
            // A purged or damaged case keeps no log to write into.
        }

        // One refused attempt per person and case an hour is enough evidence; more would let anyone enrolled fill the log.
        if (refused is not null && !refused.Timeline.Exists(e => e.Kind == CaseEntryKind.AccessRefused && e.PersonId == actor.Id && e.At > now - RefusalLoggedEvery))
        {
            refused.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.AccessRefused, PersonId = actor.Id });
            db.Cases.Save(refused);
        }
    }
}
