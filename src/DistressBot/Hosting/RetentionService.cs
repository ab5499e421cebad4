using DistressBot.Checkins;
using DistressBot.Escalation;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>
/// Every hour: removes routine check-in history older than <c>Retention:CheckinDays</c> (<see cref="CheckinRetention"/>), then
/// purges each case released from legal hold <c>Retention:ReleasedCaseDays</c> ago, as `cases purge` does (<see cref="CasePurge"/>);
/// each in its own unit of work, each purge logged by case number only.
/// </summary>
public sealed partial class RetentionService(BotRuntime runtime, BotSettings settings, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>How often the service looks (what is due waits at most this long past its day).</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Rung after each round (tests wait on it).</summary>
    internal AsyncSignal Ticked { get; } = new();

    /// <summary>One round at <paramref name="now"/>: what was removed and purged.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<RetentionRound> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var retention = settings.Retention;
        var removed = 0;
        try
        {
            removed = await runtime.Store.RunAsync(db => CheckinRetention.Run(db, now, retention.Checkins), ct);
            if (removed > 0)
            {
                LogHistoryRemoved(removed, retention.CheckinDays);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex);
        }

        var purged = new List<string>();
        IReadOnlyList<string> due = [];
        try
        {
            due = await runtime.Store.RunAsync(db => ReleaseCase.DueForPurge(db, now, retention.ReleasedCases), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex);
        }

        foreach (var caseId in due)
        {
            // Each its own unit of work and key: one that fails must not keep the others.
            try
            {
                await CasePurge.RunAsync(runtime.Store, runtime.CaseKeys, caseId, ct);
                purged.Add(caseId);
                LogPurged(caseId, retention.ReleasedCaseDays);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogFailed(ex);
            }
        }

        return new RetentionRound(removed, purged);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(time.GetUtcNow(), stoppingToken);
            Ticked.Notify();
            await Task.Delay(Every, time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 3550, Level = LogLevel.Information, Message = "Case {CaseId} purged: released from legal hold more than {Days} days ago; its key is destroyed")]
    private partial void LogPurged(string caseId, int days);

    [LoggerMessage(EventId = 3551, Level = LogLevel.Information, Message = "Removed {Count} updates set aside more than {Days} days ago")]
    private partial void LogHistoryRemoved(int count, int days);

    [LoggerMessage(EventId = 3552, Level = LogLevel.Error, Message = "Retention round failed; it is tried again within the hour")]
    private partial void LogFailed(Exception ex);
}

/// <summary>What one retention round did.</summary>
/// <param name="HistoryRemoved">Set-aside updates removed.</param>
/// <param name="Purged">Released cases purged, by number.</param>
public sealed record RetentionRound(int HistoryRemoved, IReadOnlyList<string> Purged);
