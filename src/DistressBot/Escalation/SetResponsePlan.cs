using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What became of a /plan step.</summary>
public enum PlanOutcome
{
    /// <summary>No alias was given: nothing changed.</summary>
    Usage,

    /// <summary>The coordinator has no subject of that alias: nothing changed, nothing revealed.</summary>
    SubjectNotFound,

    /// <summary>The coordinator is asked for the plan; their next plain message becomes it.</summary>
    Asked,

    /// <summary>The plan was saved.</summary>
    Saved,

    /// <summary>The waiting plan was dropped: the subject left the coordinator's chain or is gone. Nothing is answered.</summary>
    Dropped,
}

/// <summary>The result of a /plan step.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Subject">The subject whose plan it is (for <see cref="PlanOutcome.Asked"/> and <see cref="PlanOutcome.Saved"/>).</param>
public sealed record PlanResult(PlanOutcome Outcome, Person? Subject = null);

/// <summary>
/// A coordinator in a subject's chain sets the subject's response plan (sent with every alert): /plan Alias with a text saves it
/// (cut to <see cref="MaxPlanLength"/>); a bare /plan Alias waits, and the coordinator's next plain message is the plan. Nobody
/// else is told; the subject never learns of it.
/// </summary>
public static class SetResponsePlan
{
    /// <summary>A response plan is kept up to this many UTF-16 code units, cut on whole characters.</summary>
    public const int MaxPlanLength = 3000;

    /// <summary>/plan <paramref name="alias"/> with <paramref name="text"/> (empty: ask for it) by <paramref name="coordinator"/>.</summary>
    public static PlanResult Run(DataSession db, Person coordinator, string alias, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(text);
        if (alias.Trim().Length == 0)
        {
            return new PlanResult(PlanOutcome.Usage);
        }

        if (CaseAccess.SubjectByAlias(db, coordinator, alias) is not { } subject || !CaseAccess.MayManage(coordinator, subject))
        {
            return new PlanResult(PlanOutcome.SubjectNotFound);
        }

        var plan = text.Trim();
        if (plan.Length > 0)
        {
            return Save(db, subject, plan);
        }

        coordinator.PendingPlanFor = subject.Id;
        db.People.Save(coordinator);
        return new PlanResult(PlanOutcome.Asked, subject);
    }

    /// <summary>True when <paramref name="person"/>'s next plain message is a plan (<see cref="Finish"/>).</summary>
    public static bool IsWaitingFor(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person is { Role: Role.Coordinator, PendingPlanFor: not null };
    }

    /// <summary>The plain message after a bare /plan Alias: it becomes that subject's plan if the coordinator still manages them; the wait ends either way.</summary>
    public static PlanResult Finish(DataSession db, Person coordinator, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(text);
        var subjectId = coordinator.PendingPlanFor;
        coordinator.PendingPlanFor = null;
        db.People.Save(coordinator);
        return subjectId is not null && db.People.Find(subjectId) is { } subject && CaseAccess.MayManage(coordinator, subject)
            ? Save(db, subject, text)
            : new PlanResult(PlanOutcome.Dropped);
    }

    private static PlanResult Save(DataSession db, Person subject, string text)
    {
        subject.ResponsePlan = TextCut.End(text, MaxPlanLength);
        db.People.Save(subject);
        return new PlanResult(PlanOutcome.Saved, subject);
    }
}
