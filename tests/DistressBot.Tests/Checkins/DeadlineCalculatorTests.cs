using DistressBot.Checkins;
using DistressBot.Domain;
using static DistressBot.Tests.Checkins.Instants;

namespace DistressBot.Tests.Checkins;

public class DeadlineCalculatorTests
{
    private static readonly Schedule Every12h = Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30));
    private static readonly Schedule TwiceDaily = Daily(TimeSpan.FromMinutes(45), "09:00", "21:00");
    private static readonly Schedule OnceDaily = Daily(TimeSpan.FromMinutes(45), "09:00");

    public static TheoryData<string, string, string> DailyFirstDeadlines => new()
    {
        { "09:00 21:00", "2025-06-10 08:00 +03:00", "2025-06-10 09:00 +03:00" },
        { "09:00 21:00", "2025-06-10 09:00 +03:00", "2025-06-10 21:00 +03:00" },
        { "09:00 21:00", "2025-06-10 08:59:59 +03:00", "2025-06-10 09:00 +03:00" },
        { "09:00 21:00", "2025-06-10 22:00 +03:00", "2025-06-11 09:00 +03:00" },
        { "09:00 21:00", "2025-06-10 23:59:59 +03:00", "2025-06-11 09:00 +03:00" },
        { "09:00 21:00", "2025-06-10 20:00 +00:00", "2025-06-11 09:00 +03:00" },
        { "09:00 21:00", "2025-12-31 22:00 +03:00", "2026-01-01 09:00 +03:00" },
        { "00:15 23:30", "2025-06-10 23:45 +03:00", "2025-06-11 00:15 +03:00" },
        { "00:00", "2025-06-10 00:00 +03:00", "2025-06-11 00:00 +03:00" },
        { "09:00", "2025-06-10 09:01 +03:00", "2025-06-11 09:00 +03:00" },
    };

    public static TheoryData<string, string, bool, string, string?> TwiceDailyCheckins => new()
    {
        // Owed 09:00 on 11 June; its window opens halfway from 21:00 the evening before, at 03:00.
        { "2025-06-11 09:00 +03:00", "2025-06-10 21:01 +03:00", false, "2025-06-11 09:00 +03:00", "2025-06-11 03:00 +03:00" },
        { "2025-06-11 09:00 +03:00", "2025-06-11 02:59:59 +03:00", false, "2025-06-11 09:00 +03:00", "2025-06-11 03:00 +03:00" },
        { "2025-06-11 09:00 +03:00", "2025-06-11 03:00 +03:00", true, "2025-06-11 21:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-11 08:59 +03:00", true, "2025-06-11 21:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-11 09:00 +03:00", true, "2025-06-11 21:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-11 09:30 +03:00", true, "2025-06-11 21:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-11 14:00 +03:00", true, "2025-06-11 21:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-11 22:00 +03:00", true, "2025-06-12 09:00 +03:00", null },
        { "2025-06-11 09:00 +03:00", "2025-06-13 10:00 +03:00", true, "2025-06-13 21:00 +03:00", null },

        // Owed 21:00; its window opens at 15:00, and a counted check-in owes 09:00 the next morning.
        { "2025-06-11 21:00 +03:00", "2025-06-11 14:59 +03:00", false, "2025-06-11 21:00 +03:00", "2025-06-11 15:00 +03:00" },
        { "2025-06-11 21:00 +03:00", "2025-06-11 15:00 +03:00", true, "2025-06-12 09:00 +03:00", null },
        { "2025-06-11 21:00 +03:00", "2025-06-11 21:40 +03:00", true, "2025-06-12 09:00 +03:00", null },
    };

    [Fact]
    public void FirstDeadline_Interval_IsSetAtPlusEvery()
    {
        var deadline = DeadlineCalculator.FirstDeadline(Every12h, At("2025-06-10 08:17 +03:00"), Moscow);

        Assert.Equal(At("2025-06-10 20:17 +03:00"), deadline);
    }

    [Theory]
    [MemberData(nameof(DailyFirstDeadlines))]
    public void FirstDeadline_Daily_IsFirstTimeStrictlyAfterSetAt(string times, string setAt, string expected)
    {
        var schedule = Daily(TimeSpan.FromMinutes(10), times.Split(' '));

        var deadline = DeadlineCalculator.FirstDeadline(schedule, At(setAt), Moscow);

        Assert.Equal(At(expected), deadline);
    }

    [Theory]
    [InlineData("2025-06-10 09:00 +03:00")]
    [InlineData("2025-06-10 19:00 +03:00")]
    [InlineData("2025-06-11 02:00 +03:00")]
    public void ApplyCheckin_Interval_AlwaysCountsAndRestartsInterval(string checkinAt)
    {
        var effect = DeadlineCalculator.ApplyCheckin(Every12h, At("2025-06-10 20:00 +03:00"), At(checkinAt), Moscow);

        Assert.True(effect.Counts);
        Assert.Equal(At(checkinAt) + TimeSpan.FromHours(12), effect.OwedDeadline);
        Assert.Null(effect.WindowOpens);
    }

    [Theory]
    [MemberData(nameof(TwiceDailyCheckins))]
    public void ApplyCheckin_TwiceDaily_CountsOnlyOnceWindowOpened(string owed, string checkinAt, bool counts, string nextOwed, string? windowOpens)
    {
        var effect = DeadlineCalculator.ApplyCheckin(TwiceDaily, At(owed), At(checkinAt), Moscow);

        Assert.Equal(counts, effect.Counts);
        Assert.Equal(At(nextOwed), effect.OwedDeadline);
        Assert.Equal(windowOpens is null ? null : At(windowOpens), effect.WindowOpens);
    }

    [Theory]
    [InlineData("2025-06-10 20:59 +03:00", false, "2025-06-11 09:00 +03:00")]
    [InlineData("2025-06-10 21:00 +03:00", true, "2025-06-12 09:00 +03:00")]
    [InlineData("2025-06-11 09:00 +03:00", true, "2025-06-12 09:00 +03:00")]
    [InlineData("2025-06-11 10:00 +03:00", true, "2025-06-12 09:00 +03:00")]
    public void ApplyCheckin_OnceDaily_WindowOpensTwelveHoursBefore(string checkinAt, bool counts, string nextOwed)
    {
        var owed = At("2025-06-11 09:00 +03:00");

        var effect = DeadlineCalculator.ApplyCheckin(OnceDaily, owed, At(checkinAt), Moscow);

        Assert.Equal(counts, effect.Counts);
        Assert.Equal(At(nextOwed), effect.OwedDeadline);
        Assert.Equal(At("2025-06-10 21:00 +03:00"), DeadlineCalculator.WindowOpens(OnceDaily, owed, Moscow));
    }

    [Theory]
    [InlineData("2025-06-11 08:00 +03:00", "2025-06-11 02:00 +03:00")]
    [InlineData("2025-06-11 12:00 +03:00", "2025-06-11 10:00 +03:00")]
    [InlineData("2025-06-11 20:00 +03:00", "2025-06-11 16:00 +03:00")]
    public void WindowOpens_UnevenTimes_IsHalfwayFromPreviousTime(string deadline, string expected)
    {
        var schedule = Daily(TimeSpan.FromMinutes(30), "08:00", "12:00", "20:00");

        Assert.Equal(At(expected), DeadlineCalculator.WindowOpens(schedule, At(deadline), Moscow));
    }

    [Fact]
    public void WindowOpens_Interval_IsStartOfInterval()
    {
        Assert.Equal(
            At("2025-06-10 08:00 +03:00"),
            DeadlineCalculator.WindowOpens(Every12h, At("2025-06-10 20:00 +03:00"), Moscow));
    }

    [Theory]
    [InlineData(-60 - 1, false, SubjectTimingState.Ok)]
    [InlineData(-60, false, SubjectTimingState.Due)]
    [InlineData(-1, false, SubjectTimingState.Due)]
    [InlineData(0, false, SubjectTimingState.Due)]
    [InlineData(29, false, SubjectTimingState.Due)]
    [InlineData(30, false, SubjectTimingState.Missed)]
    [InlineData(600, false, SubjectTimingState.Missed)]
    [InlineData(-600, true, SubjectTimingState.Missed)]
    [InlineData(0, true, SubjectTimingState.Missed)]
    public void Evaluate_MinutesFromDeadline_ReturnsState(int minutesFromDeadline, bool missed, SubjectTimingState expected)
    {
        var deadline = At("2025-06-10 12:00 +00:00");

        var state = DeadlineCalculator.Evaluate(
            deadline + TimeSpan.FromMinutes(minutesFromDeadline), deadline, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), missed);

        Assert.Equal(expected, state);
    }

    [Fact]
    public void Evaluate_OneTickEitherSideOfBoundaries_ChangesStateExactlyAtBoundary()
    {
        var deadline = At("2025-06-10 12:00 +00:00");
        var grace = TimeSpan.FromMinutes(30);
        var lead = TimeSpan.FromHours(1);
        var tick = TimeSpan.FromTicks(1);

        Assert.Equal(SubjectTimingState.Ok, DeadlineCalculator.Evaluate(deadline - lead - tick, deadline, grace, lead, false));
        Assert.Equal(SubjectTimingState.Due, DeadlineCalculator.Evaluate(deadline - lead, deadline, grace, lead, false));
        Assert.Equal(SubjectTimingState.Due, DeadlineCalculator.Evaluate(deadline + grace - tick, deadline, grace, lead, false));
        Assert.Equal(SubjectTimingState.Missed, DeadlineCalculator.Evaluate(deadline + grace, deadline, grace, lead, false));
    }

    [Fact]
    public void Evaluate_NegativeGraceOrLead_Throws()
    {
        var deadline = At("2025-06-10 12:00 +00:00");

        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.Evaluate(deadline, deadline, TimeSpan.FromMinutes(-1), TimeSpan.Zero, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.Evaluate(deadline, deadline, TimeSpan.Zero, TimeSpan.FromMinutes(-1), false));
    }

    [Fact]
    public void MissedAt_Deadline_IsDeadlinePlusGrace()
    {
        Assert.Equal(
            At("2025-06-10 12:45 +00:00"),
            DeadlineCalculator.MissedAt(At("2025-06-10 12:00 +00:00"), TimeSpan.FromMinutes(45)));
    }

    [Fact]
    public void Reminders_LeadFitsAfterLastCheckin_ReturnsLeadAndDeadlineInOrder()
    {
        var deadline = At("2025-06-10 12:00 +00:00");

        var reminders = DeadlineCalculator.Reminders(deadline, TimeSpan.FromHours(1), At("2025-06-10 06:00 +00:00"));

        Assert.Equal(
            [(At("2025-06-10 11:00 +00:00"), ReminderKind.BeforeDeadline), (deadline, ReminderKind.AtDeadline)],
            reminders);
    }

    [Theory]
    [InlineData("2025-06-10 11:00 +00:00", 60)]
    [InlineData("2025-06-10 11:30 +00:00", 60)]
    [InlineData("2025-06-10 06:00 +00:00", 8 * 60)]
    [InlineData("2025-06-10 06:00 +00:00", 0)]
    public void Reminders_LeadTooLongOrZero_ReturnsOnlyDeadline(string lastCheckin, int leadMinutes)
    {
        var deadline = At("2025-06-10 12:00 +00:00");

        var reminders = DeadlineCalculator.Reminders(deadline, TimeSpan.FromMinutes(leadMinutes), At(lastCheckin));

        Assert.Equal([(deadline, ReminderKind.AtDeadline)], reminders);
    }

    internal static Schedule Daily(TimeSpan grace, params string[] times) =>
        Schedule.Daily(times.Select(time => TimeOnly.ParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture)), grace);
}
