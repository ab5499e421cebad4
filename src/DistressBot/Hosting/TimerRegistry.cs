using DistressBot.Domain;
using DistressBot.Transport;

namespace DistressBot.Hosting;

/// <summary>After each commit, moves the changed subjects' and cases' timers and rings the outbox: no code path has to remember to.</summary>
public sealed class TimerRegistry(DeadlineIndex deadlines, EscalationIndex escalations, OutboxSignal outbox) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Commits can be reported out of order: only ever bring a look earlier. A look that finds nothing due
        // re-reads the record and sets the true next instant, so an early one is harmless and a lost one is not.
        foreach (var (id, at) in changes.Deadlines)
        {
            deadlines.Offer(id, at);
        }

        foreach (var (id, at) in changes.Escalations)
        {
            escalations.Offer(id, at);
        }

        if (changes.Queued)
        {
            outbox.Notify();
        }
    }
}
