using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Transport;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Wakes at each subject's next reminder or deadline and acts on it: this is where a missed check-in is detected.</summary>
public sealed class DeadlineMonitor(
    BotStore store,
    StartupScan scan,
    DeadlineIndex index,
    BotRules rules,
    InboundCatchUp catchUp,
    OutboxSignal outbox,
    DowntimeLog downtime,
    TimeProvider time,
    TransportClock transport,
    ILogger<DeadlineMonitor> logger) : TimerMonitor(index, catchUp, time, transport, logger)
{
    /// <summary>A gap this long in the "alive" notes was downtime.</summary>
    public static readonly TimeSpan DowntimeTolerance = TimeSpan.FromMinutes(3);

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<TimerLook>> LoadAsync(CancellationToken ct)
    {
        // Read when the bot was last alive before anything is judged, so alarms from the catch-up can say it was down.
        await downtime.LoadAsync(DowntimeTolerance, ct);
        return (await scan.TakeAsync(ct)).Deadlines;
    }

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<TimerLook>> ProcessAsync(IReadOnlyList<string> ids, DateTimeOffset now, CancellationToken ct) =>
        store.RunAsync<IReadOnlyList<TimerLook>>(
            db => [.. ids.Select(id =>
            {
                var (next, alarmAt) = DeadlineProcessor.ProcessTimed(db, id, now, rules, instant => downtime.Around(instant, now));
                return new TimerLook(id, next, alarmAt);
            })],
            ct);

    /// <inheritdoc/>
    protected override void AfterRound() => outbox.Notify();
}
