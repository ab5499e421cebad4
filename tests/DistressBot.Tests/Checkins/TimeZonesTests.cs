using DistressBot.Localization;
using static DistressBot.Tests.Checkins.Instants;

namespace DistressBot.Tests.Checkins;

public class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Moscow", "Europe/Moscow")]
    [InlineData("europe/moscow", "Europe/Moscow")]
    [InlineData("EUROPE/BERLIN", "Europe/Berlin")]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("Asia/Tbilisi", "Asia/Tbilisi")]
    public void TryFind_IanaId_ReturnsZone(string id, string expectedId)
    {
        Assert.True(TimeZones.TryFind(id, out var zone));
        Assert.Equal(expectedId, zone.Id);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("utc")]
    public void TryFind_Utc_ReturnsZeroOffsetZone(string id)
    {
        Assert.True(TimeZones.TryFind(id, out var zone));
        Assert.Equal(TimeSpan.Zero, zone.BaseUtcOffset);
        Assert.False(zone.SupportsDaylightSavingTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Moscow ")]
    [InlineData("../../etc/passwd")]
    [InlineData("Europe/../Europe/Moscow")]
    [InlineData("Russian Standard Time")]
    [InlineData("Europe")] // a folder of the zone database: read as a file, it fails with an access error
    [InlineData("Etc")]
    [InlineData("posix")]
    [InlineData("Europe/Moscow/Extra/Segments/That/Go/On/And/On/For/Far/Too/Long/To/Be/An/Id")]
    public void TryFind_UnknownOrMalformedId_ReturnsFalse(string? id)
    {
        Assert.False(TimeZones.TryFind(id, out _));
    }

    [Theory]
    [InlineData("2025-06-10 06:05 +00:00", "Europe/Moscow", "09:05", "10.06 09:05")]
    [InlineData("2025-12-31 22:30 +00:00", "Europe/Moscow", "01:30", "01.01 01:30")]
    [InlineData("2025-03-30 01:00 +00:00", "Europe/Berlin", "03:00", "30.03 03:00")]
    [InlineData("2025-11-02 06:30 +00:00", "America/New_York", "01:30", "02.11 01:30")]
    public void Format_Instant_ShowsZoneWallClock(string instant, string zone, string time, string dateTime)
    {
        Assert.Equal(time, TimeZones.FormatTime(At(instant), Zone(zone)));
        Assert.Equal(dateTime, TimeZones.FormatDateTime(At(instant), Zone(zone)));
    }
}
