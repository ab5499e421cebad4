using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>Pure deadline math for check-in schedules: first deadline, effect of a check-in, windows, states and reminders.</summary>
/// <remarks>
/// Nothing here reads a clock: every instant comes in as an argument, so the monitor and the tests agree on one
/// frozen "now". Interval schedules count real elapsed time (12h is 12 hours even across a DST change); daily
/// schedules are wall-clock times in the subject's zone, resolved by <see cref="LocalTimeResolver"/>.
/// </remarks>
public static class DeadlineCalculator
{
    /// <summary>The first deadline after a schedule is set at <paramref name="setAt"/>.</summary>
    public static DateTimeOffset FirstDeadline(Schedule s, DateTimeOffset setAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(zone);
        return s.Kind == ScheduleKind.Interval ? setAt + s.Every!.Value : NextDailyAfter(s, setAt, zone);
    }

    /// <summary>Whether a check-in at <paramref name="checkinAt"/> satisfies <paramref name="owedDeadline"/>, and the deadline owed afterwards.</summary>
    /// <remarks>
    /// Interval: every check-in counts and restarts the interval. Daily: a check-in counts once the deadline's window
    /// has opened (see <see cref="WindowOpens"/>), so checking in right after 21:00 does not also cover tomorrow's
    /// 09:00; a counted check-in owes the first scheduled time after both the check-in and the deadline it paid.
    /// </remarks>
    public static CheckinEffect ApplyCheckin(Schedule s, DateTimeOffset owedDeadline, DateTimeOffset checkinAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(zone);
        if (s.Kind == ScheduleKind.Interval)
        {
            return CheckinEffect.Counted(checkinAt + s.Every!.Value);
        }

        var opens = WindowOpens(s, owedDeadline, zone);
        if (checkinAt < opens)
        {
            return CheckinEffect.TooEarly(owedDeadline, opens);
        }

        var paidUpTo = checkinAt > owedDeadline ? checkinAt : owedDeadline;
        return CheckinEffect.Counted(NextDailyAfter(s, paidUpTo, zone));
    }

    /// <summary>The earliest instant a check-in counts for <paramref name="deadline"/>.</summary>
    /// <remarks>
    /// Daily: halfway in real time between the previous scheduled instant and the deadline (09:00 after 21:00 opens at
    /// 03:00; a single daily time opens 12 hours before). Interval: every check-in counts, so this is the start of the
    /// interval, <c>deadline - every</c>, reported for completeness.
    /// </remarks>
    public static DateTimeOffset WindowOpens(Schedule s, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(zone);
        if (s.Kind == ScheduleKind.Interval)
        {
            return deadline - s.Every!.Value;
        }

        var previous = PreviousDailyBefore(s, deadline, zone);
        return deadline - TimeSpan.FromTicks((deadline - previous).Ticks / 2);
    }

    /// <summary>The state at <paramref name="now"/> of a subject owing <paramref name="owedDeadline"/>; boundaries belong to the later state.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grace"/> or <paramref name="reminderLead"/> is negative.</exception>
    public static SubjectTimingState Evaluate(DateTimeOffset now, DateTimeOffset owedDeadline, TimeSpan grace, TimeSpan reminderLead, bool missed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(reminderLead, TimeSpan.Zero);

        // A recorded miss stays a miss until a check-in moves the deadline, whatever the clock says.
        if (missed || now >= MissedAt(owedDeadline, grace))
        {
            return SubjectTimingState.Missed;
        }

        return now >= owedDeadline - reminderLead ? SubjectTimingState.Due : SubjectTimingState.Ok;
    }

    /// <summary>The instant a deadline becomes a miss: the deadline plus the grace.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grace"/> is negative.</exception>
    public static DateTimeOffset MissedAt(DateTimeOffset deadline, TimeSpan grace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        return deadline + grace;
    }

    /// <summary>The reminders for a deadline, in time order: one <paramref name="lead"/> before it when that is after <paramref name="lastCheckinOrSetAt"/>, and one at it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lead"/> is negative.</exception>
    public static IReadOnlyList<(DateTimeOffset At, ReminderKind Kind)> Reminders(DateTimeOffset deadline, TimeSpan lead, DateTimeOffset lastCheckinOrSetAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, TimeSpan.Zero);
        var before = deadline - lead;

        // A reminder at or before the last check-in would nag someone who has just checked in; a zero lead would
        // duplicate the deadline reminder.
        if (lead > TimeSpan.Zero && before > lastCheckinOrSetAt)
        {
            return [(before, ReminderKind.BeforeDeadline), (deadline, ReminderKind.AtDeadline)];
        }

        return [(deadline, ReminderKind.AtDeadline)];
    }

    /// <summary>The first scheduled daily instant strictly after <paramref name="instant"/>.</summary>
    private static DateTimeOffset NextDailyAfter(Schedule s, DateTimeOffset instant, TimeZoneInfo zone)
    {
        // The day before is included because a gap can push a time past midnight; two days after always holds one.
        DateTimeOffset? best = null;
        var today = LocalDate(instant, zone);
        for (var day = -1; day <= 2; day++)
        {
            foreach (var candidate in OccurrencesOn(s, today.AddDays(day), zone))
            {
                if (candidate > instant && (best is null || candidate < best))
                {
                    best = candidate;
                }
            }
        }

        return best ?? throw new InvalidOperationException("A daily schedule has a time within two days.");
    }

    /// <summary>The last scheduled daily instant strictly before <paramref name="instant"/>.</summary>
    private static DateTimeOffset PreviousDailyBefore(Schedule s, DateTimeOffset instant, TimeZoneInfo zone)
    {
        DateTimeOffset? best = null;
        var today = LocalDate(instant, zone);
        for (var day = -2; day <= 1; day++)
        {
            foreach (var candidate in OccurrencesOn(s, today.AddDays(day), zone))
            {
                if (candidate < instant && (best is null || candidate > best))
                {
                    best = candidate;
                }
            }
        }

        return best ?? throw new InvalidOperationException("A daily schedule has a time within two days.");
    }

    private static IEnumerable<DateTimeOffset> OccurrencesOn(Schedule s, DateOnly date, TimeZoneInfo zone) =>
        s.DailyTimes!.Select(time => LocalTimeResolver.Resolve(date.ToDateTime(time), zone));

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
