namespace DistressBot.Domain;

/// <summary>The limits <c>Checkins/ScheduleParser</c> applies to what a person asks for.</summary>
public sealed record ScheduleRules
{
    /// <summary>Creates rules; the default grace must be shorter than the minimum interval so an omitted grace is always valid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval or grace is not positive, or <paramref name="defaultGrace"/> is not shorter than <paramref name="minimumInterval"/>.</exception>
    public ScheduleRules(TimeSpan minimumInterval, TimeSpan defaultGrace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minimumInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(defaultGrace, TimeSpan.Zero);

        // Otherwise "every <minimum>" without a grace would be refused for a grace the person never typed.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(defaultGrace, minimumInterval);
        MinimumInterval = minimumInterval;
        DefaultGrace = defaultGrace;
    }

    /// <summary>The shortest interval, and the smallest gap between daily times, a person may choose.</summary>
    public TimeSpan MinimumInterval { get; }

    /// <summary>The grace used when the command names none.</summary>
    public TimeSpan DefaultGrace { get; }
}
