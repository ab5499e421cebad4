using DistressBot.Checkins;

namespace DistressBot.Localization;

/// <summary>Instants as a person reads them, in their own time zone (UTC if the zone is no longer known).</summary>
public static class LocalTime
{
    /// <summary>"28.11 14:02" in <paramref name="zoneId"/>.</summary>
    public static string Format(DateTimeOffset instant, string zoneId) => TimeZones.FormatDateTime(instant, Zone(zoneId));

    /// <summary>"14:02" in <paramref name="zoneId"/>.</summary>
    public static string FormatClock(DateTimeOffset instant, string zoneId) => TimeZones.FormatTime(instant, Zone(zoneId));

    private static TimeZoneInfo Zone(string zoneId) => TimeZones.TryFind(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
