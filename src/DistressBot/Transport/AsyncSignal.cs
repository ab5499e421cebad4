namespace DistressBot.Transport;

/// <summary>A wake-up call between services: waiters get a task that completes at the next <see cref="Notify"/>.</summary>
public class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    /// <summary>Wakes everyone waiting.</summary>
    public void Notify()
    {
        TaskCompletionSource current;
        lock (_gate)
        {
            current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }
}

/// <summary>Completes once: set when inbound updates that waited at Telegram during downtime have been handled.</summary>
public sealed class InboundCatchUp
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first poll found no backlog.</summary>
    public Task Completed => _done.Task;

    /// <summary>Marks the backlog handled.</summary>
    public void MarkDone() => _done.TrySetResult();
}

/// <summary>Rung after a transaction queued messages, so the dispatcher sends them at once.</summary>
public sealed class OutboxSignal : AsyncSignal;

/// <summary>Rung when a subject's wording changed (an admin command), so their chat's command menu is set at once.</summary>
public sealed class CommandMenuSignal : AsyncSignal;
