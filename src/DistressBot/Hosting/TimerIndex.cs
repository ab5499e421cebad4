namespace DistressBot.Hosting;

/// <summary>In-memory index of when each record (a subject, a case) next needs attention, so monitors never scan or decrypt everything.</summary>
/// <remarks>
/// Rebuilt from the store at start; the store stays the truth, this only says when to look. A record may also carry the
/// instant from which looking at it is urgent (a missed check-in's alarm): due urgent records are taken before any other
/// due record, so a flood of reminders cannot hold an alarm back by more than one batch.
/// </remarks>
public class TimerIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Slot> _next = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly PriorityQueue<string, DateTimeOffset> _urgent = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _next.Count;
            }
        }
    }

    /// <summary>Sets (or clears, with null) when <paramref name="id"/> next needs attention, and from when that is urgent (null: never).</summary>
    public void Set(string id, DateTimeOffset? at, DateTimeOffset? urgentAt = null)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (at is { } when)
            {
                _next[id] = new Slot(when, urgentAt);
                _queue.Enqueue(id, when);
                if (urgentAt is { } urgent)
                {
                    _urgent.Enqueue(id, urgent);
                }
            }
            else
            {
                _next.Remove(id);
            }

            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    /// <summary>
    /// Sets <paramref name="at"/> unless an earlier instant is already set, and <paramref name="urgentAt"/> unless an earlier
    /// one is: a too-early look (or a look taken too early among others) is harmless, a too-late one is not.
    /// </summary>
    public void Offer(string id, DateTimeOffset? at, DateTimeOffset? urgentAt = null)
    {
        if (at is null)
        {
            return;
        }

        // Compare and set under one lock: between two separate ones a concurrent earlier offer could be overwritten.
        lock (_gate)
        {
            if (_next.TryGetValue(id, out var current))
            {
                var keptUrgent = Earlier(current.UrgentAt, urgentAt);
                if (current.At <= at && keptUrgent == current.UrgentAt)
                {
                    return;
                }

                Set(id, current.At <= at ? current.At : at, keptUrgent);
                return;
            }

            Set(id, at, urgentAt);
        }
    }

    /// <summary>The earliest pending instant, or null, and a task that completes when the index changes.</summary>
    public (DateTimeOffset? Earliest, Task Changed) Peek()
    {
        lock (_gate)
        {
            DropStale();
            return (_queue.TryPeek(out _, out var at) ? at : null, _changed.Task);
        }
    }

    /// <summary>Removes and returns every record due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now) => TakeDue(now, int.MaxValue);

    /// <summary>Removes and returns at most <paramref name="max"/> records due at or before <paramref name="now"/>: the urgent ones first, then the rest in the order they fell due.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is less than 1.</exception>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var due = new List<string>();
        lock (_gate)
        {
            while (due.Count < max && _urgent.TryPeek(out var id, out var urgentAt) && urgentAt <= now)
            {
                _urgent.Dequeue();
                if (_next.TryGetValue(id, out var slot) && slot.UrgentAt == urgentAt)
                {
                    _next.Remove(id);
                    due.Add(id);
                }
            }

            while (due.Count < max)
            {
                DropStale();
                if (!_queue.TryPeek(out var id, out var at) || at > now)
                {
                    break;
                }

                _queue.Dequeue();
                _next.Remove(id);
                due.Add(id);
            }
        }

        return due;
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // Superseded queue entries stay in the heap until they reach the top (lazy deletion); so do urgent ones, dropped when taken.
    private void DropStale()
    {
        while (_queue.TryPeek(out var id, out var at) && (!_next.TryGetValue(id, out var current) || current.At != at))
        {
            _queue.Dequeue();
        }
    }

    private readonly record struct Slot(DateTimeOffset At, DateTimeOffset? UrgentAt);
}

/// <summary>When each subject next has a reminder or deadline (urgent from the instant a missed check-in is an alarm).</summary>
public sealed class DeadlineIndex : TimerIndex;

/// <summary>When each open case next escalates, repeats or reminds (always urgent).</summary>
public sealed class EscalationIndex : TimerIndex;
