using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>After each commit, moves the changed subjects' and cases' timers and rings the outbox: no code path has to remember to.</summary>
public sealed class TimerRegistry(DeadlineIndex deadlines, EscalationIndex escalations, OutboxSignal outbox) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (id, at) in changes.Deadlines)
        {
            deadlines.Set(id, at);
        }

        foreach (var (id, at) in changes.Escalations)
        {
            escalations.Set(id, at);
        }

        if (changes.Queued)
        {
            outbox.Notify();
        }
    }
}
