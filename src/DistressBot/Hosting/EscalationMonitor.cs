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
    protected override async Task<IReadOnlyList<TimerLook>> LoadAsync(CancellationToken ct) =>
        await store.RunAsync(
            db =>
            {
                var open = new List<TimerLook>();
                foreach (var subject in db.People.All().Where(p => p.Checkin is not null))
                {
                    foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
                    {
                        if (db.Cases.Find(caseId) is { } @case)
                        {
                            var at = EscalationProcessor.NextEventAt(@case, rules.Escalation.With(subject.Policy));
                            open.Add(new TimerLook(caseId, at, at));
                        }
                    }
                }

                return open;
            },
            ct);

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
