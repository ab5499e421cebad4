using DistressBot.Domain;

namespace DistressBot.Tests.Checkins;

public class DurationTokenTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.4, "0s")]
    [InlineData(1.5, "1s")]
    [InlineData(45 * 60, "45m")]
    [InlineData(90 * 60, "1h30m")]
    [InlineData(2 * 86_400 + 3 * 3_600, "2d3h")]
    [InlineData(86_400 + 5, "1d5s")]
    [InlineData(93_784, "1d2h3m4s")]
    [InlineData(30 * 86_400, "30d")]
    public void Format_Duration_ReturnsUnspacedUnits(double seconds, string expected)
    {
        var token = DurationToken.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, token);
        Assert.DoesNotContain(' ', token);
    }

    [Theory]
    [InlineData("1s")]
    [InlineData("1h30m")]
    [InlineData("1d2h3m4s")]
    [InlineData("30d")]
    [InlineData("90m")]
    public void Format_ParsedDuration_ParsesBackToSameValue(string text)
    {
        Assert.True(DurationParser.TryParse(text, out var value));

        Assert.True(DurationParser.TryParse(DurationToken.Format(value), out var again));
        Assert.Equal(value, again);
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationToken.Format(TimeSpan.FromMinutes(-1)));
    }
}
