using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject sets their schedule (/schedule) at <c>now</c>: a change that would bring the alarm closer takes effect at once; a
/// change sent after the owed deadline has come, or one that would push the alarm away, waits for the check-in that pays
/// that deadline (a phone in other hands must not be able to silence the alarm). Bad input is answered with what was wrong
/// and the usage; nothing changes.
/// </summary>
public static class SetSchedule
{
    /// <summary>Sets a subject's schedule from the words after /schedule and replies.</summary>
    public static void Run(DataSession db, Person subject, string arguments, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var parsed = ScheduleParser.Parse(arguments, rules.Schedules);
        if (!parsed.IsSuccess)
        {
            var (id, arg) = parsed.Error switch
            {
                ScheduleParseError.BadDuration => (TextId.ScheduleBadDuration, (object?)parsed.Token),
                ScheduleParseError.BadTime => (TextId.ScheduleBadTime, parsed.Token),
                ScheduleParseError.TooFrequent => (TextId.ScheduleTooFrequent, rules.Schedules.MinimumInterval),
                ScheduleParseError.GraceTooLong => (TextId.ScheduleGraceTooLong, null),
                ScheduleParseError.TooManyTimes => (TextId.ScheduleTooManyTimes, null),
                _ => (TextId.ScheduleUsage, null),
            };
            OwedDeadlines.Reply(db, subject, now, id, arg is null ? [] : [arg]);
            if (id != TextId.ScheduleUsage)
            {
                OwedDeadlines.Reply(db, subject, now, TextId.ScheduleUsage);
            }

            return;
        }

        var zone = OwedDeadlines.ZoneOf(subject, rules);
        var first = DeadlineCalculator.FirstDeadline(parsed.Schedule, now, zone);
        if (OwedDeadlines.HasCome(state, now) || OwedDeadlines.WouldDelayTheAlarm(state, first, parsed.Schedule.Grace))
        {
            // The deadline that has come is owed until a check-in pays it, and a change may bring the alarm closer but never
            // push it away (a phone in other hands must not be able to silence it): the new schedule starts after that check-in.
            state.NextSchedule = parsed.Schedule;
            db.People.Save(subject);
            OwedDeadlines.Reply(db, subject, now, TextId.ScheduleSetAfterCheckin, parsed.Schedule, OwedDeadlines.DeadlineArg(subject, now), subject.TimeZone);
            return;
        }

        state.Schedule = parsed.Schedule;
        state.NextSchedule = null;
        state.ScheduleSetAt = now;
        state.OwedDeadline = first;
        OwedDeadlines.ResetReminders(state);
        db.People.Save(subject);
        OwedDeadlines.Reply(db, subject, now, TextId.ScheduleSet, parsed.Schedule, OwedDeadlines.DeadlineArg(subject, now), subject.TimeZone);
    }
}
