using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Wakes at each record's next instant in a <see cref="TimerIndex"/> and lets the subclass act on it; the shared loop of the deadline and escalation monitors.</summary>
/// <remarks>
/// At start it first waits until the updates that queued at Telegram while the bot was down are handled (so a
/// check-in sent during downtime counts before any deadline is judged), then loads every timer from the store.
/// </remarks>
public abstract partial class TimerMonitor(TimerIndex index, InboundCatchUp catchUp, TimeProvider time, TransportClock transport, ILogger logger) : BackgroundService, IStartupReadiness
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the index is loaded and the monitor is running.</summary>
    public Task Started => _started.Task;

    /// <summary>The same as <see cref="Started"/>: the bot counts as ready only once it watches these timers.</summary>
    public Task Ready => Started;

    /// <summary>Every record with a timer, read from the store.</summary>
    protected abstract Task<IReadOnlyList<(string Id, DateTimeOffset? At)>> LoadAsync(CancellationToken ct);

    /// <summary>Acts on the record at <paramref name="now"/> in one unit of work; returns its next instant.</summary>
    protected abstract Task<DateTimeOffset?> ProcessAsync(string id, DateTimeOffset now, CancellationToken ct);

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

    private async Task LoadAllAsync(CancellationToken ct)
    {
        var timers = await Backoff.RetryAsync(LoadAsync, ex => LogError(GetType().Name, ex), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), transport, ct);
        foreach (var (id, at) in timers)
        {
            index.Offer(id, at);
        }

        LogLoaded(GetType().Name, index.Count);
    }

    private async Task ProcessDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var id in index.TakeDue(now))
        {
            try
            {
                // Offer, not Set: a commit reported meanwhile may already have asked for an earlier look.
                index.Offer(id, await ProcessAsync(id, now, ct));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Never drop a record from the watch: look again shortly.
                LogError(GetType().Name, ex);
                index.Offer(id, now + RetryAfterError);
            }
        }

        AfterRound();
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "{Monitor} watching {Count} records")]
    private partial void LogLoaded(string monitor, int count);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "{Monitor} failed; retrying")]
    private partial void LogError(string monitor, Exception ex);
}
