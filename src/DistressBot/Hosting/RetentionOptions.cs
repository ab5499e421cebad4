namespace DistressBot.Hosting;

/// <summary>How long what the bot stores is kept (section "Retention"); a case under legal hold is kept whatever these say.</summary>
public sealed class RetentionOptions
{
    /// <summary>The longest a routine check-in record is kept (an update set aside after failing), in days.</summary>
    public int CheckinDays { get; set; } = 30;

    /// <summary>How long a case released from legal hold is kept before it is purged (its key destroyed), in days.</summary>
    public int ReleasedCaseDays { get; set; } = 90;

    /// <summary><see cref="CheckinDays"/> as a duration.</summary>
    public TimeSpan Checkins => TimeSpan.FromDays(CheckinDays);

    /// <summary><see cref="ReleasedCaseDays"/> as a duration.</summary>
    public TimeSpan ReleasedCases => TimeSpan.FromDays(ReleasedCaseDays);

    /// <summary>Adds a problem with each setting, naming it and how to fix it.</summary>
    internal void Validate(List<string> errors)
    {
        if (CheckinDays is < 1 or > 3650)
        {
            errors.Add($"Retention:CheckinDays ({CheckinDays}) must be 1 to 3650 days, e.g. 30.");
        }

        if (ReleasedCaseDays is < 1 or > 36500)
        {
            errors.Add($"Retention:ReleasedCaseDays ({ReleasedCaseDays}) must be 1 to 36500 days, e.g. 90: a released case is purged that long after its release.");
        }
    }
}
