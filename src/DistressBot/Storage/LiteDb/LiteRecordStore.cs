using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DistressBot.Storage.LiteDb;

/// <summary>The LiteDB 5 backend of <see cref="IRecordStore"/>: one data file, one thread, group commit, survives storage faults.</summary>
/// <remarks>
/// <para>The caller must hold the <see cref="DataDirectoryLock"/> of the data directory for the store's whole
/// life: LiteDB itself does not keep a second process out.</para>
/// <para>Collection names are case-insensitive in LiteDB: "people" and "People" are one collection.</para>
/// <para>While storage is faulted (a full disk) callers' tasks wait; nothing queued is dropped, and
/// <see cref="DisposeAsync"/> waits for it too.</para>
/// </remarks>
public sealed class LiteRecordStore : IRecordStore
{
    /// <summary>The data file's name inside the data directory.</summary>
    public const string DataFileName = "distressbot.db";

    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private StoreHealth _health = StoreHealth.Healthy;
    private int _disposed;

    private LiteRecordStore(string dataFile, ILogger logger, Thread thread)
    {
        DataFile = dataFile;
        _logger = logger;
        _thread = thread;
    }

    /// <summary>Raised on the store thread whenever the store becomes faulted, fails again, or recovers.</summary>
    public event EventHandler<StoreHealth>? HealthChanged;

    /// <summary>The full path of the data file.</summary>
    public string DataFile { get; }

    /// <summary>Whether the store is faulted, and the last storage error.</summary>
    public StoreHealth Health => Volatile.Read(ref _health);

    /// <summary>Opens (or creates) <c>distressbot.db</c> in <paramref name="dataDirectory"/>; the caller must already hold its <see cref="DataDirectoryLock"/>.</summary>
    /// <exception cref="DataFileOpenException">The data file is corrupt, foreign or unreadable; it was not modified.</exception>
    public static async Task<LiteRecordStore> OpenAsync(
        string dataDirectory,
        ILogger logger,
        TimeProvider time,
        LiteRecordStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        options ??= new LiteRecordStoreOptions();
        options.Validate();

        var dataFile = Path.Combine(Path.GetFullPath(dataDirectory), DataFileName);
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LiteRecordStore? store = null;
        var thread = new Thread(() => store!.ThreadMain(opened, time, options))
        {
            Name = "distressbot-store",

            // A process that exits without disposing the store is a crash LiteDB recovers from
            // (the log replays confirmed commits); it must not hang on this thread.
            IsBackground = true,
        };
        store = new LiteRecordStore(dataFile, logger, thread);
        thread.Start();

        try
        {
            await opened.Task;
        }
        catch
        {
            thread.Join();
            store._queue.Dispose();
            throw;
        }

        return store;
    }

    /// <inheritdoc />
    public Task<T> ExecuteAsync<T>(Func<IRecordSession, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (typeof(Task).IsAssignableFrom(typeof(T)) || typeof(T) == typeof(ValueTask) ||
            (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            // An async lambda would commit at its first await and use the session afterwards.
            throw new ArgumentException("the unit of work must be synchronous; it returned a task", nameof(work));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var unit = new TypedStoreUnit<T>(work);
        Enqueue(unit, cancellationToken);
        return unit.Task;
    }

    /// <summary>Checkpoints on the store thread and copies the data file to <paramref name="destinationPath"/> (fsynced, 0600, must not exist).</summary>
    /// <remarks>The copy holds every unit of work whose task completed before this call.</remarks>
    public Task BackupAsync(string destinationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var request = new BackupRequest(destinationPath);
        Enqueue(request, CancellationToken.None);
        return request.Task;
    }

    /// <summary>
    /// As <see cref="BackupAsync(string)"/>, and reads with <paramref name="describe"/> what the copy holds: it runs on the store
    /// thread after the checkpoint and before the copy, with no commit in between, in a transaction that is rolled back.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="describe"/> wrote (the backup is not made).</exception>
    public async Task<T> BackupAsync<T>(string destinationPath, Func<IRecordSession, T> describe)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        ArgumentNullException.ThrowIfNull(describe);
        var request = new BackupRequest(destinationPath, session => describe(session));
        Enqueue(request, CancellationToken.None);
        return (T)(await request.Task)!;
    }

    /// <summary>Stops taking work, finishes what is queued (waiting out a storage fault), checkpoints and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _stopped.Task;
            return;
        }

        _queue.CompleteAdding();
        await _stopped.Task;
        _thread.Join();
        _queue.Dispose();
    }

    private void Enqueue(WorkItem item, CancellationToken cancellationToken)
    {
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId)
        {
            // Waiting on it from inside a unit would deadlock the only thread that could run it.
            throw new InvalidOperationException("a unit of work cannot start another one; do all of it in one delegate");
        }

        // Registered before the item is visible to the store thread, which disposes it on start.
        item.RegisterCancellation(cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Adding after CompleteAdding (or after the queue is gone) means the store is closing.
            throw new ObjectDisposedException(nameof(LiteRecordStore), ex);
        }
    }

    private void ThreadMain(TaskCompletionSource opened, TimeProvider time, LiteRecordStoreOptions options)
    {
        var worker = new StoreWorker(DataFile, _logger, time, options, _queue, PublishHealth);
        try
        {
            worker.OpenFirst();
        }
        catch (Exception ex)
        {
            opened.SetException(ex);
            return;
        }

        opened.SetResult();
        try
        {
            worker.Run();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void PublishHealth(StoreHealth health)
    {
        Volatile.Write(ref _health, health);
        try
        {
            HealthChanged?.Invoke(this, health);
        }
        catch (Exception ex)
        {
            StoreLog.HealthHandlerFailed(_logger, ex);
        }
    }
}
