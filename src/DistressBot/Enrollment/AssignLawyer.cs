using DistressBot.Domain;
using DistressBot.Enrollment;

namespace DistressBot.Enrollment;

/// <summary>What assigning a lawyer to a coordinator's subjects changed.</summary>
/// <param name="SubjectsAdded">How many of the coordinator's subjects did not have the lawyer before.</param>
/// <param name="BecameDefault">False when the lawyer already was the coordinator's default lawyer.</param>
public sealed record LawyerAssignment(int SubjectsAdded, bool BecameDefault);

/// <summary>
/// The admin gives a subject a lawyer (told at level 2 and of every SOS and missing report), or gives a coordinator a default
/// lawyer: every subject the coordinator has now (as primary coordinator) and every subject they enrol later gets that lawyer.
/// Nobody is told; the lawyer hears of a subject with its first alert. Assigning twice changes nothing.
/// </summary>
public static class AssignLawyer
{
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

        var added = coordinator.SubjectIds.Select(db.Person).OfType<Person>().Count(subject => EnrollmentService.AssignLawyer(db, subject, lawyer));
        if (coordinator.DefaultLawyerIds.Contains(lawyer.Id))
        {
            return new LawyerAssignment(added, BecameDefault: false);
        }

        coordinator.DefaultLawyerIds.Add(lawyer.Id);
        db.Save(coordinator);
        return new LawyerAssignment(added, BecameDefault: true);
    }
}
