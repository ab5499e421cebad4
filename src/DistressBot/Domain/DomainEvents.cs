namespace DistressBot.Domain;

/// <summary>Something that happened in a unit of work, told to the store's observer (the log) only after the commit: case numbers, kinds, roles and counts, never a name, id of a person, text or place.</summary>
public abstract record DomainEvent;

/// <summary>An alarm opened a case or joined the subject's open one.</summary>
/// <param name="CaseId">"C-0042".</param>
/// <param name="Kind">Missed check-in, SOS, missing report, unreachable subject or drill.</param>
/// <param name="NewCase">False when the alarm joined a case that was already open.</param>
/// <param name="Level">The level alerted (2 when both levels were told at once).</param>
public sealed record AlarmRaised(string CaseId, CaseTrigger Kind, bool NewCase, int Level) : DomainEvent;

/// <summary>A missed deadline fell while the bot or its link to Telegram was down, and is acted on now.</summary>
/// <param name="CaseId">The case the late alarm opened or joined.</param>
/// <param name="DownFor">How long the bot was down around the deadline.</param>
public sealed record DowntimeCaughtUp(string CaseId, TimeSpan DownFor) : DomainEvent;

/// <summary>Why a case moved to a higher level.</summary>
public enum LevelChangeReason
{
    /// <summary>Nobody acknowledged within the acknowledge timeout.</summary>
    NobodyAcknowledged,

    /// <summary>A level-1 recipient cannot be reached on Telegram.</summary>
    RecipientUnreachable,

    /// <summary>Acknowledged, but no note or resolution after the reminder: reopened at both levels.</summary>
    AcknowledgedButQuiet,
}

/// <summary>A case widened to <paramref name="Level"/>.</summary>
/// <param name="CaseId">"C-0042".</param>
/// <param name="Level">The new level.</param>
/// <param name="Reason">Why.</param>
public sealed record CaseLevelChanged(string CaseId, int Level, LevelChangeReason Reason) : DomainEvent;

/// <summary>An unacknowledged case's alert was sent again.</summary>
/// <param name="CaseId">"C-0042".</param>
/// <param name="Level">The case's level.</param>
public sealed record CaseRepeated(string CaseId, int Level) : DomainEvent;

/// <summary>Someone took the case.</summary>
/// <param name="CaseId">"C-0042".</param>
/// <param name="By">The taker's role (never who).</param>
/// <param name="SinceOpened">Time from opening to this acknowledgement.</param>
public sealed record CaseAcknowledged(string CaseId, Role By, TimeSpan SinceOpened) : DomainEvent;

/// <summary>An acknowledged case stayed quiet; its taker was reminded.</summary>
/// <param name="CaseId">"C-0042".</param>
public sealed record QuietTakerReminded(string CaseId) : DomainEvent;

/// <summary>A case was closed.</summary>
/// <param name="CaseId">"C-0042".</param>
/// <param name="Outcome">Safe, detained, missing, hospitalised or other.</param>
/// <param name="By">The resolver's role.</param>
/// <param name="OpenFor">Time from opening to resolution.</param>
public sealed record CaseResolved(string CaseId, CaseOutcome Outcome, Role By, TimeSpan OpenFor) : DomainEvent;

/// <summary>Telegram refuses messages to a person for good (blocked the bot, deactivated, chat gone).</summary>
/// <param name="Who">Their role.</param>
/// <param name="CaseId">The case whose alert failed, if any.</param>
public sealed record PersonUnreachable(Role Who, string? CaseId) : DomainEvent;

/// <summary>Subjects with no reachable coordinator were reported.</summary>
/// <param name="Subjects">How many subjects were reported.</param>
/// <param name="Told">How many people were told.</param>
public sealed record CoverageGapReported(int Subjects, int Told) : DomainEvent;

/// <summary>A subject's check-in was recorded (a duress one too, as the phone sees it): counted by the metrics, not logged.</summary>
public sealed record CheckedIn : DomainEvent;
