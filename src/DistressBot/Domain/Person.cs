using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>What an enrolled person may do.</summary>
public enum Role
{
    /// <summary>An at-risk person who checks in.</summary>
    Subject,

    /// <summary>Receives escalations about their subjects.</summary>
    Coordinator,

    /// <summary>Told of cases; pulls case logs.</summary>
    Lawyer,
}

/// <summary>An enrolled person; sealed whole in the store, found by a keyed hash of the Telegram user id.</summary>
public sealed class Person
{
    /// <summary>Store id ("p17").</summary>
    public required string Id { get; init; }

    /// <summary>The role fixed at enrollment.</summary>
    public required Role Role { get; init; }

    /// <summary>Numeric Telegram user id (never the username, which its owner can change).</summary>
    public required long TelegramUserId { get; init; }

    /// <summary>The private chat the bot writes to.</summary>
    public required long ChatId { get; set; }

    /// <summary>The admin-given name of a coordinator or lawyer, or the alias a coordinator gave a subject.</summary>
    public required string Name { get; set; }

    /// <summary>Language of every text sent to this person.</summary>
    public Language Language { get; set; }

    /// <summary>IANA time zone for times shown to this person (and a subject's daily schedule).</summary>
    public required string TimeZone { get; set; }

    /// <summary>When enrollment completed.</summary>
    public DateTimeOffset EnrolledAt { get; init; }

    /// <summary>For subjects: their coordinators' ids.</summary>
    public List<string> CoordinatorIds { get; init; } = [];

    /// <summary>For coordinators: their subjects' ids; for lawyers: the subjects they are assigned to.</summary>
    public List<string> SubjectIds { get; init; } = [];

    /// <summary>For coordinators: subjects they back up (told at escalation level 2).</summary>
    public List<string> BackupSubjectIds { get; init; } = [];

    /// <summary>For subjects: backup coordinators (level 2).</summary>
    public List<string> BackupCoordinatorIds { get; init; } = [];

    /// <summary>For coordinators: lawyers every subject they enrol gets.</summary>
    public List<string> DefaultLawyerIds { get; init; } = [];

    /// <summary>For subjects: their lawyers (level 2).</summary>
    public List<string> LawyerIds { get; init; } = [];

    /// <summary>For subjects: the response plan written by their coordinators, shown with every alert.</summary>
    public string? ResponsePlan { get; set; }

    /// <summary>For subjects: the last location they shared.</summary>
    public SharedLocation? LastLocation { get; set; }

    /// <summary>For subjects: escalation timings that differ from the deployment's.</summary>
    public EscalationPolicyOverride? Policy { get; set; }

    /// <summary>Since when Telegram refuses messages to this person for good (blocked the bot, deactivated); cleared when they write again.</summary>
    public DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>Telegram's reason, for the admin.</summary>
    public string? UnreachableReason { get; set; }

    /// <summary>For subjects: when a gap in their chain (nobody reachable) was last reported.</summary>
    public DateTimeOffset? CoverageGapReportedAt { get; set; }

    /// <summary>For coordinators: the subject whose response plan their next plain message sets (after a bare /plan Alias).</summary>
    public string? PendingPlanFor { get; set; }

    /// <summary>For subjects: cover wording for this subject's chat even when the deployment does not use it (`distressbot cover ALIAS on|off`).</summary>
    public bool CoverWording { get; set; }

    /// <summary>For subjects: the command menu last set for their chat (<c>CommandMenu</c> key), or null when none was ever set.</summary>
    public string? MenuShown { get; set; }
    /// <summary>For subjects: their check-in and duress PINs as hashes, or null until set (check-ins then need no PIN).</summary>
    public PinState? Pins { get; set; }

    /// <summary>For subjects: the PIN their next plain message is taken as, if the bot asked for one.</summary>
    public PinPrompt? PinPrompt { get; set; }

    /// <summary>For subjects: wrong PINs in the current window.</summary>
    public PinFailures? PinFailures { get; set; }

    /// <summary>For subjects: the check-in state.</summary>
    public CheckinState? Checkin { get; set; }

    /// <summary>For coordinators and lawyers: the case their files go to after /evidence, until <see cref="EvidenceUntil"/>.</summary>
    public string? EvidenceCaseId { get; set; }

    /// <summary>Telegram's date up to which files they send go to <see cref="EvidenceCaseId"/>.</summary>
    public DateTimeOffset? EvidenceUntil { get; set; }

    /// <summary>For lawyers: their X25519 public key (32 bytes, from /lawyerkey), to which their /export bundles are sealed; null when none.</summary>
    public byte[]? SealingKey { get; set; }
}

/// <summary>A location a subject shared.</summary>
/// <param name="Latitude">Degrees.</param>
/// <param name="Longitude">Degrees.</param>
/// <param name="At">Telegram's date of the message (or of the live update).</param>
/// <param name="Live">A live location that keeps updating.</param>
public sealed record SharedLocation(double Latitude, double Longitude, DateTimeOffset At, bool Live);
