using DistressBot.Domain;
using DistressBot.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Checkins;

/// <summary>Wakes at each subject's next reminder or deadline and acts on it: this is where a missed check-in is detected.</summary>
public sealed class DeadlineMonitor(
    BotStore store,
    DeadlineIndex index,
    BotRules rules,
    InboundCatchUp catchUp,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<DeadlineMonitor> logger) : TimerMonitor(index, catchUp, time, logger)
{
    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<(string Id, DateTimeOffset? At)>> LoadAsync(CancellationToken ct) =>
        await store.RunAsync(db => db.People().Where(p => p.Checkin is not null).Select(p => (p.Id, DeadlineProcessor.NextEventAt(p, rules))).ToList(), ct);

    /// <inheritdoc/>
    protected override Task<DateTimeOffset?> ProcessAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        store.RunAsync(db => DeadlineProcessor.Process(db, id, now, rules), ct);

    /// <inheritdoc/>
    protected override void AfterRound() => outbox.Notify();
}
