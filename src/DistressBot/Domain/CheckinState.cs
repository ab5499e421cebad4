namespace DistressBot.Domain;

/// <summary>A subject's check-in state; part of their sealed <see cref="Domain.Person"/> record.</summary>
public sealed class CheckinState
{
    /// <summary>The schedule, or null until the subject sets one.</summary>
    public Schedule? Schedule { get; set; }

    /// <summary>A schedule set after <see cref="OwedDeadline"/> had come: it takes over once a check-in pays that deadline.</summary>
    /// <remarks>An owed deadline is only ever paid by a check-in; a schedule change cannot move it later or drop it.</remarks>
    public Schedule? NextSchedule { get; set; }

    /// <summary>When the schedule was last set.</summary>
    public DateTimeOffset? ScheduleSetAt { get; set; }

    /// <summary>The deadline the subject owes a check-in for.</summary>
    public DateTimeOffset? OwedDeadline { get; set; }

    /// <summary>Telegram's date of the latest check-in.</summary>
    public DateTimeOffset? LastCheckinAt { get; set; }

    /// <summary>True once deadline + grace passed without a check-in; cleared by the next check-in.</summary>
    public bool Missed { get; set; }

    /// <summary>The deadline that was missed, while <see cref="Missed"/>.</summary>
    public DateTimeOffset? MissedDeadline { get; set; }

    /// <summary>The reminder before <see cref="OwedDeadline"/> went out (so a restart does not repeat it).</summary>
    public bool LeadReminderSent { get; set; }

    /// <summary>The reminder at <see cref="OwedDeadline"/> went out.</summary>
    public bool DeadlineReminderSent { get; set; }

    /// <summary>The subject's open case, if any: new alarms join it.</summary>
    public string? OpenCaseId { get; set; }

    /// <summary>An open drill about the subject (kept apart from real alarms).</summary>
    public string? OpenDrillCaseId { get; set; }

    /// <summary>While a pause runs: when it ends. No deadline falls before it; the monitor announces the next one when it comes.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>A pause asked for after <see cref="OwedDeadline"/> had come: it starts, for this long, at the check-in that pays that deadline.</summary>
    public TimeSpan? PauseAfterCheckin { get; set; }
}
