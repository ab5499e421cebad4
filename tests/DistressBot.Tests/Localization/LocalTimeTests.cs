using DistressBot.Localization;

namespace DistressBot.Tests.Localization;

public sealed class LocalTimeTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 2, 9, 0, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Moscow", "02.11 12:00 UTC+3", "12:00:05 UTC+3")]
    [InlineData("UTC", "02.11 09:00 UTC", "09:00:05 UTC")]
    [InlineData("Asia/Kolkata", "02.11 14:30 UTC+5:30", "14:30:05 UTC+5:30")]
    [InlineData("America/St_Johns", "02.11 05:30 UTC-3:30", "05:30:05 UTC-3:30")]
    [InlineData("Mars/Base", "02.11 09:00 UTC", "09:00:05 UTC")]
    public void Format_EveryTime_CarriesTheReadersZoneOffset(string zone, string minutes, string clockSeconds)
    {
        Assert.Equal(minutes, LocalTime.Format(Instant, zone));
        Assert.Equal(clockSeconds, LocalTime.FormatClock(Instant, zone, ClockPrecision.Seconds));
        Assert.DoesNotContain(":05", LocalTime.Format(Instant, zone), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AcrossDaylightSaving_ShowsTheOffsetInForceAtThatInstant()
    {
        Assert.Equal("28.03 13:00 UTC+1", LocalTime.Format(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), "Europe/Berlin"));
        Assert.Equal("29.03 14:00 UTC+2", LocalTime.Format(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), "Europe/Berlin"));
    }
}
