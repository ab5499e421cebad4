using DistressBot.Domain;
using DistressBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Checkins;

/// <summary>Wakes at each subject's next reminder or deadline and acts on it: this is where a missed check-in is detected.</summary>
/// <remarks>
/// At start it first waits until the check-ins that queued at Telegram while the bot was down are handled, so a
/// person who checked in during the downtime is not reported missing; then deadlines that passed meanwhile fire at once.
/// </remarks>
public sealed partial class DeadlineMonitor(
    BotStore store,
    DeadlineIndex index,
    BotRules rules,
    InboundCatchUp catchUp,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<DeadlineMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryAfterError = TimeSpan.FromMinutes(1);

    /// <summary>Completes once the index is loaded and the monitor is running (tests wait on it).</summary>
    public Task Started => started.Task;

    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();

        // Telegram unreachable at start must not stop deadlines for ever: wait for the backlog at most this long (wall clock).
        await Task.WhenAny(catchUp.Completed, Task.Delay(CatchUpLimit, TimeProvider.System, stoppingToken));
        await LoadAsync(stoppingToken);
        started.TrySetResult();

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
            }

            await Task.WhenAny(waits);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                var events = await store.RunAsync(
                    db => db.People().Where(p => p.Checkin is not null).Select(p => (p.Id, DeadlineProcessor.NextEventAt(p, rules))).ToList(),
                    ct);
                foreach (var (id, at) in events)
                {
                    index.Offer(id, at);
                }

                LogLoaded(index.Count);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogError(ex);
                await Task.Delay(backoff.Next(), TimeProvider.System, ct);
            }
        }
    }

    private async Task ProcessDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var subjectId in index.TakeDue(now))
        {
            try
            {
                var next = await store.RunAsync(db => DeadlineProcessor.Process(db, subjectId, now, rules), ct);
                index.Set(subjectId, next);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Never drop a subject from the watch: look again shortly.
                LogError(ex);
                index.Set(subjectId, now + RetryAfterError);
            }
        }

        outbox.Notify();
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Deadline monitor watching {Count} subjects")]
    private partial void LogLoaded(int count);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Deadline processing failed; retrying")]
    private partial void LogError(Exception ex);
}
