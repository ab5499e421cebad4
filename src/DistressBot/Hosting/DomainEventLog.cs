using DistressBot.Domain;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Writes each committed <see cref="DomainEvent"/> as one log event with its own id (3300–3349): what happened to which case, never to whom.</summary>
public sealed partial class DomainEventLog(ILogger<DomainEventLog> logger) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var happened in changes.Events)
        {
            Write(happened);
        }
    }

    private void Write(DomainEvent happened)
    {
        switch (happened)
        {
            case AlarmRaised { Kind: CaseTrigger.Drill } drill:
                LogDrill(drill.CaseId);
                break;
            case AlarmRaised { NewCase: true } opened:
                LogOpened(opened.CaseId, opened.Kind, opened.Level);
                break;
            case AlarmRaised joined:
                LogJoined(joined.CaseId, joined.Kind, joined.Level);
                break;
            case DowntimeCaughtUp late:
                LogCaughtUp(late.CaseId, Round(late.DownFor));
                break;
            case CaseLevelChanged level:
                LogEscalated(level.CaseId, level.Level, level.Reason);
                break;
            case CaseRepeated repeated:
                LogRepeated(repeated.CaseId, repeated.Level);
                break;
            case CaseAcknowledged acknowledged:
                LogAcknowledged(acknowledged.CaseId, RoleWord(acknowledged.By), Round(acknowledged.SinceOpened));
                break;
            case QuietTakerReminded quiet:
                LogQuiet(quiet.CaseId);
                break;
            case CaseResolved resolved:
                LogResolved(resolved.CaseId, OutcomeWord(resolved.Outcome), RoleWord(resolved.By), Round(resolved.OpenFor));
                break;
            case PersonUnreachable unreachable:
                LogUnreachable(RoleWord(unreachable.Who), unreachable.CaseId ?? "none");
                break;
            case CoverageGapReported gap:
                LogCoverageGap(gap.Subjects, gap.Told);
                break;
            case CheckedIn:
                break; // counted by the metrics (BotMetricsObserver); a line per check-in would tell the admin nothing to act on
            default:
                LogUnknown(happened.GetType().Name);
                break;
        }
    }

    private static TimeSpan Round(TimeSpan value) => TimeSpan.FromSeconds(Math.Round(value.TotalSeconds));

    // Lower-case words, so a message reads "acknowledged by a coordinator" and "resolved (safe)".
    private static string RoleWord(Role role) => role switch
    {
        Role.Subject => "subject",
        Role.Coordinator => "coordinator",
        Role.Lawyer => "lawyer",
        _ => "unknown role",
    };

    private static string OutcomeWord(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Safe => "safe",
        CaseOutcome.Detained => "detained",
        CaseOutcome.Missing => "missing",
        CaseOutcome.Hospitalised => "hospitalised",
        CaseOutcome.Other => "other",
        _ => "unknown outcome",
    };

    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Case {CaseId} opened: {Kind} alarm, alerting level {Level}")]
    private partial void LogOpened(string caseId, CaseTrigger kind, int level);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Case {CaseId}: a {Kind} alarm joined the open case (level {Level})")]
    private partial void LogJoined(string caseId, CaseTrigger kind, int level);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Drill {CaseId} started")]
    private partial void LogDrill(string caseId);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Case {CaseId}: the missed deadline fell while the bot or its link to Telegram was down ({DownFor}); acted on now")]
    private partial void LogCaughtUp(string caseId, TimeSpan downFor);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Case {CaseId} escalated to level {Level}: {Reason}")]
    private partial void LogEscalated(string caseId, int level, LevelChangeReason reason);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Case {CaseId} still unacknowledged: alert repeated at level {Level}")]
    private partial void LogRepeated(string caseId, int level);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Information, Message = "Case {CaseId} acknowledged by a {Role} {SinceOpened} after it opened")]
    private partial void LogAcknowledged(string caseId, string role, TimeSpan sinceOpened);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Information, Message = "Case {CaseId} acknowledged but quiet: its taker was reminded")]
    private partial void LogQuiet(string caseId);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Information, Message = "Case {CaseId} resolved ({Outcome}) by a {Role} {OpenFor} after it opened")]
    private partial void LogResolved(string caseId, string outcome, string role, TimeSpan openFor);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Warning, Message = "A {Role} is unreachable on Telegram for good (blocked the bot or deactivated); case {CaseId}")]
    private partial void LogUnreachable(string role, string caseId);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Error, Message = "Coverage gap: {Subjects} subjects have no reachable coordinator; {Told} people were told")]
    private partial void LogCoverageGap(int subjects, int told);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "Unlogged domain event {EventType}")]
    private partial void LogUnknown(string eventType);
}
