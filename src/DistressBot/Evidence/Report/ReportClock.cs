using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Evidence.Report;

/// <summary>Instants as the report's reader reads them: in their zone, to the second, with the UTC offset ("30.11.2026 21:15:00 UTC+3").</summary>
internal sealed class ReportClock(TimeZoneInfo zone, Language language)
{
    /// <summary>The reader's time zone id, "Europe/Moscow".</summary>
    public string ZoneName => zone.Id;

    /// <summary>Date, time to the second and UTC offset; dd.MM.yyyy in Russian, yyyy-MM-dd in English.</summary>
    public string Full(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var pattern = language == Language.Ru ? "dd.MM.yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss";

        // Invariant culture: ":" in a pattern is the culture's time separator, which is not ":" everywhere.
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " " + LocalTime.OffsetLabel(local.Offset);
    }

    /// <summary>A chart tick: "21:15", or "30.11 21:15" when the axis spans more than one day.</summary>
    public string Tick(DateTimeOffset instant, bool withDate)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var pattern = withDate ? (language == Language.Ru ? "dd.MM HH:mm" : "MM-dd HH:mm") : "HH:mm";
        return local.ToString(pattern, CultureInfo.InvariantCulture);
    }

    /// <summary>The local calendar day of an instant, to tell whether an axis spans days.</summary>
    public DateTime Day(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).Date;
}
