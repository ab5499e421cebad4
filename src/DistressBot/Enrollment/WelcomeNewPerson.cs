using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>
/// After a code was redeemed at <c>now</c>: the new person is greeted for their role and told which zone their times are in
/// (only Russian readers start in the configured zone, others in UTC); a new subject is asked first to set their PINs (/pin),
/// and their coordinators are told they joined.
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
            Role.Subject => new MessageText(TextId.EnrolledSubject),
            Role.Coordinator => new MessageText(TextId.EnrolledCoordinator, person.Name),
            _ => new MessageText(TextId.EnrolledLawyer, person.Name),
        };
        var zone = new MessageText(TextId.TimezoneWelcome, person.TimeZone, MessageArg.Clock(now));
        MessageText[] parts = person.Role == Role.Subject ? [welcome, new MessageText(TextId.PinFirst), zone] : [welcome, zone];
        Notify.Send(db, person, MessagePriority.Reply, now, parts, "\n\n");
        if (person.Role != Role.Subject)
        {
            return [];
        }

        List<Person> coordinators = [.. person.CoordinatorIds.Select(db.People.Find).OfType<Person>()];
        foreach (var coordinator in coordinators)
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, TextId.SubjectJoined, person.Name);
        }

        return coordinators;
    }
}
