using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Transport;

namespace DistressBot.Hosting;

/// <summary>After each commit, moves the saved subjects' and cases' timers to their next instants under <see cref="BotRules"/> and rings the outbox: no code path has to remember to.</summary>
public sealed class TimerRegistry(DeadlineIndex deadlines, EscalationIndex escalations, OutboxSignal outbox, BotRules rules) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Commits can be reported out of order: only ever bring a look earlier. A look that finds nothing due
        // re-reads the record and sets the true next instant, so an early one is harmless and a lost one is not.
        foreach (var subject in changes.Subjects)
        {
            deadlines.Offer(subject.Id, DeadlineProcessor.NextEventAt(subject, rules), DeadlineProcessor.AlarmAt(subject));
        }

        foreach (var (@case, policy) in changes.Cases)
        {
            var at = EscalationProcessor.NextEventAt(@case, rules.Escalation.With(policy));
            escalations.Offer(@case.Id, at, at);
        }

        if (changes.Queued)
        {
            outbox.Notify();
        }
    }
}
