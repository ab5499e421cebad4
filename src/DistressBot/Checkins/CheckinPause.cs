using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>
/// How a pause moves the owed deadline: a deadline that would fall before the pause ends is suspended, and the schedule runs
/// again from the end as if the subject had checked in then; a deadline already after the end stays as it is.
/// </summary>
public static class CheckinPause
{
    /// <summary>Whether a pause runs at <paramref name="now"/> (its end is still to come).</summary>
    public static bool IsRunning(CheckinState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.PausedUntil is { } until && until > now;
    }

    /// <summary>The instant a schedule set at <paramref name="now"/> runs from: now, or the end of the running pause.</summary>
    public static DateTimeOffset RunsFrom(CheckinState state, DateTimeOffset now) =>
        IsRunning(state, now) ? state.PausedUntil!.Value : now;

    // Pauses until `until` (replacing a pause that waited for a check-in): an owed deadline at or before the end moves to the
    // first one after it. Only ever called while no owed deadline has come, so nothing owed is dropped.
    internal static void Start(CheckinState state, DateTimeOffset until, TimeZoneInfo zone)
    {
        state.PausedUntil = until;
        state.PauseAfterCheckin = null;
        if (state is { Schedule: { } schedule, OwedDeadline: { } owed } && owed <= until)
        {
            state.OwedDeadline = DeadlineCalculator.FirstDeadline(schedule, until, zone);
            OwedDeadlines.ResetReminders(state);
        }
    }

    // Ends the pause at `at` (asked for, or its end come): the schedule runs from there, so the owed deadline may come sooner
    // but never later. The lead reminder must not reach back before `at`, as after a schedule change.
    internal static void End(CheckinState state, DateTimeOffset at, TimeZoneInfo zone)
    {
        state.PausedUntil = null;
        state.ScheduleSetAt = at;
        if (state is { Schedule: { } schedule, OwedDeadline: { } owed } && DeadlineCalculator.FirstDeadline(schedule, at, zone) is var fresh && fresh < owed)
        {
            state.OwedDeadline = fresh;
            OwedDeadlines.ResetReminders(state);
        }
    }

    // After a check-in at `at` paid the owed deadline: a pause that waited for it starts now; a running pause keeps the next
    // deadline after its end. Returns the end of a pause that started here, or null.
    internal static DateTimeOffset? AfterCheckin(CheckinState state, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (state.PauseAfterCheckin is { } length)
        {
            Start(state, at + length, zone);
            return state.PausedUntil;
        }

        if (IsRunning(state, at))
        {
            Start(state, state.PausedUntil!.Value, zone);
        }

        return null;
    }
}
