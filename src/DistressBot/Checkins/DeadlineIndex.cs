namespace DistressBot.Checkins;

/// <summary>In-memory index of each subject's next deadline event, so the monitor never scans (or decrypts) every subject.</summary>
/// <remarks>Rebuilt from the store at start; the store stays the truth, this only says when to look.</remarks>
public sealed class DeadlineIndex
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> next = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> queue = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Subjects tracked.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return next.Count;
            }
        }
    }

    /// <summary>Sets (or clears, with null) when <paramref name="subjectId"/> next needs attention.</summary>
    public void Set(string subjectId, DateTimeOffset? at)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            if (at is { } when)
            {
                next[subjectId] = when;
                queue.Enqueue(subjectId, when);
            }
            else
            {
                next.Remove(subjectId);
            }

            wake = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    /// <summary>Sets <paramref name="at"/> unless an earlier instant is already set: a too-early look is harmless, a too-late one is not.</summary>
    public void Offer(string subjectId, DateTimeOffset? at)
    {
        if (at is null)
        {
            return;
        }

        lock (gate)
        {
            if (next.TryGetValue(subjectId, out var current) && current <= at)
            {
                return;
            }
        }

        Set(subjectId, at);
    }

    /// <summary>The earliest pending instant, or null, and a task that completes when the index changes.</summary>
    public (DateTimeOffset? Earliest, Task Changed) Peek()
    {
        lock (gate)
        {
            DropStale();
            return (queue.TryPeek(out _, out var at) ? at : null, changed.Task);
        }
    }

    /// <summary>Removes and returns every subject due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        lock (gate)
        {
            while (true)
            {
                DropStale();
                if (!queue.TryPeek(out var id, out var at) || at > now)
                {
                    break;
                }

                queue.Dequeue();
                next.Remove(id);
                due.Add(id);
            }
        }

        return due;
    }

    // Superseded queue entries stay in the heap until they reach the top (lazy deletion).
    private void DropStale()
    {
        while (queue.TryPeek(out var id, out var at) && (!next.TryGetValue(id, out var current) || current != at))
        {
            queue.Dequeue();
        }
    }
}
