using System.Globalization;

namespace DistressBot.Localization;

/// <summary>How finely a time is shown.</summary>
public enum ClockPrecision
{
    /// <summary>"14:02".</summary>
    Minutes,

    /// <summary>"14:02:05", for schedules where a minute is a large part of the grace.</summary>
    Seconds,
}

/// <summary>
/// Instants as a person reads them: the wall clock of their own time zone followed by its UTC offset at that instant
/// ("28.11 14:02 UTC+3", "14:02:05 UTC", "09:30 UTC+5:30"); UTC if their zone is no longer known.
/// </summary>
/// <remarks>
/// The offset, not an abbreviation: abbreviations are ambiguous (IST is India, Israel and Ireland), differ between
/// languages (MSK/МСК) and are not available from every system's time zone data; "UTC+3" reads the same in Russian and
/// English and lets a reader in another zone work the time out.
/// </remarks>
public static class LocalTime
{
    /// <summary>"28.11 14:02 UTC+3" (or "28.11 14:02:05 UTC+3") in <paramref name="zoneId"/>.</summary>
    public static string Format(DateTimeOffset instant, string zoneId, ClockPrecision precision = ClockPrecision.Minutes) =>
        Render(instant, Zone(zoneId), precision == ClockPrecision.Seconds ? "dd.MM HH:mm:ss" : "dd.MM HH:mm");

    /// <summary>"14:02 UTC+3" (or "14:02:05 UTC+3") in <paramref name="zoneId"/>.</summary>
    public static string FormatClock(DateTimeOffset instant, string zoneId, ClockPrecision precision = ClockPrecision.Minutes) =>
        Render(instant, Zone(zoneId), precision == ClockPrecision.Seconds ? "HH:mm:ss" : "HH:mm");

    /// <summary>"UTC+3", "UTC-3:30", or "UTC" for a zero offset.</summary>
    public static string OffsetLabel(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours + (abs.Days * 24)}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours + (abs.Days * 24)}:{abs.Minutes:D2}");
    }

    private static string Render(DateTimeOffset instant, TimeZoneInfo zone, string pattern)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);

        // Invariant culture: the pattern's ":" is the culture's time separator, which is not ":" everywhere.
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " " + OffsetLabel(local.Offset);
    }

    private static TimeZoneInfo Zone(string zoneId) => TimeZones.TryFind(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
