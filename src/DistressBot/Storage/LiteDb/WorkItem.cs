namespace DistressBot.Storage.LiteDb;

/// <summary>One queued request for the store thread: a unit of work or a backup, with the caller's task.</summary>
internal abstract class WorkItem
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private int _state;
    private CancellationTokenRegistration _registration;

    /// <summary>Ties cancellation to the token: it wins only while the item has not started.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static (state, token) => ((WorkItem)state!).TryCancel(token), this);
        }
    }

    /// <summary>Claims the item for running; false when its caller cancelled first.</summary>
    public bool TryStart()
    {
        var claimed = Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;
        if (claimed)
        {
            // Once started the unit runs to the end, so the registration has nothing left to do.
            _registration.Dispose();
        }

        return claimed;
    }

    /// <summary>Fails the caller's task without running (store disposed, or refused).</summary>
    public abstract void Fail(Exception exception);

    private void TryCancel(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
        {
            SetCancelled(cancellationToken);
        }
    }

    /// <summary>Completes the caller's task as cancelled by this token.</summary>
    protected abstract void SetCancelled(CancellationToken cancellationToken);
}

/// <summary>A unit of work whose result is kept until its commit is durable, then handed to the caller.</summary>
internal sealed class TypedStoreUnit<T> : StoreUnit
{
    private readonly Func<IRecordSession, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public TypedStoreUnit(Func<IRecordSession, T> work) => _work = work;

    /// <summary>The caller's task.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc />
    public override void Run(IRecordSession session) => _result = _work(session);

    /// <inheritdoc />
    public override void Complete() => _completion.TrySetResult(_result!);

    /// <inheritdoc />
    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    /// <inheritdoc />
    protected override void SetCancelled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}

/// <summary>The type-erased part of a unit of work that the store thread drives.</summary>
internal abstract class StoreUnit : WorkItem
{
    /// <summary>The commit number this unit's transaction claimed; 0 while it has no commit.</summary>
    public long CommitNumber { get; set; }

    /// <summary>Where this unit stands in its group.</summary>
    public UnitStatus Status { get; set; }

    /// <summary>Runs the caller's delegate and keeps its result.</summary>
    public abstract void Run(IRecordSession session);

    /// <summary>Hands the kept result to the caller; only after the commit is durable.</summary>
    public abstract void Complete();
}

/// <summary>A request to copy the checkpointed data file to a destination, with what the copy holds read from the same state.</summary>
internal sealed class BackupRequest : WorkItem
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private object? _description;

    public BackupRequest(string destinationPath, Func<IRecordSession, object?>? describe = null)
    {
        DestinationPath = destinationPath;
        Describe = describe;
    }

    /// <summary>Where the copy goes.</summary>
    public string DestinationPath { get; }

    /// <summary>Reads what the copy holds, on the store thread between the checkpoint and the copy (no commit comes between); null for nothing.</summary>
    public Func<IRecordSession, object?>? Describe { get; }

    /// <summary>The caller's task: the description once the copy is on disk.</summary>
    public Task<object?> Task => _completion.Task;

    /// <summary>Keeps what <see cref="Describe"/> returned, handed over with <see cref="Complete"/>.</summary>
    public void Described(object? description) => _description = description;

    /// <summary>Completes the caller's task once the copy is on disk.</summary>
    public void Complete() => _completion.TrySetResult(_description);

    /// <inheritdoc />
    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    /// <inheritdoc />
    protected override void SetCancelled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
