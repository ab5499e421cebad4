using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Transport;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Wakes at each open case's next step and escalates it: level 2, repeats, reminders to a quiet taker.</summary>
public sealed class EscalationMonitor(
    BotStore store,
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
        await store.RunAsync(
            db =>
            {
                var open = new List<(string, DateTimeOffset?)>();
                foreach (var subject in db.People.All().Where(p => p.Checkin is not null))
                {
                    foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
                    {
                        if (db.Cases.Find(caseId) is { } @case)
                        {
                            open.Add((caseId, EscalationProcessor.NextEventAt(@case, rules.Escalation.With(subject.Policy))));
                        }
                    }
                }

                return open;
            },
            ct);

    /// <inheritdoc/>
    protected override Task<DateTimeOffset?> ProcessAsync(string id, DateTimeOffset now, CancellationToken ct) =>
        store.RunAsync(db => EscalationProcessor.Process(db, id, now, rules), ct);

    /// <inheritdoc/>
    protected override void AfterRound() => outbox.Notify();
}
