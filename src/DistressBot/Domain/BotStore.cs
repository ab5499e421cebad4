using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>What a committed unit of work changed that services outside the store must react to; the observer works out what follows (timer instants).</summary>
/// <param name="Subjects">Subjects (people with a check-in record) saved, as saved.</param>
/// <param name="Cases">Cases saved, and the open cases of saved subjects, each with its subject's escalation overrides (null: none).</param>
/// <param name="Queued">Messages were queued in the outbox.</param>
/// <param name="Events">What happened, in order (for the log).</param>
public sealed record StoreChanges(
    IReadOnlyList<Person> Subjects,
    IReadOnlyList<(Case Case, EscalationPolicyOverride? Policy)> Cases,
    bool Queued,
    IReadOnlyList<DomainEvent> Events)
{
    /// <summary>Outbox rows stored or removed, as the unit of work left them (the dispatcher's index follows them).</summary>
    public IReadOnlyList<OutboxChange> Outbox { get; init; } = [];
}

/// <summary>Told after each commit; the running bot wires its timers and outbox to it.</summary>
public interface IStoreObserver
{
    /// <summary>A unit of work committed durably with these changes.</summary>
    void Committed(StoreChanges changes);
}

/// <summary>Runs inside every unit of work of a <see cref="BotStore"/>, after its work and before its commit: writes that must commit with the change or not at all.</summary>
public interface IUnitClosing
{
    /// <summary>Called with the unit of work and what it saved (<see cref="DataSession.Changes"/>); may write more records in it.</summary>
    void Closing(DataSession db, StoreChanges changes);
}

/// <summary>Several observers told in order (the log, then the timers and outbox).</summary>
/// <param name="observers">Told in this order.</param>
public sealed class StoreObservers(params IStoreObserver[] observers) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        foreach (var observer in observers)
        {
            observer.Committed(changes);
        }
    }
}

/// <summary>The store as the domain sees it: units of work over sealed, typed records.</summary>
public sealed class BotStore(IRecordStore store, CryptoContext crypto)
{
    /// <summary>Told after each commit (timers, outbox); null when nothing runs (an admin command with the bot stopped).</summary>
    public IStoreObserver? Observer { get; set; }

    /// <summary>Runs in each unit of work just before its commit (the sealed timer index's keeper); null: nothing.</summary>
    public IUnitClosing? Closing { get; set; }

    /// <summary>Runs <paramref name="work"/> in one durable transaction (see <see cref="IRecordStore"/> for the contract).</summary>
    public async Task<T> RunAsync<T>(Func<DataSession, T> work, CancellationToken cancellationToken = default)
    {
        StoreChanges? changes = null;
        var result = await store.ExecuteAsync(
            session =>
            {
                var db = new DataSession(session, crypto);
                var value = work(db);
                db.Seal();
                changes = db.Changes();
                Closing?.Closing(db, changes);
                return value;
            },
            cancellationToken);
        // Only after the commit: a unit that rolled back (or is run again after a storage fault) tells nothing of its own.
        if (changes is { } committed && (committed.Queued || committed.Outbox.Count > 0 || committed.Subjects.Count > 0 || committed.Cases.Count > 0 || committed.Events.Count > 0))
        {
            Observer?.Committed(committed);
        }

        return result;
    }

    /// <summary>Reads with <paramref name="read"/> over a session the caller's unit of work already holds (a backup describing what it copies); nothing it saves is signed or told.</summary>
    public T Read<T>(IRecordSession session, Func<DataSession, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read(new DataSession(session, crypto));
    }

    /// <summary>Runs <paramref name="work"/> in one durable transaction.</summary>
    public Task RunAsync(Action<DataSession> work, CancellationToken cancellationToken = default) =>
        RunAsync(
            db =>
            {
                work(db);
                return true;
            },
            cancellationToken);
}
