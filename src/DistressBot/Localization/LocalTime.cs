using System.Globalization;
using DistressBot.Checkins;

namespace DistressBot.Localization;

/// <summary>Instants as a person reads them, in their own time zone.</summary>
public static class LocalTime
{
    /// <summary>"28.11 14:02" in <paramref name="zoneId"/> (UTC if the zone is unknown).</summary>
    public static string Format(DateTimeOffset instant, string zoneId) =>
        ToLocal(instant, zoneId).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"14:02" in <paramref name="zoneId"/>.</summary>
    public static string FormatClock(DateTimeOffset instant, string zoneId) =>
        ToLocal(instant, zoneId).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset ToLocal(DateTimeOffset instant, string zoneId) =>
        TimeZones.TryFind(zoneId, out var zone) ? TimeZoneInfo.ConvertTime(instant, zone) : instant.ToUniversalTime();
}
