using DistressBot.Domain;

namespace DistressBot.Enrollment;

/// <summary>What looking a subject up by alias found.</summary>
public enum SubjectLookupOutcome
{
    /// <summary>Exactly one subject.</summary>
    Found,

    /// <summary>No coordinator has the name given to narrow the search.</summary>
    NoSuchCoordinator,

    /// <summary>No subject of that alias (among that coordinator's subjects, when one was named).</summary>
    NoSuchSubject,

    /// <summary>Several subjects share the alias: a coordinator's name must narrow it (see <see cref="SubjectLookup.Count"/>).</summary>
    Ambiguous,
}

/// <summary>The result of looking a subject up by alias.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Subject">The subject, for <see cref="SubjectLookupOutcome.Found"/>.</param>
/// <param name="Count">For <see cref="SubjectLookupOutcome.Ambiguous"/>: how many subjects share the alias.</param>
public sealed record SubjectLookup(SubjectLookupOutcome Outcome, Person? Subject = null, int Count = 0);

/// <summary>
/// How the admin names people: a coordinator or a lawyer by name (unique in their role, as invites keep them), a subject by alias,
/// narrowed by one of their primary coordinators' names when several subjects share it. Names compare as they are stored
/// (<see cref="PersonNames.Same"/>).
/// </summary>
public static class PeopleByName
{
    /// <summary>The person of <paramref name="role"/> called <paramref name="name"/>, or null.</summary>
    public static Person? Find(DataSession db, Role role, string name)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        return db.People.All().SingleOrDefault(p => p.Role == role && PersonNames.Same(p.Name, name));
    }

    /// <summary>The subject called <paramref name="alias"/>, among the subjects of the coordinator called <paramref name="ofCoordinator"/> when given.</summary>
    public static SubjectLookup Subject(DataSession db, string alias, string? ofCoordinator)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(alias);
        var people = db.People.All().ToList();
        var coordinator = ofCoordinator is null ? null : people.SingleOrDefault(p => p.Role == Role.Coordinator && PersonNames.Same(p.Name, ofCoordinator));
        if (ofCoordinator is not null && coordinator is null)
        {
            return new SubjectLookup(SubjectLookupOutcome.NoSuchCoordinator);
        }

        var subjects = people.Where(p => p.Role == Role.Subject && PersonNames.Same(p.Name, alias)
            && (coordinator is null || p.CoordinatorIds.Contains(coordinator.Id))).ToList();
        return subjects.Count switch
        {
            0 => new SubjectLookup(SubjectLookupOutcome.NoSuchSubject),
            > 1 => new SubjectLookup(SubjectLookupOutcome.Ambiguous, Count: subjects.Count),
            _ => new SubjectLookup(SubjectLookupOutcome.Found, subjects[0]),
        };
    }
}
