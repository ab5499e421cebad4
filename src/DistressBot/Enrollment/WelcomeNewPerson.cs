using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>
/// After a code was redeemed at <c>now</c>: the new person is greeted for their role and told which zone their times are in
/// (only Russian readers start in the configured zone, others in UTC); a new subject's coordinators are told they joined.
/// Nobody else is told (backup coordinators, lawyers, other subjects). Returns the coordinators told.
/// </summary>
public static class WelcomeNewPerson
{
    /// <summary>Queues the greeting to <paramref name="person"/> and, for a subject, the news to their coordinators.</summary>
    public static IReadOnlyList<Person> Run(DataSession db, Person person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var welcome = person.Role switch
        {
            Role.Subject => TextCatalogue.Format(person.Language, TextId.EnrolledSubject),
            Role.Coordinator => TextCatalogue.Format(person.Language, TextId.EnrolledCoordinator, person.Name),
            _ => TextCatalogue.Format(person.Language, TextId.EnrolledLawyer, person.Name),
        };
        var zone = TextCatalogue.Format(person.Language, TextId.TimezoneWelcome, person.TimeZone, LocalTime.FormatClock(now, person.TimeZone));
        Notify.Text(db, person, MessagePriority.Reply, now, welcome + "\n\n" + zone);
        if (person.Role != Role.Subject)
        {
            return [];
        }

        List<Person> coordinators = [.. person.CoordinatorIds.Select(db.Person).OfType<Person>()];
        foreach (var coordinator in coordinators)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.SubjectJoined, person.Name);
        }

        return coordinators;
    }
}
