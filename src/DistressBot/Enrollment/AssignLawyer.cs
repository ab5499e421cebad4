using DistressBot.Domain;

namespace DistressBot.Enrollment;

/// <summary>What assigning a lawyer to a coordinator's subjects changed.</summary>
/// <param name="SubjectsAdded">How many of the coordinator's subjects did not have the lawyer before.</param>
/// <param name="BecameDefault">False when the lawyer already was the coordinator's default lawyer.</param>
public sealed record LawyerAssignment(int SubjectsAdded, bool BecameDefault);

/// <summary>The result of making a lawyer a coordinator's default lawyer by name.</summary>
/// <param name="Outcome"><see cref="AssignOutcome.Added"/> when the lawyer became the default, <see cref="AssignOutcome.AlreadyAssigned"/> when they already were; or why nothing changed.</param>
/// <param name="Lawyer">The lawyer, once found.</param>
/// <param name="Coordinator">The coordinator, once found.</param>
/// <param name="SubjectsAdded">How many of the coordinator's subjects did not have the lawyer before.</param>
public sealed record DefaultLawyerResult(AssignOutcome Outcome, Person? Lawyer = null, Person? Coordinator = null, int SubjectsAdded = 0);

/// <summary>
/// The admin gives a subject a lawyer (told at level 2 and of every SOS and missing report), or gives a coordinator a default
/// lawyer: every subject the coordinator has now (as primary coordinator) and every subject they enrol later gets that lawyer.
/// Nobody is told; the lawyer hears of a subject with its first alert. Assigning twice changes nothing.
/// </summary>
public static class AssignLawyer
{
    /// <summary>Adds the lawyer called <paramref name="lawyerName"/> to the subject called <paramref name="alias"/> (of the coordinator called <paramref name="ofCoordinator"/>, when given).</summary>
    public static AssignResult Run(DataSession db, string lawyerName, string alias, string? ofCoordinator) =>
        AssignResult.Run(db, Role.Lawyer, lawyerName, alias, ofCoordinator, (subject, lawyer) => ToSubject(db, subject, lawyer));

    /// <summary>Makes the lawyer called <paramref name="lawyerName"/> the default lawyer of the coordinator called <paramref name="coordinatorName"/> (see <see cref="ToCoordinatorsSubjects"/>).</summary>
    public static DefaultLawyerResult RunForCoordinator(DataSession db, string lawyerName, string coordinatorName)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lawyerName);
        ArgumentNullException.ThrowIfNull(coordinatorName);
        if (PeopleByName.Find(db, Role.Lawyer, lawyerName) is not { } lawyer)
        {
            return new DefaultLawyerResult(AssignOutcome.NoSuchHelper);
        }

        if (PeopleByName.Find(db, Role.Coordinator, coordinatorName) is not { } coordinator)
        {
            return new DefaultLawyerResult(AssignOutcome.NoSuchCoordinator, lawyer);
        }

        var assigned = ToCoordinatorsSubjects(db, coordinator, lawyer);
        return new DefaultLawyerResult(assigned.BecameDefault ? AssignOutcome.Added : AssignOutcome.AlreadyAssigned, lawyer, coordinator, assigned.SubjectsAdded);
    }

    /// <summary>Adds <paramref name="lawyer"/> to <paramref name="subject"/>; false when they already were.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="lawyer"/> not a lawyer.</exception>
    public static bool ToSubject(DataSession db, Person subject, Person lawyer) =>
        EnrollmentService.AssignLawyer(db, subject, lawyer);

    /// <summary>Makes <paramref name="lawyer"/> the default lawyer of <paramref name="coordinator"/> and adds them to the coordinator's present subjects.</summary>
    /// <exception cref="ArgumentException"><paramref name="coordinator"/> is not a coordinator, or <paramref name="lawyer"/> not a lawyer.</exception>
    public static LawyerAssignment ToCoordinatorsSubjects(DataSession db, Person coordinator, Person lawyer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(lawyer);
        if (coordinator.Role != Role.Coordinator || lawyer.Role != Role.Lawyer)
        {
            throw new ArgumentException("Only a lawyer can be a coordinator's default lawyer.");
        }

        var added = coordinator.SubjectIds.Select(db.People.Find).OfType<Person>().Count(subject => EnrollmentService.AssignLawyer(db, subject, lawyer));
        if (coordinator.DefaultLawyerIds.Contains(lawyer.Id))
        {
            return new LawyerAssignment(added, BecameDefault: false);
        }

        coordinator.DefaultLawyerIds.Add(lawyer.Id);
        db.People.Save(coordinator);
        return new LawyerAssignment(added, BecameDefault: true);
    }
}
