namespace DistressBot.Escalation;

/// <summary>Why a case was opened or joined.</summary>
public enum CaseTrigger
{
    /// <summary>Deadline plus grace passed without a check-in.</summary>
    MissedCheckin,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    /// <summary>Nobody has taken it yet.</summary>
    Open,

    /// <summary>Closed by a coordinator.</summary>
    Resolved,
}

/// <summary>What a timeline entry records.</summary>
public enum CaseEntryKind
{
    /// <summary>The case was opened.</summary>
    Opened,

    /// <summary>Another alarm for the same subject joined the open case.</summary>
    Joined,

    /// <summary>An alert was queued for a recipient.</summary>
    AlertQueued,

    /// <summary>Telegram accepted an alert.</summary>
    AlertDelivered,

    /// <summary>Telegram refused an alert for good.</summary>
    AlertFailed,

    /// <summary>The subject checked in while the case was open.</summary>
    SubjectCheckedIn,
}

/// <summary>One step in a case's timeline.</summary>
public sealed class CaseEntry
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public required CaseEntryKind Kind { get; init; }

    /// <summary>The person involved (recipient, actor), if any.</summary>
    public string? PersonId { get; init; }

    /// <summary>Free detail: the missed deadline, a Telegram message id, an error.</summary>
    public string? Detail { get; init; }
}

/// <summary>An alarm about one subject and everything done about it; sealed under the case's own key.</summary>
public sealed class Case
{
    /// <summary>Human-friendly number, "C-0042"; also the store id.</summary>
    public required string Id { get; init; }

    /// <summary>The subject's person id.</summary>
    public required string SubjectId { get; init; }

    /// <summary>What opened it.</summary>
    public required CaseTrigger Trigger { get; init; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public CaseStatus Status { get; set; }

    /// <summary>Everything that happened, in order.</summary>
    public List<CaseEntry> Timeline { get; init; } = [];
}
