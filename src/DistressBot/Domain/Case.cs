namespace DistressBot.Domain;

/// <summary>Why a case was opened or joined.</summary>
public enum CaseTrigger
{
    /// <summary>Deadline plus grace passed without a check-in.</summary>
    MissedCheckin,

    /// <summary>The subject sent /sos.</summary>
    Sos,

    /// <summary>A coordinator reported the subject missing (/missing).</summary>
    MissingReport,

    /// <summary>Telegram refused messages to the subject for good: the phone or account may be in other hands.</summary>
    SubjectUnreachable,

    /// <summary>A rehearsal started by a coordinator (/drill).</summary>
    Drill,

    /// <summary>The subject gave the duress PIN: to the phone it looked like success.</summary>
    Duress,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    /// <summary>Nobody has taken it yet (or the one who took it went quiet).</summary>
    Open,

    /// <summary>Someone took responsibility; not yet resolved.</summary>
    Acknowledged,

    /// <summary>Closed with an outcome.</summary>
    Resolved,
}

/// <summary>How a case ended.</summary>
public enum CaseOutcome
{
    /// <summary>The subject is safe; a false alarm.</summary>
    Safe,

    /// <summary>Detained by police or others.</summary>
    Detained,

    /// <summary>Missing: whereabouts unknown.</summary>
    Missing,

    /// <summary>In hospital.</summary>
    Hospitalised,

    /// <summary>Something else, described in a note.</summary>
    Other,
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

    /// <summary>Level 2 (backup coordinators and lawyers) was brought in.</summary>
    Escalated,

    /// <summary>Unacknowledged recipients were reminded.</summary>
    Repeated,

    /// <summary>Someone took responsibility.</summary>
    Acknowledged,

    /// <summary>The one who acknowledged was reminded to act.</summary>
    AcknowledgedReminder,

    /// <summary>A note was added.</summary>
    Note,

    /// <summary>The subject shared a location.</summary>
    Location,

    /// <summary>The case was resolved.</summary>
    Resolved,

    /// <summary>A recipient cannot be reached on Telegram; the alert moved on.</summary>
    RecipientUnreachable,

    /// <summary>The bot or its link to Telegram was down while the case ran.</summary>
    Outage,

    /// <summary>A queued message was not sent: the case was resolved before it could go.</summary>
    AlertDropped,

    /// <summary>An alert was due while one still waited for the recipient: no second copy; the waiting one tells the case as it stands when it goes.</summary>
    AlertMerged,

    /// <summary>Someone on the case read it (/case).</summary>
    Read,

    /// <summary>Someone on the case, or the admin, exported its bundle.</summary>
    Exported,

    /// <summary>Someone not on the case asked for it and was told there is no such case.</summary>
    AccessRefused,

    /// <summary>Someone on the case set a fact for the drafts (/fact); the detail is "key: value".</summary>
    Fact,

    /// <summary>Someone on the case, or the admin, made a draft filing; the detail is "kind language sha256=hex".</summary>
    DraftMade,
    /// <summary>The admin released the resolved case from legal hold: it is purged once the retention period after this has passed.</summary>
    Released,

    /// <summary>Someone on the case sent a file as evidence; the detail is "sha256=hex bytes=n type=mime name=file name" and the bytes are kept sealed beside the case.</summary>
    Evidence,

    /// <summary>The admin removed someone in the case's chain from the bot (distressbot revoke); the step names them.</summary>
    Revoked,
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

    /// <summary>Free detail: the missed deadline, a Telegram message id, a note's text, an error.</summary>
    public string? Detail { get; init; }

    /// <summary>Telegram's date of the message behind the step (a check-in, a command, a delivered alert), if any.</summary>
    public DateTimeOffset? TelegramDate { get; init; }

    /// <summary>Telegram's message id of a delivered message, if any.</summary>
    public long? MessageId { get; init; }

    /// <summary>The words of a delivered message as sent, if any.</summary>
    public string? Text { get; init; }

    /// <summary>The admin did it from the command line (no person).</summary>
    public bool ByAdmin { get; init; }
}

/// <summary>An alert message Telegram accepted, so later presses can edit every recipient's copy.</summary>
/// <param name="PersonId">Recipient.</param>
/// <param name="ChatId">Recipient chat.</param>
/// <param name="MessageId">Telegram's message id.</param>
/// <param name="Text">The text as sent, without a status line (edits append the status line to it).</param>
public sealed record AlertCopy(string PersonId, long ChatId, int MessageId, string Text)
{
    /// <summary>The case state the copy shows (<c>Escalation/CaseAlerts.StateShown</c>); null for an open case's copy.</summary>
    public string? Shows { get; init; }
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

    /// <summary>A rehearsal: marked DRILL everywhere and never sent to the subject.</summary>
    public bool IsDrill { get; init; }

    /// <summary>The duress PIN opened or joined it: every message of the case says DURESS and warns not to contact the subject's phone.</summary>
    public bool IsDuress { get; set; }

    /// <summary>When the duress PIN was last given.</summary>
    public DateTimeOffset? DuressAt { get; set; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Where it stands.</summary>
    public CaseStatus Status { get; set; }

    /// <summary>For a missed check-in: the deadline that was missed.</summary>
    public DateTimeOffset? MissedDeadline { get; set; }

    /// <summary>For a missed check-in: when the grace ended.</summary>
    public DateTimeOffset? GraceEnd { get; set; }

    /// <summary>The subject's last check-in when the case opened.</summary>
    public DateTimeOffset? LastCheckinAt { get; set; }

    /// <summary>For a missing report or drill: who started it.</summary>
    public string? ReportedBy { get; set; }

    /// <summary>For a missing report: what the coordinator wrote.</summary>
    public string? ReportText { get; set; }

    /// <summary>The bot (or its link to Telegram) was down from this instant, around when the case opened.</summary>
    public DateTimeOffset? BotDownFrom { get; set; }

    /// <summary>… until this instant.</summary>
    public DateTimeOffset? BotDownTo { get; set; }

    /// <summary>1 = the subject's coordinators; 2 = also backup coordinators and lawyers.</summary>
    public int Level { get; set; } = 1;

    /// <summary>When level 2 was brought in.</summary>
    public DateTimeOffset? LevelTwoAt { get; set; }

    /// <summary>When the unacknowledged recipients were last told.</summary>
    public DateTimeOffset LastNotifiedAt { get; set; }

    /// <summary>Who acknowledged (person id).</summary>
    public string? AcknowledgedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The first acknowledgement ever (kept when a quiet acknowledgement is escalated again).</summary>
    public DateTimeOffset? FirstAcknowledgedAt { get; set; }

    /// <summary>Last note or acknowledgement: the acknowledged-reminder clock starts here.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>The acknowledged reminder went out at this instant (null: not yet).</summary>
    public DateTimeOffset? ActivityReminderAt { get; set; }

    /// <summary>When a lawyer was first told.</summary>
    public DateTimeOffset? LawyerToldAt { get; set; }

    /// <summary>Who resolved it.</summary>
    public string? ResolvedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How it ended.</summary>
    public CaseOutcome? Outcome { get; set; }

    /// <summary>Everyone alerted so far (person ids), so repeats and status edits reach them all.</summary>
    public List<string> Recipients { get; init; } = [];

    /// <summary>Alert messages Telegram accepted.</summary>
    public List<AlertCopy> Copies { get; init; } = [];

    /// <summary>Everything that happened, in order.</summary>
    public List<CaseEntry> Timeline { get; init; } = [];

    /// <summary>Facts given for the draft filings (/fact), by key (<c>Escalation/DraftFacts</c>): the latest value of each; never shown to the subject.</summary>
    public Dictionary<string, string> Facts { get; init; } = new(StringComparer.Ordinal);
    /// <summary>When the admin released the case from legal hold (`distressbot cases release`); null while it is held, as every case is from opening.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}
