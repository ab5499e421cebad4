using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>Parses the arguments of the schedule command: "every 12h [grace 30m]" or "daily 09:00 21:00 [grace 45m]".</summary>
/// <remarks>
/// Keywords are case-insensitive and words are separated by any whitespace. Errors are codes plus the offending
/// token, never sentences, because every text a person sees comes from the Localization catalogue.
/// </remarks>
public static class ScheduleParser
{
    private const string EveryKeyword = "every";
    private const string DailyKeyword = "daily";
    private const string GraceKeyword = "grace";
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>Parses <paramref name="arguments"/> under <paramref name="rules"/>; never throws for bad input, only for null arguments.</summary>
    public static ScheduleParseResult Parse(string arguments, ScheduleRules rules)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(rules);

        var tokens = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.Empty, string.Empty);
        }

        if (IsKeyword(tokens[0], EveryKeyword))
        {
            return ParseInterval(tokens, rules);
        }

        if (IsKeyword(tokens[0], DailyKeyword))
        {
            return ParseDaily(tokens, rules);
        }

        return ScheduleParseResult.Failure(ScheduleParseError.UnknownForm, tokens[0]);
    }

    private static ScheduleParseResult ParseInterval(string[] tokens, ScheduleRules rules)
    {
        if (tokens.Length < 2)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.MissingValue, tokens[0]);
        }

        if (!DurationParser.TryParse(tokens[1], out var every))
        {
            return ScheduleParseResult.Failure(ScheduleParseError.BadDuration, tokens[1]);
        }

        if (every < rules.MinimumInterval)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.TooFrequent, tokens[1]);
        }

        if (every > rules.MaximumInterval)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.TooRare, tokens[1]);
        }

        var grace = ParseGrace(tokens, 2, rules);
        if (grace.Failure is not null)
        {
            return grace.Failure;
        }

        if (grace.Value >= every)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.GraceTooLong, grace.Token);
        }

        return ScheduleParseResult.Success(Schedule.Interval(every, grace.Value));
    }

    private static ScheduleParseResult ParseDaily(string[] tokens, ScheduleRules rules)
    {
        var times = new SortedSet<TimeOnly>();
        var index = 1;
        for (; index < tokens.Length && !IsKeyword(tokens[index], GraceKeyword); index++)
        {
            if (!TryParseTime(tokens[index], out var time))
            {
                return ScheduleParseResult.Failure(ScheduleParseError.BadTime, tokens[index]);
            }

            if (times.Add(time) && times.Count > Schedule.MaxDailyTimes)
            {
                return ScheduleParseResult.Failure(ScheduleParseError.TooManyTimes, tokens[index]);
            }
        }

        if (times.Count == 0)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.MissingValue, tokens[0]);
        }

        var sorted = times.ToArray();
        var (gap, later) = Schedule.ShortestDailyGap(sorted);
        if (gap < rules.MinimumInterval)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.TooFrequent, Schedule.FormatTime(later));
        }

        // A daily schedule owes a check-in at least once a day: it counts as an interval of one day.
        if (OneDay > rules.MaximumInterval)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.TooRare, tokens[0]);
        }

        var grace = ParseGrace(tokens, index, rules);
        if (grace.Failure is not null)
        {
            return grace.Failure;
        }

        if (grace.Value >= gap)
        {
            return ScheduleParseResult.Failure(ScheduleParseError.GraceTooLong, grace.Token);
        }

        return ScheduleParseResult.Success(Schedule.Daily(sorted, grace.Value));
    }

    /// <summary>Reads an optional "grace &lt;duration&gt;" tail starting at <paramref name="index"/>, which must end the command.</summary>
    private static (TimeSpan Value, string Token, ScheduleParseResult? Failure) ParseGrace(string[] tokens, int index, ScheduleRules rules)
    {
        if (index == tokens.Length)
        {
            return (rules.DefaultGrace, string.Empty, null);
        }

        if (!IsKeyword(tokens[index], GraceKeyword))
        {
            return (default, string.Empty, ScheduleParseResult.Failure(ScheduleParseError.UnexpectedToken, tokens[index]));
        }

        if (index + 1 == tokens.Length)
        {
            return (default, string.Empty, ScheduleParseResult.Failure(ScheduleParseError.MissingValue, tokens[index]));
        }

        var token = tokens[index + 1];
        if (!DurationParser.TryParse(token, out var grace))
        {
            return (default, string.Empty, ScheduleParseResult.Failure(ScheduleParseError.BadDuration, token));
        }

        if (index + 2 < tokens.Length)
        {
            return (default, string.Empty, ScheduleParseResult.Failure(ScheduleParseError.UnexpectedToken, tokens[index + 2]));
        }

        return (grace, token, null);
    }

    /// <summary>Reads "HH:mm" (the hour may have one digit) in 24-hour form, ASCII digits only.</summary>
    private static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || text.Length != colon + 3)
        {
            return false;
        }

        if (!TryReadDigits(text.AsSpan(0, colon), out var hour) || !TryReadDigits(text.AsSpan(colon + 1), out var minute))
        {
            return false;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsKeyword(string token, string keyword) => string.Equals(token, keyword, StringComparison.OrdinalIgnoreCase);
}
