using DistressBot.Domain;

namespace DistressBot.Enrollment;

/// <summary>Where a coordinator stands in a subject's chain.</summary>
public enum CoordinatorLevel
{
    /// <summary>A primary coordinator: told at level 1, may manage the subject (/plan, /drill, /missing) and invite.</summary>
    Primary,

    /// <summary>A backup coordinator: told at level 2.</summary>
    Backup,
}

/// <summary>
/// The admin adds a coordinator to a subject's chain, as another primary coordinator or as a backup (distressbot assign
/// coordinator|backup). The coordinator is named as enrolled; the subject by alias, narrowed by the name of one of their primary
/// coordinators when several share it. Assigning twice changes nothing. Nobody is told: the coordinator hears of the subject with
/// its first alert, the subject never learns who is in their chain.
/// </summary>
public static class AssignCoordinator
{
    /// <summary>Adds the coordinator called <paramref name="coordinatorName"/> at <paramref name="level"/> to the subject called <paramref name="alias"/> (of the coordinator called <paramref name="ofCoordinator"/>, when given).</summary>
    public static AssignResult Run(DataSession db, CoordinatorLevel level, string coordinatorName, string alias, string? ofCoordinator) =>
        AssignResult.Run(db, Role.Coordinator, coordinatorName, alias, ofCoordinator, (subject, coordinator) => ToSubject(db, subject, coordinator, level));

    /// <summary>Adds <paramref name="coordinator"/> at <paramref name="level"/> to <paramref name="subject"/>; false when they already were.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="coordinator"/> not a coordinator.</exception>
    public static bool ToSubject(DataSession db, Person subject, Person coordinator, CoordinatorLevel level)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(coordinator);
        return level == CoordinatorLevel.Primary
            ? EnrollmentService.Link(db, subject, coordinator, Role.Coordinator, subject.CoordinatorIds, coordinator.SubjectIds)
            : EnrollmentService.Link(db, subject, coordinator, Role.Coordinator, subject.BackupCoordinatorIds, coordinator.BackupSubjectIds);
    }
}
