namespace DistressBot.Domain;

/// <summary>Why an alert about a case goes out now.</summary>
public enum AlertReason
{
    /// <summary>The alarm that opened or joined the case.</summary>
    Alarm,

    /// <summary>Nobody acknowledged in time: level 2 is brought in.</summary>
    Escalated,

    /// <summary>Still unacknowledged: told again.</summary>
    Repeat,

    /// <summary>Acknowledged, then nothing: escalated again.</summary>
    Reopened,
}
