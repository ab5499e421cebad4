using System.Text.Json;
using DistressBot.Checkins;
using DistressBot.Domain;

namespace DistressBot.Tests.Checkins;

public class ScheduleTests
{
    public static TheoryData<string> Commands => new()
    {
        "every 12h grace 30m",
        "every 1h30m grace 15m",
        "daily 09:00 grace 45m",
        "daily 09:00 21:00 grace 45m",
        "daily 00:00 06:00 12:00 18:00 grace 1h",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void JsonRoundTrip_DefaultOptions_ReturnsEqualSchedule(string command)
    {
        var schedule = Parse(command);

        var copy = JsonSerializer.Deserialize<Schedule>(JsonSerializer.Serialize(schedule));

        Assert.Equal(schedule, copy);
        Assert.Equal(schedule.GetHashCode(), copy!.GetHashCode());
        Assert.Equal(command, copy.ToCommandText());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void JsonRoundTrip_WebOptions_ReturnsEqualSchedule(string command)
    {
        var schedule = Parse(command);

        var json = JsonSerializer.Serialize(schedule, JsonSerializerOptions.Web);
        var copy = JsonSerializer.Deserialize<Schedule>(json, JsonSerializerOptions.Web);

        Assert.Equal(schedule, copy);
    }

    [Fact]
    public void Serialize_DailySchedule_WritesKindByNameAndPlainFields()
    {
        var json = JsonSerializer.Serialize(Parse("daily 09:00 21:00 grace 45m"));

        Assert.Equal("""{"Kind":"Daily","Every":null,"DailyTimes":["09:00:00","21:00:00"],"Grace":"00:45:00"}""", json);
    }

    [Theory]
    [InlineData("""{"Kind":"Daily","Every":null,"DailyTimes":["21:00:00","09:00:00"],"Grace":"00:45:00"}""")]
    [InlineData("""{"Kind":"Daily","Every":null,"DailyTimes":["09:00:00","09:00:00"],"Grace":"00:45:00"}""")]
    [InlineData("""{"Kind":"Daily","Every":null,"DailyTimes":[],"Grace":"00:45:00"}""")]
    [InlineData("""{"Kind":"Daily","Every":null,"DailyTimes":["09:00:30"],"Grace":"00:45:00"}""")]
    [InlineData("""{"Kind":"Daily","Every":null,"DailyTimes":["09:00:00","21:00:00"],"Grace":"12:00:00"}""")]
    [InlineData("""{"Kind":"Daily","Every":"12:00:00","DailyTimes":["09:00:00"],"Grace":"00:45:00"}""")]
    [InlineData("""{"Kind":"Interval","Every":"12:00:00","DailyTimes":null,"Grace":"00:00:00"}""")]
    [InlineData("""{"Kind":"Interval","Every":"-12:00:00","DailyTimes":null,"Grace":"00:30:00"}""")]
    [InlineData("""{"Kind":"Interval","Every":null,"DailyTimes":null,"Grace":"00:30:00"}""")]
    public void Deserialize_BrokenInvariant_Throws(string json)
    {
        Assert.ThrowsAny<ArgumentException>(() => JsonSerializer.Deserialize<Schedule>(json));
    }

    [Fact]
    public void Equals_SameDailyTimesInSeparateLists_IsTrue()
    {
        var first = Schedule.Daily([new TimeOnly(21, 0), new TimeOnly(9, 0)], TimeSpan.FromMinutes(30));
        var second = Schedule.Daily([new TimeOnly(9, 0), new TimeOnly(21, 0)], TimeSpan.FromMinutes(30));

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentGraceOrTimes_IsFalse()
    {
        var schedule = Parse("daily 09:00 21:00 grace 45m");

        Assert.NotEqual(schedule, Parse("daily 09:00 21:00 grace 30m"));
        Assert.NotEqual(schedule, Parse("daily 09:00 20:00 grace 45m"));
        Assert.NotEqual(Parse("every 12h grace 30m"), Parse("every 11h grace 30m"));
    }

    [Theory]
    [InlineData("every 12h grace 30m", 12 * 60)]
    [InlineData("daily 09:00 grace 30m", 24 * 60)]
    [InlineData("daily 09:00 21:00 grace 30m", 12 * 60)]
    [InlineData("daily 08:00 12:00 20:00 grace 30m", 4 * 60)]
    [InlineData("daily 01:00 22:00 grace 30m", 3 * 60)]
    public void ShortestGap_Schedule_ReturnsSmallestGapIncludingWrap(string command, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Parse(command).ShortestGap());
    }

    private static Schedule Parse(string command)
    {
        var result = ScheduleParser.Parse(command, new ScheduleRules(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)));
        Assert.True(result.IsSuccess, $"{command}: {result.Error} {result.Token}");
        return result.Schedule;
    }
}
