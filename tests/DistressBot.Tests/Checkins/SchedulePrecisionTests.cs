using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Tests.Checkins;

public sealed class SchedulePrecisionTests
{
    public static TheoryData<string, Schedule?, ClockPrecision> Precisions => new()
    {
        { "no schedule", null, ClockPrecision.Minutes },
        { "every 15 s, grace 5 s", Schedule.Interval(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)), ClockPrecision.Seconds },
        { "every 12 h, grace 30 min", Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), ClockPrecision.Minutes },
        { "every 1 h, grace 2 min", Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(2)), ClockPrecision.Seconds },
        { "every 1 h, grace 5 min", Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), ClockPrecision.Minutes },
        { "every 90 min 30 s, grace 10 min", Schedule.Interval(new TimeSpan(1, 30, 30), TimeSpan.FromMinutes(10)), ClockPrecision.Seconds },
        { "daily, grace 45 min", Schedule.Daily([new TimeOnly(9, 0), new TimeOnly(21, 0)], TimeSpan.FromMinutes(45)), ClockPrecision.Minutes },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void For_Schedule_ShowsSecondsOnlyWhereAMinuteBlursTheGrace(string what, Schedule? schedule, ClockPrecision expected)
    {
        Assert.True(expected == SchedulePrecision.For(schedule), what);
    }
}
