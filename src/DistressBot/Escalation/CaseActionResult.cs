using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>What became of a coordinator's or lawyer's action on a case (<see cref="TakeCase"/>, <see cref="AddCaseNote"/>, <see cref="CloseCase"/>).</summary>
public enum CaseActionOutcome
{
    /// <summary>The actor took the case: it is acknowledged by them now.</summary>
    Acknowledged,

    /// <summary>The note was added to the case's timeline.</summary>
    Noted,

    /// <summary>The case is resolved now, with the outcome in <see cref="CaseActionResult.Case"/>.</summary>
    Resolved,

    /// <summary>No such case, or not one the actor may act on: the two read the same (a refusal reveals nothing); nothing changed.</summary>
    NotFound,

    /// <summary>Acknowledging a case the actor had already taken: nothing changed.</summary>
    AlreadyYours,

    /// <summary>Acknowledging a case someone else took first (<see cref="CaseActionResult.Taker"/>): nothing changed.</summary>
    TakenByOther,

    /// <summary>The case is resolved already: nothing changed.</summary>
    Closed,

    /// <summary>A note with no text: nothing changed.</summary>
    NoteMissing,

    /// <summary>Resolving as "other" without a note saying what happened: nothing changed.</summary>
    OtherNeedsNote,

    /// <summary>The actor was sent the outcomes to choose from; the case is unchanged until they choose.</summary>
    OutcomesOffered,

    /// <summary>The fact was kept on the case (<see cref="SetCaseFact"/>).</summary>
    FactSet,

    /// <summary>A fact with a key not in <see cref="DraftFacts.Keys"/>, or without a value: nothing changed.</summary>
    FactUsage,
}

/// <summary>The result of an action on a case.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The case as it stands after the action; null for <see cref="CaseActionOutcome.NotFound"/>.</param>
/// <param name="Taker">For <see cref="CaseActionOutcome.TakenByOther"/>: who acknowledged it, or null when that person is gone.</param>
public sealed record CaseActionResult(CaseActionOutcome Outcome, Case? Case = null, Person? Taker = null)
{
    /// <summary>No such case, or not the actor's.</summary>
    public static CaseActionResult NotFound { get; } = new(CaseActionOutcome.NotFound);
}
