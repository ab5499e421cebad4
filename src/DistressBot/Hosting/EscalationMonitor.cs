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
    protected override async Task<IReadOnlyList<TimerLook>> LoadAsync(CancellationToken ct) =>
        (await scan.TakeAsync(ct)).Escalations;

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<TimerLook>> ProcessAsync(IReadOnlyList<string> ids, DateTimeOffset now, CancellationToken ct) =>
        store.RunAsync<IReadOnlyList<TimerLook>>(
            db => [.. ids.Select(id =>
            {
                // Every step of a case is urgent: an escalation is an alarm to the next people in the chain.
                var next = EscalationProcessor.Process(db, id, now, rules);
                return new TimerLook(id, next, next);
            })],
            ct);

    /// <inheritdoc/>
    protected override void AfterRound() => outbox.Notify();
}
