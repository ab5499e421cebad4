using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>How finely times about a subject are shown, from their schedule.</summary>
public static class SchedulePrecision
{
    // Below this grace a deadline and the end of its grace can fall in the same minute, so seconds are shown.
    private static readonly TimeSpan SecondsBelowGrace = TimeSpan.FromMinutes(5);

    /// <summary>Seconds for times about a subject whose schedule has a grace under 5 minutes or is set in seconds; minutes otherwise (and without a schedule).</summary>
    public static ClockPrecision For(Schedule? schedule)
    {
        if (schedule is null)
        {
            return ClockPrecision.Minutes;
        }

        var inSeconds = schedule.Grace.Seconds != 0 || (schedule.Every is { } every && every.Seconds != 0);
        return inSeconds || schedule.Grace < SecondsBelowGrace ? ClockPrecision.Seconds : ClockPrecision.Minutes;
    }
}
