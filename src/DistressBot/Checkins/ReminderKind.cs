namespace DistressBot.Checkins;

/// <summary>Which of a deadline's reminders is meant.</summary>
public enum ReminderKind
{
    /// <summary>The reminder sent the lead time before the deadline.</summary>
    BeforeDeadline = 1,

    /// <summary>The reminder sent at the deadline itself, as the grace period starts.</summary>
    AtDeadline = 2,
}
