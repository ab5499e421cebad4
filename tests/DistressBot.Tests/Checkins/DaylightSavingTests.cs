using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using static DistressBot.Tests.Checkins.Instants;

namespace DistressBot.Tests.Checkins;

/// <summary>2025 changes: Berlin 30 March 02:00→03:00 and 26 October 03:00→02:00; New York 9 March 02:00→03:00 and 2 November 02:00→01:00.</summary>
public class DaylightSavingTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    public static TheoryData<string, string, string> ResolvedWallTimes => new()
    {
        // In the spring-forward gap: the first instant after the gap, 03:00 new time.
        { "Europe/Berlin", "2025-03-30 02:30", "2025-03-30 03:00 +02:00" },
        { "Europe/Berlin", "2025-03-30 02:00", "2025-03-30 03:00 +02:00" },
        { "America/New_York", "2025-03-09 02:30", "2025-03-09 03:00 -04:00" },

        // In the fall-back overlap: the first occurrence, still on summer time.
        { "Europe/Berlin", "2025-10-26 02:30", "2025-10-26 02:30 +02:00" },
        { "America/New_York", "2025-11-02 01:30", "2025-11-02 01:30 -04:00" },

        // Just outside the changes: ordinary.
        { "Europe/Berlin", "2025-03-30 03:00", "2025-03-30 03:00 +02:00" },
        { "Europe/Berlin", "2025-03-30 01:59", "2025-03-30 01:59 +01:00" },
        { "Europe/Berlin", "2025-10-26 03:00", "2025-10-26 03:00 +01:00" },
        { "America/New_York", "2025-11-02 02:00", "2025-11-02 02:00 -05:00" },
    };

    public static TheoryData<string, string, string, string> WallTimeDeadlines => new()
    {
        // zone, daily time, first deadline (set the day before at noon), the deadline after checking in on time.
        { "Europe/Berlin", "02:30", "2025-03-30 03:00 +02:00", "2025-03-31 02:30 +02:00" },
        { "America/New_York", "02:30", "2025-03-09 03:00 -04:00", "2025-03-10 02:30 -04:00" },
        { "Europe/Berlin", "02:30", "2025-10-26 02:30 +02:00", "2025-10-27 02:30 +01:00" },
        { "America/New_York", "01:30", "2025-11-02 01:30 -04:00", "2025-11-03 01:30 -05:00" },
        { "Europe/Berlin", "09:00", "2025-03-30 09:00 +02:00", "2025-03-31 09:00 +02:00" },
        { "Europe/Berlin", "09:00", "2025-10-26 09:00 +01:00", "2025-10-27 09:00 +01:00" },
        { "America/New_York", "09:00", "2025-03-09 09:00 -04:00", "2025-03-10 09:00 -04:00" },
        { "America/New_York", "09:00", "2025-11-02 09:00 -05:00", "2025-11-03 09:00 -05:00" },
    };

    public static TheoryData<string, string, string, int> NineOClockAcrossChange => new()
    {
        { "Europe/Berlin", "2025-03-29 09:00 +01:00", "2025-03-30 09:00 +02:00", 23 },
        { "Europe/Berlin", "2025-10-25 09:00 +02:00", "2025-10-26 09:00 +01:00", 25 },
        { "America/New_York", "2025-03-08 09:00 -05:00", "2025-03-09 09:00 -04:00", 23 },
        { "America/New_York", "2025-11-01 09:00 -04:00", "2025-11-02 09:00 -05:00", 25 },
    };

    public static TheoryData<string, string, string> IntervalAcrossChange => new()
    {
        { "Europe/Berlin", "2025-03-29 21:00 +01:00", "2025-03-30 10:00 +02:00" },
        { "Europe/Berlin", "2025-10-25 21:00 +02:00", "2025-10-26 08:00 +01:00" },
        { "America/New_York", "2025-03-08 21:00 -05:00", "2025-03-09 10:00 -04:00" },
        { "America/New_York", "2025-11-01 21:00 -04:00", "2025-11-02 08:00 -05:00" },
    };

    [Theory]
    [MemberData(nameof(ResolvedWallTimes))]
    public void Resolve_WallTimeNearChange_ReturnsExpectedInstant(string zone, string local, string expected)
    {
        var wall = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var instant = LocalTimeResolver.Resolve(wall, Zone(zone));

        Assert.Equal(At(expected), instant);
        Assert.Equal(At(expected).Offset, instant.Offset);
    }

    [Theory]
    [MemberData(nameof(WallTimeDeadlines))]
    public void DailyDeadlines_AcrossChange_FollowWallClockAndNeverRepeat(string zone, string time, string first, string second)
    {
        var schedule = DeadlineCalculatorTests.Daily(Grace, time);
        var tz = Zone(zone);
        var setAt = At(first).AddDays(-1).Date + TimeSpan.FromHours(12);

        var deadline = DeadlineCalculator.FirstDeadline(schedule, new DateTimeOffset(setAt, tz.GetUtcOffset(setAt)), tz);
        var effect = DeadlineCalculator.ApplyCheckin(schedule, deadline, deadline, tz);

        Assert.Equal(At(first), deadline);
        Assert.True(effect.Counts);
        Assert.Equal(At(second), effect.OwedDeadline);
    }

    [Theory]
    [MemberData(nameof(NineOClockAcrossChange))]
    public void ApplyCheckin_NineOClockAcrossChange_StaysNineLocalAndMovesRealHours(string zone, string owed, string expected, int realHours)
    {
        var schedule = DeadlineCalculatorTests.Daily(Grace, "09:00");

        var effect = DeadlineCalculator.ApplyCheckin(schedule, At(owed), At(owed), Zone(zone));

        Assert.Equal(At(expected), effect.OwedDeadline);
        Assert.Equal(TimeSpan.FromHours(realHours), effect.OwedDeadline - At(owed));
        Assert.Equal("09:00", TimeZones.FormatTime(effect.OwedDeadline, Zone(zone)));
    }

    [Theory]
    [MemberData(nameof(IntervalAcrossChange))]
    public void FirstDeadline_IntervalAcrossChange_IsExactRealDuration(string zone, string setAt, string expected)
    {
        var schedule = Schedule.Interval(TimeSpan.FromHours(12), Grace);

        var deadline = DeadlineCalculator.FirstDeadline(schedule, At(setAt), Zone(zone));
        var next = DeadlineCalculator.ApplyCheckin(schedule, deadline, At(setAt), Zone(zone)).OwedDeadline;

        Assert.Equal(At(expected), deadline);
        Assert.Equal(TimeSpan.FromHours(12), deadline - At(setAt));
        Assert.Equal(deadline, next);
    }

    [Fact]
    public void DailyDeadlines_TwoTimesInsideGap_AreOwedOnce()
    {
        var schedule = DeadlineCalculatorTests.Daily(TimeSpan.FromMinutes(10), "02:30", "03:00");
        var berlin = Zone("Europe/Berlin");

        var first = DeadlineCalculator.FirstDeadline(schedule, At("2025-03-30 00:00 +01:00"), berlin);
        var after = DeadlineCalculator.ApplyCheckin(schedule, first, first, berlin);

        Assert.Equal(At("2025-03-30 03:00 +02:00"), first);
        Assert.Equal(At("2025-03-31 02:30 +02:00"), after.OwedDeadline);
    }

    [Fact]
    public void WindowOpens_OnceDailyAcrossSpringForward_IsHalfTheShorterRealGap()
    {
        var schedule = DeadlineCalculatorTests.Daily(Grace, "09:00");

        var opens = DeadlineCalculator.WindowOpens(schedule, At("2025-03-30 09:00 +02:00"), Zone("Europe/Berlin"));

        // 23 real hours since 09:00 the day before, so the window opens 11h30m before.
        Assert.Equal(At("2025-03-29 20:30 +01:00"), opens);
    }

    [Fact]
    public void ApplyCheckin_SecondPassOfFallBackHour_DoesNotOweSameWallTimeAgain()
    {
        var schedule = DeadlineCalculatorTests.Daily(TimeSpan.FromMinutes(10), "02:30", "12:00");
        var berlin = Zone("Europe/Berlin");

        // Checked in for 02:30 summer time, then again at 02:45 winter time, an hour later in real time.
        var first = DeadlineCalculator.ApplyCheckin(schedule, At("2025-10-26 02:30 +02:00"), At("2025-10-26 02:20 +02:00"), berlin);
        var again = DeadlineCalculator.ApplyCheckin(schedule, first.OwedDeadline, At("2025-10-26 02:45 +01:00"), berlin);

        Assert.Equal(At("2025-10-26 12:00 +01:00"), first.OwedDeadline);
        Assert.Equal(At("2025-10-26 12:00 +01:00"), again.OwedDeadline);
    }
}
