using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// Tells a subject's coordinators (level 1) at once of a change the subject made to their schedule, zone or pause: a phone in
/// other hands must not stretch the silence unnoticed. Backup coordinators and lawyers are not told: they come in when an
/// alarm widens, and a change is not an alarm.
/// </summary>
public static class ChangeNotice
{
    /// <summary>Queues <paramref name="id"/> (its first argument the subject's name, then <paramref name="args"/>) to each of the subject's coordinators.</summary>
    public static void Send(DataSession db, Person subject, DateTimeOffset now, TextId id, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(args);
        foreach (var coordinator in CaseAlerts.LevelOne(db, subject))
        {
            Notify.Send(db, coordinator, MessagePriority.Reply, now, id, [subject.Name, .. args]);
        }
    }
}
