using System.Diagnostics.CodeAnalysis;
using DistressBot.Domain;

namespace DistressBot.Checkins;

/// <summary>Either a parsed schedule or an error code with the token that caused it.</summary>
public sealed record ScheduleParseResult
{
    private ScheduleParseResult(Schedule? schedule, ScheduleParseError error, string token)
    {
        Schedule = schedule;
        Error = error;
        Token = token;
    }

    /// <summary>The schedule when parsing succeeded; otherwise null.</summary>
    public Schedule? Schedule { get; }

    /// <summary><see cref="ScheduleParseError.None"/> on success; otherwise why parsing failed.</summary>
    public ScheduleParseError Error { get; }

    /// <summary>The offending token as the person typed it (empty on success), for quoting back in the error text.</summary>
    public string Token { get; }

    /// <summary>True when <see cref="Schedule"/> holds the parsed schedule.</summary>
    [MemberNotNullWhen(true, nameof(Schedule))]
    public bool IsSuccess => Schedule is not null;

    /// <summary>A successful result.</summary>
    public static ScheduleParseResult Success(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(schedule, ScheduleParseError.None, string.Empty);
    }

    /// <summary>A failed result naming the error and the token it concerns.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is <see cref="ScheduleParseError.None"/>.</exception>
    public static ScheduleParseResult Failure(ScheduleParseError error, string token)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(error, ScheduleParseError.None);
        ArgumentNullException.ThrowIfNull(token);
        return new(null, error, token);
    }
}
