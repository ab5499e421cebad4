using System.Text.Json.Serialization;

namespace DistressBot.Domain;

/// <summary>The two forms a check-in schedule takes.</summary>
// Stored by name, so reordering or adding members never changes what a stored schedule means.
[JsonConverter(typeof(JsonStringEnumConverter<ScheduleKind>))]
public enum ScheduleKind
{
    /// <summary>A check-in is owed a fixed real duration after the previous one ("every 12h").</summary>
    Interval = 1,

    /// <summary>Check-ins are owed at wall-clock times in the subject's own time zone ("daily 09:00 21:00").</summary>
    Daily = 2,
}
