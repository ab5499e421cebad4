using DistressBot.Domain;

namespace DistressBot.Tests.Checkins;

public class DurationParserTests
{
    public static TheoryData<string, TimeSpan> ValidDurations => new()
    {
        { "1s", TimeSpan.FromSeconds(1) },
        { "45m", TimeSpan.FromMinutes(45) },
        { "90m", TimeSpan.FromMinutes(90) },
        { "12h", TimeSpan.FromHours(12) },
        { "2d", TimeSpan.FromDays(2) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1d2h3m4s", new TimeSpan(1, 2, 3, 4) },
        { "1H30M", TimeSpan.FromMinutes(90) },
        { "2D", TimeSpan.FromDays(2) },
        { "0h30m", TimeSpan.FromMinutes(30) },
        { "05m", TimeSpan.FromMinutes(5) },
        { "1h90m", TimeSpan.FromMinutes(150) },
        { "30d", TimeSpan.FromDays(30) },
        { "720h", TimeSpan.FromDays(30) },
    };

    public static TheoryData<string?> InvalidDurations => new()
    {
        null,
        "",
        "0m",
        "0s",
        "0d0h",
        "5",
        "5x",
        "1w",
        "m",
        "h",
        "-5m",
        "+5m",
        " 5m",
        "5m ",
        "5 m",
        "1h30",
        "1h1h",
        "30m1h",
        "1.5h",
        "31d",
        "721h",
        "30d1s",
        "9999999999m",
        "99999999999999999999d",
        "\u0661m",
        "\uFF15m",
        "1h30m1h30m1h30m1h30m1h30m1h30m1h30m",
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void TryParse_ValidText_ReturnsDuration(string text, TimeSpan expected)
    {
        var parsed = DurationParser.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(expected, value);
    }

    [Theory]
    [MemberData(nameof(InvalidDurations))]
    public void TryParse_InvalidText_ReturnsFalseAndZero(string? text)
    {
        var parsed = DurationParser.TryParse(text, out var value);

        Assert.False(parsed);
        Assert.Equal(TimeSpan.Zero, value);
    }
}
