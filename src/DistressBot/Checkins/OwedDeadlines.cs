using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>The rules every check-in use case shares about the deadline a subject owes: when it has come, how it is shown, and how it runs again after a case.</summary>
public static class OwedDeadlines
{
    /// <summary>Whether the subject owes a deadline that has already come (or was missed): only a check-in may settle it.</summary>
    public static bool HasCome(CheckinState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Missed || (state.Schedule is not null && state.OwedDeadline is { } owed && owed <= now);
    }

    /// <summary>
    /// After a coordinator resolved the case that a missed deadline opened: the miss is settled, and the schedule (or one
    /// saved for after the next check-in) runs again from <paramref name="now"/>. Nothing changes for a subject who is not
    /// marked missed (their owed deadline still stands).
    /// </summary>
    public static void ResumeAfterResolution(Person subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Checkin is not { Missed: true, Schedule: { } schedule } state)
        {
            return;
        }

        var zone = TimeZones.TryFind(subject.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        state.Missed = false;
        state.MissedDeadline = null;
        if (state.NextSchedule is { } change)
        {
            schedule = change;
            state.Schedule = change;
            state.NextSchedule = null;
        }

        state.ScheduleSetAt = now;
        state.OwedDeadline = DeadlineCalculator.FirstDeadline(schedule, now, zone);
        ResetReminders(state);
    }

    /// <summary>The person's zone, or the configured default if theirs is no longer known to this machine.</summary>
    public static TimeZoneInfo ZoneOf(Person person, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(rules);
        return TimeZones.TryFind(person.TimeZone, out var zone) || TimeZones.TryFind(rules.DefaultTimeZone, out zone)
            ? zone
            : TimeZoneInfo.Utc;
    }

    // Whether owing `deadline` with `grace` instead of what is owed now would raise the alarm later than it would come now.
    internal static bool WouldDelayTheAlarm(CheckinState state, DateTimeOffset deadline, TimeSpan grace) =>
        state is { Schedule: { } current, OwedDeadline: { } owed } && deadline + grace > owed + current.Grace;

    internal static void ResetReminders(CheckinState state)
    {
        state.LeadReminderSent = false;
        state.DeadlineReminderSent = false;
    }

    internal static MessageArg DeadlineArg(Person subject, DateTimeOffset now)
    {
        var state = subject.Checkin!;
        if (state.Missed && state.MissedDeadline is { } missed)
        {
            return MessageArg.Instant(missed, Precision(subject));
        }

        if (state.OwedDeadline is not { } owed)
        {
            return MessageArg.Of(new MessageText(TextId.NoDeadline));
        }

        var deadline = MessageArg.Instant(owed, Precision(subject));
        if (owed <= now && state.Schedule is { } schedule)
        {
            // The deadline has come: what the subject needs is when the grace ends, never "in -5 min".
            var graceEnd = owed + schedule.Grace;
            if (graceEnd <= now)
            {
                return deadline; // missed; the alarm is being raised
            }

            return MessageArg.Of(new MessageText(TextId.DeadlineCameGraceUntil, deadline, MessageArg.Instant(graceEnd, Precision(subject)), graceEnd - now));
        }

        return MessageArg.Of(new MessageText(TextId.DeadlineIn, deadline, owed - now));
    }

    // Times about a subject on a schedule of seconds are shown to the second, so a deadline and its grace read apart.
    internal static ClockPrecision Precision(Person subject) => SchedulePrecision.For(subject.Checkin?.Schedule);

    internal static void Reply(DataSession db, Person person, DateTimeOffset now, TextId id, params object?[] args) =>
        Notify.Send(db, person, MessagePriority.Reply, now, id, args);
}
