namespace DistressBot.Domain;

/// <summary>How fast a case widens: level 2 after <see cref="AcknowledgeTimeout"/>, repeats every <see cref="RepeatEvery"/>, a quiet acknowledgement reminded after <see cref="AcknowledgedReminder"/>.</summary>
/// <param name="AcknowledgeTimeout">Level 1 alone for this long before level 2 is brought in.</param>
/// <param name="RepeatEvery">Unacknowledged recipients are told again this often.</param>
/// <param name="AcknowledgedReminder">An acknowledged case with no note or resolution this long reminds its taker; twice that escalates again.</param>
public sealed record EscalationPolicy(TimeSpan AcknowledgeTimeout, TimeSpan RepeatEvery, TimeSpan AcknowledgedReminder)
{
    /// <summary>This policy with a subject's overrides applied.</summary>
    public EscalationPolicy With(EscalationPolicyOverride? overrides) => overrides is null
        ? this
        : new EscalationPolicy(
            overrides.AcknowledgeTimeout ?? AcknowledgeTimeout,
            overrides.RepeatEvery ?? RepeatEvery,
            overrides.AcknowledgedReminder ?? AcknowledgedReminder);
}

/// <summary>A subject's own escalation timings, set by an admin; null fields keep the deployment's.</summary>
public sealed record EscalationPolicyOverride(TimeSpan? AcknowledgeTimeout, TimeSpan? RepeatEvery, TimeSpan? AcknowledgedReminder);
