using DistressBot.Domain;

namespace DistressBot.Enrollment;

/// <summary>What became of the admin's assignment of a coordinator, backup coordinator or lawyer.</summary>
public enum AssignOutcome
{
    /// <summary>The helper was added; nobody is told.</summary>
    Added,

    /// <summary>The helper already had that place: nothing changed.</summary>
    AlreadyAssigned,

    /// <summary>Nobody of the helper's role has that name: nothing changed.</summary>
    NoSuchHelper,

    /// <summary>No coordinator has the name given as the one whose subjects get the lawyer: nothing changed.</summary>
    NoSuchCoordinator,

    /// <summary>No single subject goes by the alias given (why: <see cref="AssignResult.Lookup"/>): nothing changed.</summary>
    SubjectNotFound,
}

/// <summary>The result of an assignment.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Helper">The coordinator or lawyer assigned, once found.</param>
/// <param name="Subject">The subject, once found.</param>
/// <param name="Lookup">How the subject was looked up, once the helper was found.</param>
public sealed record AssignResult(AssignOutcome Outcome, Person? Helper = null, Person? Subject = null, SubjectLookup? Lookup = null)
{
    /// <summary>
    /// The admin's assignment of the <paramref name="role"/> called <paramref name="helperName"/> to the subject called
    /// <paramref name="alias"/> (of the coordinator called <paramref name="ofCoordinator"/>, when given): each person is found by name
    /// first, then <paramref name="link"/> (subject, helper) links them and says whether anything changed.
    /// </summary>
    internal static AssignResult Run(DataSession db, Role role, string helperName, string alias, string? ofCoordinator, Func<Person, Person, bool> link)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(helperName);
        ArgumentNullException.ThrowIfNull(alias);
        if (PeopleByName.Find(db, role, helperName) is not { } helper)
        {
            return new AssignResult(AssignOutcome.NoSuchHelper);
        }

        var lookup = PeopleByName.Subject(db, alias, ofCoordinator);
        if (lookup.Subject is not { } subject)
        {
            return new AssignResult(AssignOutcome.SubjectNotFound, helper, Lookup: lookup);
        }

        return new AssignResult(link(subject, helper) ? AssignOutcome.Added : AssignOutcome.AlreadyAssigned, helper, subject, lookup);
    }
}
