namespace DistressBot.Hosting;

/// <summary>A wake-up call between services: waiters get a task that completes at the next <see cref="Notify"/>.</summary>
public class AsyncSignal
{
    private readonly Lock gate = new();
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync()
    {
        lock (gate)
        {
            return next.Task;
        }
    }

    /// <summary>Wakes everyone waiting.</summary>
    public void Notify()
    {
        TaskCompletionSource current;
        lock (gate)
        {
            current = next;
            next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }
}

/// <summary>Completes once: set when inbound updates that waited at Telegram during downtime have been handled.</summary>
public sealed class InboundCatchUp
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first poll found no backlog.</summary>
    public Task Completed => done.Task;

    /// <summary>Marks the backlog handled.</summary>
    public void MarkDone() => done.TrySetResult();
}

/// <summary>Rung after a transaction queued messages, so the dispatcher sends them at once.</summary>
public sealed class OutboxSignal : AsyncSignal;
