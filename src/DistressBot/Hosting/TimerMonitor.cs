using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Wakes at each record's next instant in a <see cref="TimerIndex"/> and lets the subclass act on it; the shared loop of the deadline and escalation monitors.</summary>
/// <remarks>
/// At start it first waits until the updates that queued at Telegram while the bot was down are handled (so a
/// check-in sent during downtime counts before any deadline is judged), then loads every timer from the store.
/// Due records are acted on in batches of at most <see cref="BatchSize"/>, each batch one unit of work (one commit, one
/// fsync), urgent records (alarms, escalations) first: a flood of reminders holds an alarm back by one batch at most. A
/// batch commits wholly or not at all; one that fails is redone one record per unit of work, so a record that cannot be
/// processed holds back none of the others.
/// </remarks>
public abstract partial class TimerMonitor(TimerIndex index, InboundCatchUp catchUp, TimeProvider time, TransportClock transport, ILogger logger) : BackgroundService, IStartupReadiness
{
    /// <summary>Records per batch unless set otherwise: large enough that a burst shares fsyncs, small enough that a batch takes milliseconds.</summary>
    public const int DefaultBatchSize = 64;

    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the index is loaded and the monitor is running.</summary>
    public Task Started => _started.Task;

    /// <summary>The same as <see cref="Started"/>: the bot counts as ready only once it watches these timers.</summary>
    public Task Ready => Started;

    /// <summary>The most records acted on in one unit of work (at least 1).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Every record with a timer, read from the store.</summary>
    protected abstract Task<IReadOnlyList<TimerLook>> LoadAsync(CancellationToken ct);

    /// <summary>Acts on every record of <paramref name="ids"/> at <paramref name="now"/> in ONE unit of work (all commit or none); returns each one's next look.</summary>
    protected abstract Task<IReadOnlyList<TimerLook>> ProcessAsync(IReadOnlyList<string> ids, DateTimeOffset now, CancellationToken ct);

    /// <summary>Called after a round of due records (the outbox is rung here).</summary>
    protected abstract void AfterRound();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();

        // Telegram unreachable at start must not stop timers for ever: wait for the backlog at most this long (transport clock).
        await Task.WhenAny(catchUp.Completed, Task.Delay(CatchUpLimit, transport.Time, stoppingToken));
        await LoadAllAsync(stoppingToken);
        _started.TrySetResult();

        while (!stoppingToken.IsCancellationRequested)
        {
            var (earliest, changed) = index.Peek();
            var now = time.GetUtcNow();
            if (earliest is { } at && at <= now)
            {
                await ProcessDueAsync(now, stoppingToken);
                continue;
            }

            var waits = new List<Task> { changed.WaitAsync(stoppingToken) };
            if (earliest is { } later)
            {
                waits.Add(Task.Delay(later - now, time, stoppingToken));

                // A delay counts from the clock's now when it is made: if the clock moved on since `now` was read (a
                // clock jump; a test's fake clock advanced), it would wait too long, so look again instead.
                if (time.GetUtcNow() >= later)
                {
                    continue;
                }
            }

            await Task.WhenAny(waits);
        }
    }

    /// <summary>Loads every timer from the store into the index (retrying until it can).</summary>
    internal async Task LoadAllAsync(CancellationToken ct)
    {
        var timers = await Backoff.RetryAsync(LoadAsync, ex => LogError(GetType().Name, ex), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), transport, ct);
        Offer(timers);

        LogLoaded(GetType().Name, index.Count);
    }

    /// <summary>Acts on one batch of the records due at <paramref name="now"/> (urgent ones first), then rings the outbox.</summary>
    internal async Task ProcessDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var batch = index.TakeDue(now, Math.Max(1, BatchSize));
        try
        {
            Offer(await ProcessAsync(batch, now, ct));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The batch committed nothing. Redo it record by record, so that one record that cannot be processed (a
            // damaged record, a bug) costs only its own look and the others are not held back.
            LogBatchFailed(GetType().Name, batch.Count, ex);
            foreach (var id in batch)
            {
                try
                {
                    Offer(await ProcessAsync([id], now, ct));
                }
                catch (Exception single) when (!ct.IsCancellationRequested)
                {
                    // Never drop a record from the watch: look again shortly.
                    LogError(GetType().Name, single);
                    index.Offer(id, now + RetryAfterError);
                }
            }
        }

        AfterRound();
    }

    // Offer, not Set: a commit reported meanwhile may already have asked for an earlier look.
    private void Offer(IReadOnlyList<TimerLook> looks)
    {
        foreach (var look in looks)
        {
            index.Offer(look.Id, look.At, look.UrgentAt);
        }
    }

    [LoggerMessage(EventId = 3650, Level = LogLevel.Error, Message = "{Monitor} batch of {Count} records failed and committed nothing; redoing it one record at a time")]
    private partial void LogBatchFailed(string monitor, int count, Exception ex);

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "{Monitor} watching {Count} records")]
    private partial void LogLoaded(string monitor, int count);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "{Monitor} failed; retrying")]
    private partial void LogError(string monitor, Exception ex);
}
