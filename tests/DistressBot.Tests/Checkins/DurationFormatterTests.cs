using DistressBot.Checkins;

namespace DistressBot.Tests.Checkins;

public class DurationFormatterTests
{
    public static TheoryData<TimeSpan, string, string> Durations => new()
    {
        { TimeSpan.Zero, "0s", "0s" },
        { TimeSpan.FromMilliseconds(400), "0s", "0s" },
        { TimeSpan.FromSeconds(1.5), "1s", "1s" },
        { TimeSpan.FromMinutes(45), "45m", "45m" },
        { TimeSpan.FromMinutes(90), "1h 30m", "1h30m" },
        { new TimeSpan(2, 3, 0, 0), "2d 3h", "2d3h" },
        { new TimeSpan(1, 0, 0, 5), "1d 5s", "1d5s" },
        { new TimeSpan(1, 2, 3, 4), "1d 2h 3m 4s", "1d2h3m4s" },
        { TimeSpan.FromDays(30), "30d", "30d" },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Format_Duration_ReturnsSpacedUnits(TimeSpan value, string expected, string unused)
    {
        _ = unused;
        Assert.Equal(expected, DurationFormatter.Format(value));
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void FormatToken_Duration_ReturnsUnspacedUnits(TimeSpan value, string unused, string expected)
    {
        _ = unused;
        Assert.Equal(expected, DurationFormatter.FormatToken(value));
    }

    [Theory]
    [InlineData("1s")]
    [InlineData("1h30m")]
    [InlineData("1d2h3m4s")]
    [InlineData("30d")]
    [InlineData("90m")]
    public void FormatToken_ParsedDuration_ParsesBackToSameValue(string text)
    {
        Assert.True(DurationParser.TryParse(text, out var value));

        Assert.True(DurationParser.TryParse(DurationFormatter.FormatToken(value), out var again));
        Assert.Equal(value, again);
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationFormatter.Format(TimeSpan.FromMinutes(-1)));
    }
}
