namespace DistressBot.Domain;

/// <summary>The limits <c>Checkins/ScheduleParser</c> and <c>Checkins/PauseCheckins</c> apply to what a subject asks for.</summary>
public sealed record ScheduleRules
{
    /// <summary>The longest interval and the longest pause when none is configured: a week.</summary>
    public static readonly TimeSpan DefaultMaximum = TimeSpan.FromDays(7);

    /// <summary>Creates rules; the default grace must be shorter than the minimum interval so an omitted grace is always valid.</summary>
    /// <param name="minimumInterval">The shortest interval (and daily gap) a subject may choose.</param>
    /// <param name="defaultGrace">The grace of a schedule that names none.</param>
    /// <param name="maximumInterval">The longest interval a subject may choose (a daily schedule counts as one day); null: <see cref="DefaultMaximum"/>.</param>
    /// <param name="maximumPause">The longest pause a subject may ask for; null: <see cref="DefaultMaximum"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An interval, grace or pause is not positive, <paramref name="defaultGrace"/> is not shorter than <paramref name="minimumInterval"/>, or <paramref name="maximumInterval"/> is below <paramref name="minimumInterval"/>.</exception>
    public ScheduleRules(TimeSpan minimumInterval, TimeSpan defaultGrace, TimeSpan? maximumInterval = null, TimeSpan? maximumPause = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minimumInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(defaultGrace, TimeSpan.Zero);

        // Otherwise "every <minimum>" without a grace would be refused for a grace the person never typed.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(defaultGrace, minimumInterval);
        var longest = maximumInterval ?? DefaultMaximum;
        ArgumentOutOfRangeException.ThrowIfLessThan(longest, minimumInterval, nameof(maximumInterval));
        var pause = maximumPause ?? DefaultMaximum;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pause, TimeSpan.Zero, nameof(maximumPause));
        MinimumInterval = minimumInterval;
        DefaultGrace = defaultGrace;
        MaximumInterval = longest;
        MaximumPause = pause;
    }

    /// <summary>The shortest interval, and the smallest gap between daily times, a person may choose.</summary>
    public TimeSpan MinimumInterval { get; }

    /// <summary>The grace used when the command names none.</summary>
    public TimeSpan DefaultGrace { get; }

    /// <summary>The longest interval a subject may choose; a daily schedule counts as one day (a phone in other hands must not stretch the silence).</summary>
    public TimeSpan MaximumInterval { get; }

    /// <summary>The longest pause a subject may ask for at once.</summary>
    public TimeSpan MaximumPause { get; }
}
