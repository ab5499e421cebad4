using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// Anybody sets their time zone (/timezone); a subject's owed daily deadline moves to the new zone only when it comes sooner
/// there (during a pause, counted from its end), and a subject's coordinators are told of the change at once.
/// </summary>
public static class SetTimeZone
{
    /// <summary>Sets anybody's time zone; a subject's owed daily deadline is recomputed in the new zone.</summary>
    public static void Run(DataSession db, Person person, string argument, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id = argument.Trim();
        if (id.Length == 0)
        {
            OwedDeadlines.Reply(db, person, now, TextId.TimezoneUsage, person.TimeZone);
            return;
        }

        if (!TimeZones.TryFind(id, out var zone))
        {
            OwedDeadlines.Reply(db, person, now, TextId.TimezoneUnknown, TextCut.End(id, 64));
            return;
        }

        Change(db, person, zone, now);
    }

    // The change itself, once the input is read and the change may be made.
    private static void Change(DataSession db, Person person, TimeZoneInfo zone, DateTimeOffset now)
    {
        person.TimeZone = zone.Id;
        if (person.Checkin is { Schedule: { Kind: ScheduleKind.Daily } schedule } state && !OwedDeadlines.HasCome(state, now)
            && DeadlineCalculator.FirstDeadline(schedule, CheckinPause.RunsFrom(state, now), zone) is var inNewZone
            && !OwedDeadlines.WouldDelayTheAlarm(state, inNewZone, schedule.Grace))
        {
            // Only a deadline that comes sooner in the new zone is taken at once; one that has come, or would come later,
            // stays owed, and the deadline after the next check-in follows the new zone.
            state.OwedDeadline = inNewZone;
            state.LeadReminderSent = false;
            state.DeadlineReminderSent = false;
        }

        db.People.Save(person);
        OwedDeadlines.Reply(db, person, now, TextId.TimezoneSet, zone.Id, now);
        if (person.Role == Role.Subject && person.Checkin is not null)
        {
            ChangeNotice.Send(db, person, now, TextId.TimezoneChangedToCoordinators, zone.Id, OwedDeadlines.DeadlineArg(person, now));
        }
    }
}
