using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Transport;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Wakes at each open case's next step and escalates it: level 2, repeats, reminders to a quiet taker.</summary>
public sealed class EscalationMonitor(
    BotStore store,
    StartupScan scan,
    EscalationIndex index,
    BotRules rules,
    InboundCatchUp catchUp,
    OutboxSignal outbox,
    TimeProvider time,
    TransportClock transport,
    ILogger<EscalationMonitor> logger) : TimerMonitor(index, catchUp, time, transport, logger)
{
    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<(string Id, DateTimeOffset? At)>> LoadAsync(CancellationToken ct) =>
        (await scan.TakeAsync(ct)).Escalations;

    /// <inheritdoc/>
    protected override Task<DateTimeOffset?> ProcessAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        store.RunAsync(db => EscalationProcessor.Process(db, id, now, rules), ct);

    /// <inheritdoc/>
    protected override void AfterRound() => outbox.Notify();
}
