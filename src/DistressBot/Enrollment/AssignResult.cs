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
    /// <summary>The refusal for a subject lookup that found no single subject, or null when it did.</summary>
    internal static AssignResult? Refusal(SubjectLookup lookup, Person helper) =>
        lookup.Subject is null ? new AssignResult(AssignOutcome.SubjectNotFound, helper, Lookup: lookup) : null;
}
