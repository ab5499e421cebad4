using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace DistressBot.Domain;

/// <summary>A subject's check-in schedule: an interval or a set of daily wall-clock times, plus a grace period.</summary>
/// <remarks>
/// One flat record rather than a hierarchy keeps the JSON shape plain (no type discriminator to version). The
/// constructor enforces every invariant, so a tampered or hand-edited stored schedule fails to load instead of
/// producing nonsense deadlines. Policy limits that may change over time (the minimum interval) are checked by
/// <c>Checkins/ScheduleParser</c> only, so a schedule accepted once keeps loading.
/// </remarks>
public sealed record Schedule
{
    /// <summary>The most daily times one schedule may have.</summary>
    public const int MaxDailyTimes = 12;

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly TimeOnly[]? _dailyTimes;

    /// <summary>Creates a schedule after checking its invariants; prefer <see cref="Interval"/> and <see cref="Daily"/>.</summary>
    /// <exception cref="ArgumentException">An interval schedule without a positive interval of at most 30 days or with daily times; a daily schedule with an interval, or without 1 to <see cref="MaxDailyTimes"/> sorted, distinct, whole-minute times.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is unknown, or <paramref name="grace"/> is not both positive and shorter than the shortest gap between deadlines.</exception>
    [JsonConstructor]
    public Schedule(ScheduleKind kind, TimeSpan? every, IReadOnlyList<TimeOnly>? dailyTimes, TimeSpan grace)
    {
        switch (kind)
        {
            case ScheduleKind.Interval:
                if (every is not { } period || period <= TimeSpan.Zero || period > DurationParser.Maximum)
                {
                    throw new ArgumentException("An interval schedule needs a positive interval of at most 30 days.", nameof(every));
                }

                if (dailyTimes is not null)
                {
                    throw new ArgumentException("An interval schedule has no daily times.", nameof(dailyTimes));
                }

                break;
            case ScheduleKind.Daily:
                if (every is not null)
                {
                    throw new ArgumentException("A daily schedule has no interval.", nameof(every));
                }

                CheckDailyTimes(dailyTimes);
                _dailyTimes = [.. dailyTimes];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown schedule kind.");
        }

        Kind = kind;
        Every = every;
        Grace = grace;
        if (grace <= TimeSpan.Zero || grace >= ShortestGap())
        {
            throw new ArgumentOutOfRangeException(nameof(grace), grace, "Grace must be positive and shorter than the shortest gap between deadlines.");
        }
    }

    /// <summary>Interval or daily.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The interval between check-ins for <see cref="ScheduleKind.Interval"/>; null for daily schedules.</summary>
    public TimeSpan? Every { get; }

    /// <summary>Sorted, distinct whole-minute local times for <see cref="ScheduleKind.Daily"/>; null for interval schedules.</summary>
    public IReadOnlyList<TimeOnly>? DailyTimes => _dailyTimes;

    /// <summary>How long after a deadline a missing check-in becomes a miss.</summary>
    public TimeSpan Grace { get; }

    /// <summary>An interval schedule: a check-in is owed <paramref name="every"/> after the previous one.</summary>
    /// <exception cref="ArgumentException"><paramref name="every"/> is not positive, or longer than 30 days.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grace"/> is not both positive and shorter than <paramref name="every"/>.</exception>
    public static Schedule Interval(TimeSpan every, TimeSpan grace) => new(ScheduleKind.Interval, every, null, grace);

    /// <summary>A daily schedule at the given local times, which are sorted and de-duplicated here.</summary>
    /// <exception cref="ArgumentException"><paramref name="times"/> has none, or more than <see cref="MaxDailyTimes"/> distinct times, or a time that is not a whole minute.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grace"/> is not both positive and shorter than the shortest gap between the times.</exception>
    public static Schedule Daily(IEnumerable<TimeOnly> times, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(times);
        return new(ScheduleKind.Daily, null, times.Distinct().Order().ToArray(), grace);
    }

    /// <summary>The interval, or for daily schedules the smallest wall-clock gap between consecutive times, wrapping past midnight.</summary>
    public TimeSpan ShortestGap() => Kind == ScheduleKind.Interval ? Every!.Value : ShortestDailyGap(_dailyTimes!).Gap;

    /// <summary>The canonical command text, e.g. "every 12h grace 30m" or "daily 09:00 21:00 grace 45m"; it parses back to this schedule.</summary>
    public string ToCommandText()
    {
        var builder = new StringBuilder();
        if (Kind == ScheduleKind.Interval)
        {
            builder.Append("every ").Append(DurationToken.Format(Every!.Value));
        }
        else
        {
            builder.Append("daily");
            foreach (var time in _dailyTimes!)
            {
                builder.Append(' ').Append(FormatTime(time));
            }
        }

        return builder.Append(" grace ").Append(DurationToken.Format(Grace)).ToString();
    }

    /// <summary>The canonical command text; the generated record text would only show the list's type name.</summary>
    public override string ToString() => ToCommandText();

    /// <summary>Value equality, including the daily times element by element.</summary>
    public bool Equals(Schedule? other) =>
        other is not null
        && Kind == other.Kind
        && Every == other.Every
        && Grace == other.Grace
        && (_dailyTimes ?? []).AsSpan().SequenceEqual(other._dailyTimes ?? []);

    /// <summary>A hash consistent with <see cref="Equals(Schedule?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Every);
        hash.Add(Grace);
        foreach (var time in _dailyTimes ?? [])
        {
            hash.Add(time);
        }

        return hash.ToHashCode();
    }

    /// <summary>"HH:mm", the only way daily times are written.</summary>
    internal static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The smallest gap between consecutive sorted times (the last wraps to the first of the next day) and the later time of that pair.</summary>
    internal static (TimeSpan Gap, TimeOnly Later) ShortestDailyGap(IReadOnlyList<TimeOnly> sortedTimes)
    {
        // A single time is a 24-hour gap to itself the next day.
        var best = (Gap: sortedTimes[0].ToTimeSpan() + OneDay - sortedTimes[^1].ToTimeSpan(), Later: sortedTimes[0]);
        for (var i = 1; i < sortedTimes.Count; i++)
        {
            var gap = sortedTimes[i] - sortedTimes[i - 1];
            if (gap < best.Gap)
            {
                best = (gap, sortedTimes[i]);
            }
        }

        return best;
    }

    private static void CheckDailyTimes([NotNull] IReadOnlyList<TimeOnly>? times)
    {
        if (times is null || times.Count == 0 || times.Count > MaxDailyTimes)
        {
            throw new ArgumentException($"A daily schedule needs 1 to {MaxDailyTimes} times.", nameof(times));
        }

        for (var i = 0; i < times.Count; i++)
        {
            if (times[i].Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new ArgumentException("Daily times are whole minutes.", nameof(times));
            }

            if (i > 0 && times[i] <= times[i - 1])
            {
                throw new ArgumentException("Daily times must be sorted and distinct.", nameof(times));
            }
        }
    }
}
