using System.Globalization;

namespace DistressBot.Tests.Checkins;

/// <summary>Readable instants and zones for the check-in tests.</summary>
internal static class Instants
{
    /// <summary>Parses "2025-03-30 09:00 +02:00"; writing the offset keeps every expected instant unambiguous.</summary>
    public static DateTimeOffset At(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>A zone by IANA id; the test host has tzdata.</summary>
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>Moscow has had no DST since 2014, which keeps the non-DST tests about the schedule alone.</summary>
    public static TimeZoneInfo Moscow => Zone("Europe/Moscow");
}
