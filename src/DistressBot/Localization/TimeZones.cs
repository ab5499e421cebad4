using System.Collections.Frozen;
using System.Globalization;

namespace DistressBot.Localization;

/// <summary>Finds a subject's time zone by IANA id and formats instants as that zone's wall clock.</summary>
public static class TimeZones
{
    // Ids are letters, digits and "/_+-" ("America/Port-au-Prince", "Etc/GMT+3"); anything else, notably "." and
    // spaces, is refused before it reaches a lookup that maps ids onto tzdata file paths or Windows names.
    private const int MaxIdLength = 64;

    // Linux tzdata lookups are case-sensitive file names; this index lets "europe/moscow" find "Europe/Moscow".
    private static readonly Lazy<FrozenDictionary<string, string>> CanonicalIds = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>True and the zone when <paramref name="id"/> names an IANA zone (case-insensitively) or "UTC".</summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(IsIdChar))
        {
            return false;
        }

        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (TryFindExact(id, out zone))
        {
            return true;
        }

        return CanonicalIds.Value.TryGetValue(id, out var canonical) && TryFindExact(canonical, out zone);
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/> as "HH:mm".</summary>
    public static string FormatTime(DateTimeOffset instant, TimeZoneInfo zone) => Format(instant, zone, "HH:mm");

    /// <summary>The wall-clock date and time of <paramref name="instant"/> in <paramref name="zone"/> as "dd.MM HH:mm".</summary>
    public static string FormatDateTime(DateTimeOffset instant, TimeZoneInfo zone) => Format(instant, zone, "dd.MM HH:mm");

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone, string pattern)
    {
        ArgumentNullException.ThrowIfNull(zone);

        // Invariant culture: the pattern's ":" is the culture's time separator, which is not ":" everywhere.
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(pattern, CultureInfo.InvariantCulture);
    }

    private static bool TryFindExact(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException or UnauthorizedAccessException or IOException)
        {
            // Unknown and corrupt zone data mean the same to a person: choose another zone. A folder of the zone database
            // ("Europe", "posix") is read as a file and fails with an access or I/O error: not a zone either.
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-';
}
