namespace DistressBot.Domain;

/// <summary>
/// The admin's view of enrollment codes that did not work, kept as one small record: counts and times only, never a code
/// or who sent it. It also holds the overall guessing limit, so the limit survives a restart.
/// </summary>
public sealed class RedemptionReport
{
    /// <summary>The key of the record in the store's small named values.</summary>
    public const string StoreKey = "enrollment.redemptions";

    /// <summary>Wrong codes from all senders together in one <see cref="Window"/> before codes from senders who already sent a wrong one are refused unchecked until the window ends.</summary>
    public const int OverallLimit = 50;

    /// <summary>The length of the overall counting window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Wrong, used or expired codes since the data was created.</summary>
    public long Failed { get; set; }

    /// <summary>When the last wrong code came.</summary>
    public DateTimeOffset? LastFailedAt { get; set; }

    /// <summary>Codes refused without being checked (a sender held back, or the overall limit reached).</summary>
    public long RefusedUnchecked { get; set; }

    /// <summary>Times a sender was held back after <c>Enrollment.StrangerLedger.FailuresPerSender</c> wrong codes.</summary>
    public long SendersHeldBack { get; set; }

    /// <summary>When a sender was last held back.</summary>
    public DateTimeOffset? LastHeldBackAt { get; set; }

    /// <summary>Times the overall limit was reached.</summary>
    public long Pauses { get; set; }

    /// <summary>When the overall limit was last reached.</summary>
    public DateTimeOffset? LastPausedAt { get; set; }

    /// <summary>Start of the current overall counting window.</summary>
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>Wrong codes in the current window.</summary>
    public int WindowFailures { get; set; }

    /// <summary>Until when codes from senders who already sent a wrong one are refused unchecked, or null when every code is checked.</summary>
    public DateTimeOffset? PausedUntil(DateTimeOffset now) =>
        WindowFailures >= OverallLimit && now - WindowStart < Window ? WindowStart + Window : null;

    /// <summary>Counts a wrong code at <paramref name="now"/>; true when it is the one that reaches the overall limit.</summary>
    public bool CountFailure(DateTimeOffset now)
    {
        if (now - WindowStart >= Window || now < WindowStart)
        {
            WindowStart = now;
            WindowFailures = 0;
        }

        Failed++;
        LastFailedAt = now;
        WindowFailures++;
        if (WindowFailures != OverallLimit)
        {
            return false;
        }

        Pauses++;
        LastPausedAt = now;
        return true;
    }

    /// <summary>Counts a sender held back at <paramref name="now"/>.</summary>
    public void CountHeldBack(DateTimeOffset now)
    {
        SendersHeldBack++;
        LastHeldBackAt = now;
    }
}
