namespace DistressBot.Checkins;

/// <summary>What a check-in does to the deadline a subject owes.</summary>
/// <param name="Counts">True when the check-in satisfies the owed deadline.</param>
/// <param name="OwedDeadline">The deadline owed after this check-in: the next one when it counts, the unchanged one when it does not.</param>
/// <param name="WindowOpens">When it does not count (too early), the instant from which a check-in would; otherwise null.</param>
public sealed record CheckinEffect(bool Counts, DateTimeOffset OwedDeadline, DateTimeOffset? WindowOpens)
{
    /// <summary>The check-in counted; <paramref name="nextDeadline"/> is owed next.</summary>
    public static CheckinEffect Counted(DateTimeOffset nextDeadline) => new(true, nextDeadline, null);

    /// <summary>The check-in came before the window for <paramref name="owedDeadline"/> opened at <paramref name="windowOpens"/>.</summary>
    public static CheckinEffect TooEarly(DateTimeOffset owedDeadline, DateTimeOffset windowOpens) => new(false, owedDeadline, windowOpens);
}
