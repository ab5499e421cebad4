using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// Anybody sets their time zone (/timezone); a subject's owed daily deadline moves to the new zone only when it comes sooner
/// there (during a pause, counted from its end), and a subject's coordinators are told of the change at once. Once a subject
/// has PINs the change needs the PIN (<see cref="ChangeGate"/>); one made with the duress PIN is answered alike but not made.
/// </summary>
public static class SetTimeZone
{
    /// <summary>Sets anybody's time zone (a subject with PINs: the PIN as the last word); a subject's owed daily deadline is recomputed in the new zone.</summary>
    public static void Run(DataSession db, Person person, string argument, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (words, pin) = ChangeGate.Split(person, GuardedChange.TimeZone, argument);
        Run(db, person, words, pin, now, rules);
    }

    /// <summary>Sets the time zone named by <paramref name="words"/> with <paramref name="pin"/> ("" when none given).</summary>
    public static void Run(DataSession db, Person person, string words, string pin, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(words);
        var id = words.Trim();
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

        if (ChangeGate.Pass(db, person, GuardedChange.TimeZone, id, pin, now, rules) is not { } verdict)
        {
            return;
        }

        ChangeGate.Make(person, verdict, () => Change(db, person, zone, now, verdict == PinVerdict.Duress));
    }

    // The change itself, once the input is read and the change may be made; under duress on a copy: nothing saved, nobody told,
    // and the reply's clock written out in the new zone (the person's zone, which words it when sent, stays).
    private static void Change(DataSession db, Person person, TimeZoneInfo zone, DateTimeOffset now, bool duress)
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

        if (duress)
        {
            OwedDeadlines.Reply(db, person, now, TextId.TimezoneSet, zone.Id, LocalTime.Format(now, zone.Id));
            return;
        }

        db.People.Save(person);
        OwedDeadlines.Reply(db, person, now, TextId.TimezoneSet, zone.Id, now);
        if (person.Role == Role.Subject && person.Checkin is not null)
        {
            ChangeNotice.Send(db, person, now, TextId.TimezoneChangedToCoordinators, zone.Id, OwedDeadlines.DeadlineArg(person, now));
        }
    }
}
