using DistressBot.Checkins;
using DistressBot.Domain;

namespace DistressBot.Tests.Checkins;

public class ScheduleParserTests
{
    private static readonly ScheduleRules Rules = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));

    public static TheoryData<string, string> ValidCommands => new()
    {
        { "every 12h", "every 12h grace 30m" },
        { "every 12h grace 30m", "every 12h grace 30m" },
        { "EVERY 1h30m GRACE 15m", "every 1h30m grace 15m" },
        { "  every \t 2d  ", "every 2d grace 30m" },
        { "every 90m", "every 1h30m grace 30m" },
        { "every 1h", "every 1h grace 30m" },
        { "every 2h grace 1h59m", "every 2h grace 1h59m" },
        { "every 7d grace 1d", "every 7d grace 1d" },
        { "daily 09:00 21:00 grace 45m", "daily 09:00 21:00 grace 45m" },
        { "daily 21:00 09:00", "daily 09:00 21:00 grace 30m" },
        { "daily 9:00 09:00 21:00", "daily 09:00 21:00 grace 30m" },
        { "Daily 23:59", "daily 23:59 grace 30m" },
        { "daily 00:00", "daily 00:00 grace 30m" },
        { "daily 23:30 00:30", "daily 00:30 23:30 grace 30m" },
        { "daily 09:00 grace 23h59m", "daily 09:00 grace 23h59m" },
        {
            "daily 00:00 02:00 04:00 06:00 08:00 10:00 12:00 14:00 16:00 18:00 20:00 22:00 22:00",
            "daily 00:00 02:00 04:00 06:00 08:00 10:00 12:00 14:00 16:00 18:00 20:00 22:00 grace 30m"
        },
    };

    public static TheoryData<string, ScheduleParseError, string> InvalidCommands => new()
    {
        { "", ScheduleParseError.Empty, "" },
        { " \t ", ScheduleParseError.Empty, "" },
        { "weekly 09:00", ScheduleParseError.UnknownForm, "weekly" },
        { "12h", ScheduleParseError.UnknownForm, "12h" },
        { "every", ScheduleParseError.MissingValue, "every" },
        { "daily", ScheduleParseError.MissingValue, "daily" },
        { "daily grace 30m", ScheduleParseError.MissingValue, "daily" },
        { "every 12h grace", ScheduleParseError.MissingValue, "grace" },
        { "daily 09:00 grace", ScheduleParseError.MissingValue, "grace" },
        { "every 12h 30m", ScheduleParseError.UnexpectedToken, "30m" },
        { "every 12h grace 30m extra", ScheduleParseError.UnexpectedToken, "extra" },
        { "every 12h grace 30m grace 10m", ScheduleParseError.UnexpectedToken, "grace" },
        { "every 5", ScheduleParseError.BadDuration, "5" },
        { "every 5x", ScheduleParseError.BadDuration, "5x" },
        { "every 0m", ScheduleParseError.BadDuration, "0m" },
        { "every -5m", ScheduleParseError.BadDuration, "-5m" },
        { "every 31d", ScheduleParseError.BadDuration, "31d" },
        { "every 99999999999h", ScheduleParseError.BadDuration, "99999999999h" },
        { "every 12h grace 0m", ScheduleParseError.BadDuration, "0m" },
        { "daily 09:00 grace soon", ScheduleParseError.BadDuration, "soon" },
        { "daily 25:00", ScheduleParseError.BadTime, "25:00" },
        { "daily 24:00", ScheduleParseError.BadTime, "24:00" },
        { "daily 09:60", ScheduleParseError.BadTime, "09:60" },
        { "daily 9", ScheduleParseError.BadTime, "9" },
        { "daily 9am", ScheduleParseError.BadTime, "9am" },
        { "daily 9:5", ScheduleParseError.BadTime, "9:5" },
        { "daily :30", ScheduleParseError.BadTime, ":30" },
        { "daily 123:00", ScheduleParseError.BadTime, "123:00" },
        { "daily 09:00:00", ScheduleParseError.BadTime, "09:00:00" },
        { "daily -9:00", ScheduleParseError.BadTime, "-9:00" },
        { "daily \u0660\u0669:\u0660\u0660", ScheduleParseError.BadTime, "\u0660\u0669:\u0660\u0660" },
        { "daily 09:00 21:00 soon", ScheduleParseError.BadTime, "soon" },
        { "every 7d1s", ScheduleParseError.TooRare, "7d1s" },
        { "every 8d grace 1h", ScheduleParseError.TooRare, "8d" },
        { "every 30d", ScheduleParseError.TooRare, "30d" },
        { "every 30m", ScheduleParseError.TooFrequent, "30m" },
        { "every 59m59s", ScheduleParseError.TooFrequent, "59m59s" },
        { "daily 09:00 09:30", ScheduleParseError.TooFrequent, "09:30" },
        { "daily 23:45 00:15", ScheduleParseError.TooFrequent, "00:15" },
        { "every 2h grace 2h", ScheduleParseError.GraceTooLong, "2h" },
        { "every 2h grace 3h", ScheduleParseError.GraceTooLong, "3h" },
        { "daily 09:00 21:00 grace 12h", ScheduleParseError.GraceTooLong, "12h" },
        { "daily 09:00 10:00 grace 1h", ScheduleParseError.GraceTooLong, "1h" },
        { "daily 23:00 01:00 grace 2h", ScheduleParseError.GraceTooLong, "2h" },
        { "daily 09:00 grace 1d", ScheduleParseError.GraceTooLong, "1d" },
        {
            "daily 00:00 01:00 02:00 03:00 04:00 05:00 06:00 07:00 08:00 09:00 10:00 11:00 12:00",
            ScheduleParseError.TooManyTimes,
            "12:00"
        },
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Parse_ValidCommand_ReturnsCanonicalSchedule(string arguments, string canonical)
    {
        var result = ScheduleParser.Parse(arguments, Rules);

        Assert.True(result.IsSuccess);
        Assert.Equal(ScheduleParseError.None, result.Error);
        Assert.Equal(string.Empty, result.Token);
        Assert.Equal(canonical, result.Schedule.ToCommandText());
    }

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Parse_CanonicalText_ReturnsEqualSchedule(string arguments, string unused)
    {
        _ = unused;
        var first = ScheduleParser.Parse(arguments, Rules);
        Assert.True(first.IsSuccess);

        var again = ScheduleParser.Parse(first.Schedule.ToCommandText(), Rules);

        Assert.True(again.IsSuccess);
        Assert.Equal(first.Schedule, again.Schedule);
    }

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Parse_InvalidCommand_ReturnsErrorAndToken(string arguments, ScheduleParseError error, string token)
    {
        var result = ScheduleParser.Parse(arguments, Rules);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Schedule);
        Assert.Equal(error, result.Error);
        Assert.Equal(token, result.Token);
    }

    [Theory]
    [InlineData("12h", "every 12h", ScheduleParseError.None, "")]
    [InlineData("12h", "every 12h1m", ScheduleParseError.TooRare, "12h1m")]
    [InlineData("12h", "daily 09:00 21:00", ScheduleParseError.TooRare, "daily")]
    [InlineData("12h", "daily 09:00", ScheduleParseError.TooRare, "daily")]
    [InlineData("1d", "daily 09:00", ScheduleParseError.None, "")]
    [InlineData("1d", "every 1d", ScheduleParseError.None, "")]
    [InlineData("1d", "every 1d1m", ScheduleParseError.TooRare, "1d1m")]
    [InlineData("30d", "every 30d", ScheduleParseError.None, "")]
    public void Parse_AgainstTheMaximumInterval_DailyCountsAsOneDay(string maximum, string arguments, ScheduleParseError error, string token)
    {
        Assert.True(DurationParser.TryParse(maximum, out var longest));
        var rules = new ScheduleRules(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), longest);

        var result = ScheduleParser.Parse(arguments, rules);

        Assert.Equal(error, result.Error);
        Assert.Equal(token, result.Token);
        Assert.Equal(error == ScheduleParseError.None, result.IsSuccess);
    }

    [Fact]
    public void ScheduleRules_MaximumIntervalBelowTheMinimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleRules(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(59)));

    [Fact]
    public void Parse_EveryForm_BuildsIntervalWithoutDailyTimes()
    {
        var result = ScheduleParser.Parse("every 12h grace 45m", Rules);

        Assert.True(result.IsSuccess);
        Assert.Equal(ScheduleKind.Interval, result.Schedule.Kind);
        Assert.Equal(TimeSpan.FromHours(12), result.Schedule.Every);
        Assert.Equal(TimeSpan.FromMinutes(45), result.Schedule.Grace);
        Assert.Null(result.Schedule.DailyTimes);
    }

    [Fact]
    public void Parse_DailyForm_BuildsSortedDistinctTimesWithoutInterval()
    {
        var result = ScheduleParser.Parse("daily 21:00 09:00 21:00", Rules);

        Assert.True(result.IsSuccess);
        Assert.Equal(ScheduleKind.Daily, result.Schedule.Kind);
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(21, 0)], result.Schedule.DailyTimes);
        Assert.Equal(Rules.DefaultGrace, result.Schedule.Grace);
        Assert.Null(result.Schedule.Every);
    }

    [Fact]
    public void Parse_RulesWithShorterMinimum_AcceptsCloserTimes()
    {
        var lenient = new ScheduleRules(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10));

        var result = ScheduleParser.Parse("daily 09:00 09:30", lenient);

        Assert.True(result.IsSuccess);
        Assert.Equal(TimeSpan.FromMinutes(10), result.Schedule.Grace);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(60, 0)]
    [InlineData(60, 60)]
    [InlineData(60, 90)]
    public void ScheduleRules_InconsistentLimits_Throws(int minimumMinutes, int graceMinutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ScheduleRules(TimeSpan.FromMinutes(minimumMinutes), TimeSpan.FromMinutes(graceMinutes)));
    }
}
