using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>Why a schedule command was refused; the Localization catalogue turns each into a text.</summary>
public enum ScheduleParseError
{
    /// <summary>No error: the command parsed.</summary>
    None = 0,

    /// <summary>No arguments at all.</summary>
    Empty,

    /// <summary>The first word is neither "every" nor "daily".</summary>
    UnknownForm,

    /// <summary>A keyword ("every", "daily", "grace") is not followed by its value; the token is the keyword.</summary>
    MissingValue,

    /// <summary>A word after a complete command, or a repeated "grace".</summary>
    UnexpectedToken,

    /// <summary>Not a positive duration of at most 30 days (for example "5", "5x", "0m", "-5m").</summary>
    BadDuration,

    /// <summary>A daily time that is not HH:mm in 24-hour form.</summary>
    BadTime,

    /// <summary>The interval, or the gap between two daily times, is below the minimum interval.</summary>
    TooFrequent,

    /// <summary>The grace is not shorter than the interval or the smallest gap between daily times.</summary>
    GraceTooLong,

    /// <summary>More than <see cref="Schedule.MaxDailyTimes"/> distinct daily times.</summary>
    TooManyTimes,

    /// <summary>The interval is longer than the maximum interval, or a daily schedule (one day) is and the maximum is shorter than a day.</summary>
    TooRare,
}
