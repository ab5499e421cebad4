using DistressBot.Domain;

namespace DistressBot.Telegram;

/// <summary>The queued outbox rows by (priority, queue order) with their earliest send instants, in memory, so a dispatcher pass reads from the store only the rows it sends.</summary>
/// <remarks>
/// Loaded from the store when the dispatcher starts, then kept by the commits (<see cref="Committed"/>: a commit that
/// queues a row adds it, one that sends, drops or retries a row removes or moves it). The store stays the truth: commits
/// may be reported out of order, so an entry may outlive its row for a moment (the dispatcher finds the row gone and drops
/// the entry) or say a row is due before it is (the dispatcher reads the row's own instant), but no queued row is ever
/// missing from it.
/// </remarks>
public sealed class OutboxIndex : IStoreObserver
{
    private static readonly Comparer<OutboxEntry> SendOrder = Comparer<OutboxEntry>.Create(static (a, b) =>
    {
        var byPriority = a.Priority.CompareTo(b.Priority);
        return byPriority != 0 ? byPriority : string.CompareOrdinal(a.Id, b.Id);
    });

    private readonly Lock _gate = new();
    private readonly Dictionary<string, OutboxEntry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<OutboxEntry> _order = new(SendOrder);

    /// <summary>Rows indexed.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Rows indexed and when the oldest was queued (null when none): the outbox gauges, read without touching the store.</summary>
    public (int Count, DateTimeOffset? OldestQueuedAt) Figures()
    {
        lock (_gate)
        {
            return (_entries.Count, _entries.Count == 0 ? null : _entries.Values.Min(e => e.QueuedAt));
        }
    }

    /// <summary>Adds the rows read from the store at start, keeping any entry a commit reported meanwhile (it is as new or newer).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public void Load(IEnumerable<OutboxEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                if (!_entries.ContainsKey(row.Id))
                {
                    Put(row);
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes.Outbox)
            {
                if (change.Entry is { } entry)
                {
                    Put(entry);
                }
                else
                {
                    Drop(change.Id);
                }
            }
        }
    }

    /// <summary>Stores <paramref name="entry"/> over the one with its id (a row read from the store says when it is really due).</summary>
    public void Set(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            Put(entry);
        }
    }

    /// <summary>Forgets the row <paramref name="id"/> (found gone from the store).</summary>
    public void Remove(string id)
    {
        lock (_gate)
        {
            Drop(id);
        }
    }

    /// <summary>The rows due at <paramref name="now"/> in send order (priority, then queue order), and the earliest instant another one falls due (null: none waits).</summary>
    public (IReadOnlyList<OutboxEntry> Due, DateTimeOffset? NextAt) Due(DateTimeOffset now)
    {
        var due = new List<OutboxEntry>();
        DateTimeOffset? next = null;
        lock (_gate)
        {
            foreach (var entry in _order)
            {
                if (entry.NotBefore is { } notBefore && notBefore > now)
                {
                    next = next is null || notBefore < next ? notBefore : next;
                }
                else
                {
                    due.Add(entry);
                }
            }
        }

        return (due, next);
    }

    /// <summary>Every entry in send order (to compare with a fresh load).</summary>
    public IReadOnlyList<OutboxEntry> Entries()
    {
        lock (_gate)
        {
            return [.. _order];
        }
    }

    private void Put(OutboxEntry entry)
    {
        Drop(entry.Id);
        _entries[entry.Id] = entry;
        _order.Add(entry);
    }

    private void Drop(string id)
    {
        if (_entries.Remove(id, out var old))
        {
            _order.Remove(old);
        }
    }
}
