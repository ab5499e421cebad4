namespace DistressBot.Checkins;

/// <summary>Where a subject stands against the deadline it owes at one instant.</summary>
public enum SubjectTimingState
{
    /// <summary>The deadline is further away than the reminder lead.</summary>
    Ok = 0,

    /// <summary>From the reminder lead before the deadline until the grace after it runs out.</summary>
    Due,

    /// <summary>The grace after the deadline has run out, or the miss was already recorded.</summary>
    Missed,
}
