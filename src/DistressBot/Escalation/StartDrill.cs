using DistressBot.Domain;

namespace DistressBot.Escalation;

/// <summary>What became of a /drill.</summary>
public enum DrillOutcome
{
    /// <summary>No alias was given: nothing changed.</summary>
    Usage,

    /// <summary>The coordinator has no subject of that alias: nothing changed, nothing revealed.</summary>
    SubjectNotFound,

    /// <summary>A drill case was opened and level 1 alerted.</summary>
    Started,

    /// <summary>The subject's last drill is still open: nothing changed.</summary>
    AlreadyRunning,
}

/// <summary>The result of a /drill.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Subject">The subject (for <see cref="DrillOutcome.Started"/> and <see cref="DrillOutcome.AlreadyRunning"/>).</param>
/// <param name="Case">The drill case opened (for <see cref="DrillOutcome.Started"/>).</param>
public sealed record DrillResult(DrillOutcome Outcome, Person? Subject = null, Case? Case = null);

/// <summary>
/// A coordinator in a subject's chain rehearses an alarm at <c>now</c>: a drill case of its own (never joined with real alarms)
/// runs through the chain like a missed check-in, marked as a drill. The subject is never told; one drill at a time per subject.
/// </summary>
public static class StartDrill
{
    /// <summary>/drill <paramref name="alias"/> by <paramref name="coordinator"/> at <paramref name="now"/>.</summary>
    public static DrillResult Run(DataSession db, Person coordinator, string alias, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(alias);
        if (alias.Trim().Length == 0)
        {
            return new DrillResult(DrillOutcome.Usage);
        }

        if (CaseAccess.SubjectByAlias(db, coordinator, alias) is not { } subject || !CaseAccess.MayManage(coordinator, subject))
        {
            return new DrillResult(DrillOutcome.SubjectNotFound);
        }

        return Alarms.Drill(db, subject, coordinator, now) is { } drill
            ? new DrillResult(DrillOutcome.Started, subject, drill)
            : new DrillResult(DrillOutcome.AlreadyRunning, subject);
    }
}
