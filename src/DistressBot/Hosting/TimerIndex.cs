namespace DistressBot.Hosting;

/// <summary>In-memory index of when each record (a subject, a case) next needs attention, so monitors never scan or decrypt everything.</summary>
/// <remarks>Rebuilt from the store at start; the store stays the truth, this only says when to look.</remarks>
public class TimerIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
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

    /// <summary>Sets (or clears, with null) when <paramref name="id"/> next needs attention.</summary>
    public void Set(string id, DateTimeOffset? at)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (at is { } when)
            {
                _next[id] = when;
                _queue.Enqueue(id, when);
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

    /// <summary>Sets <paramref name="at"/> unless an earlier instant is already set: a too-early look is harmless, a too-late one is not.</summary>
    public void Offer(string id, DateTimeOffset? at)
    {
        if (at is null)
        {
            return;
        }

        // Compare and set under one lock: between two separate ones a concurrent earlier offer could be overwritten.
        lock (_gate)
        {
            if (_next.TryGetValue(id, out var current) && current <= at)
            {
                return;
            }

            Set(id, at);
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
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        lock (_gate)
        {
            while (true)
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

    // Superseded queue entries stay in the heap until they reach the top (lazy deletion).
    private void DropStale()
    {
        while (_queue.TryPeek(out var id, out var at) && (!_next.TryGetValue(id, out var current) || current != at))
        {
            _queue.Dequeue();
        }
    }
}

/// <summary>When each subject next has a reminder or deadline.</summary>
public sealed class DeadlineIndex : TimerIndex;

/// <summary>When each open case next escalates, repeats or reminds.</summary>
public sealed class EscalationIndex : TimerIndex;
