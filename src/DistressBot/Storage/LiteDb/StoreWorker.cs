using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace DistressBot.Storage.LiteDb;

/// <summary>The one thread that touches LiteDB: runs queued units in groups, checkpoints once per group, and survives storage faults.</summary>
/// <remarks>
/// LiteDB binds explicit transactions to the OS thread and corrupts its free list under concurrent writers
/// (NOTES.md), so nothing else ever calls it. Commits in 5.0.21 are not fsynced; Checkpoint is, so a group's
/// callers are answered only after the group's checkpoint.
/// </remarks>
internal sealed class StoreWorker
{
    // After an I/O error inside Commit, LiteDB 5.0.21 leaves the transaction half-persisted; disposing it
    // throws, and its finalizer throws again on the finalizer thread, which kills the process. Keeping every
    // database closed after a fault reachable for the life of the process means that finalizer never runs.
    // Faults are rare and each closed engine has already released its file handles, so this stays small.
    private static readonly ConcurrentBag<LiteDatabase> ClosedAfterFault = [];

    private readonly string _dataFile;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LiteRecordStoreOptions _options;
    private readonly LiteDatabaseFactory _factory;
    private readonly BlockingCollection<WorkItem> _queue;
    private readonly Action<StoreHealth> _publishHealth;
    private readonly List<StoreUnit> _group = [];

    private LiteDatabase? _database;
    private IndexedCollections _indexed = new();
    private long _committed;
    private long _largestRead;
    private int _failedAttempts;
    private DateTimeOffset? _faultedSince;

    public StoreWorker(
        string dataFile,
        ILogger logger,
        TimeProvider time,
        LiteRecordStoreOptions options,
        BlockingCollection<WorkItem> queue,
        Action<StoreHealth> publishHealth)
    {
        _dataFile = dataFile;
        _logger = logger;
        _time = time;
        _options = options;
        _factory = options.DatabaseFactory ?? LiteDataFile.Open;
        _queue = queue;
        _publishHealth = publishHealth;
    }

    /// <summary>Opens the data file for the first time; any failure is the caller's to report.</summary>
    public void OpenFirst()
    {
        try
        {
            Open();
        }
        catch (Exception ex)
        {
            CloseDatabase();
            throw new DataFileOpenException(_dataFile, ex);
        }
    }

    /// <summary>Serves the queue until it is completed and empty, then checkpoints and closes.</summary>
    public void Run()
    {
        while (TakeGroup(out var backup))
        {
            if (_group.Count > 0)
            {
                RunGroup();

                // Here, not in RunGroup, whose frame still holds the engine that did the reading.
                GiveBackCacheAfterLargeRead();
            }

            if (backup is not null)
            {
                RunBackup(backup);
            }
        }

        Close();
    }

    private bool TakeGroup(out BackupRequest? backup)
    {
        _group.Clear();
        backup = null;
        WorkItem? item;
        try
        {
            item = _queue.Take();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        // A backup ends the group so that it copies every commit queued before it.
        while (true)
        {
            if (item is BackupRequest request)
            {
                if (request.TryStart())
                {
                    backup = request;
                }

                return true;
            }

            var unit = (StoreUnit)item;
            if (unit.TryStart())
            {
                _group.Add(unit);
            }

            if (_group.Count >= _options.MaxGroupSize || !_queue.TryTake(out item))
            {
                return true;
            }
        }
    }

    private void RunGroup()
    {
        while (true)
        {
            try
            {
                var database = EnsureOpen();
                foreach (var unit in _group)
                {
                    if (unit.Status == UnitStatus.Pending)
                    {
                        RunUnit(database, unit);
                    }
                }

                if (_group.Exists(static unit => unit.Status == UnitStatus.Committed))
                {
                    // The one fsync of the group: only now are its commits durable.
                    database.Checkpoint();
                }

                foreach (var unit in _group)
                {
                    if (unit.Status is UnitStatus.Read or UnitStatus.Committed)
                    {
                        unit.Complete();
                    }
                }

                MarkHealthy();
                return;
            }
            catch (Exception ex)
            {
                // Anything outside the callers' delegates means the engine can no longer be trusted.
                WaitAfterFault(ex, _group.Count(static unit => unit.Status != UnitStatus.Failed));
            }
        }
    }

    private void RunUnit(LiteDatabase database, StoreUnit unit)
    {
        var session = new LiteRecordSession(database, _indexed);
        database.BeginTrans();
        try
        {
            unit.Run(session);
        }
        catch (Exception ex) when (session.Fault is null)
        {
            End(session);
            database.Rollback();
            _indexed.RolledBack();
            unit.Status = UnitStatus.Failed;
            unit.Fail(ex);
            return;
        }
        catch (Exception ex)
        {
            // The delegate saw a storage fault; the unit itself is fine and runs again after reopening.
            End(session);
            throw new IOException("storage fault inside a unit of work", session.Fault ?? ex);
        }

        End(session);
        if (session.Fault is not null)
        {
            // The delegate swallowed the fault; the transaction is still broken.
            throw new IOException("storage fault inside a unit of work", session.Fault);
        }

        if (!session.Wrote)
        {
            database.Rollback();
            _indexed.RolledBack();
            unit.Status = UnitStatus.Read;
            return;
        }

        var number = checked(_committed + 1);
        unit.CommitNumber = number;
        CommitLedger.Claim(database, number);
        database.Commit();
        _committed = number;
        _indexed.Committed();
        unit.Status = UnitStatus.Committed;
    }

    // Ends a unit's session, noting how much it read for GiveBackCacheAfterLargeRead.
    private void End(LiteRecordSession session)
    {
        session.Close();
        _largestRead = Math.Max(_largestRead, session.BytesRead);
    }

    /// <summary>
    /// LiteDB 5.0.21 holds every page a transaction read until it ends and never shrinks its page cache afterwards, so one
    /// scan of every person (start-up without the timer index, the daily coverage check, a purge) would keep its pages (about
    /// the size of the data file) for the process's life. After a group with such a unit, every caller already answered and
    /// nothing in flight, the data file is closed and opened again (as after a fault) and the old cache collected.
    /// </summary>
    private void GiveBackCacheAfterLargeRead()
    {
        var read = _largestRead;
        _largestRead = 0;
        if (read < _options.ReopenAfterReading || _database is null)
        {
            return;
        }

        CloseDatabase();
        try
        {
            Open();
        }
        catch (Exception ex)
        {
            // The next group opens it through the fault path (retries, health), as after any fault.
            CloseDatabase();
            StoreLog.ReopenFailed(_logger, ex, _dataFile);
            return;
        }

        // Compacting, so the freed segments (large arrays) go back to the OS rather than stay in the heap; after the closed
        // engine's finalizers, which otherwise keep what it held alive until a later collection.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        StoreLog.CacheGivenBack(_logger, _dataFile, read);
    }

    private void RunBackup(BackupRequest request)
    {
        while (true)
        {
            try
            {
                // Checkpoint first: a copy of an open LiteDB file without it misses commits (LiteDB #2791).
                EnsureOpen().Checkpoint();
                MarkHealthy();
                break;
            }
            catch (Exception ex)
            {
                WaitAfterFault(ex, pendingUnits: 0);
            }
        }

        try
        {
            if (request.Describe is { } describe)
            {
                request.Described(DescribeForBackup(describe));
            }

            var bytes = BackupWriter.Copy(_dataFile, request.DestinationPath);
            StoreLog.BackupWritten(_logger, _dataFile, request.DestinationPath, bytes);
            request.Complete();
        }
        catch (Exception ex)
        {
            // A full or missing backup disk fails the backup, not the store.
            StoreLog.BackupFailed(_logger, ex, _dataFile, request.DestinationPath);
            request.Fail(ex);
        }
    }

    // A read in a transaction that is rolled back; nothing is committed between it and the copy that follows.
    private object? DescribeForBackup(Func<IRecordSession, object?> describe)
    {
        var database = EnsureOpen();
        var session = new LiteRecordSession(database, _indexed);
        database.BeginTrans();
        try
        {
            var description = describe(session);
            if (session.Wrote)
            {
                throw new InvalidOperationException("a backup's description must only read");
            }

            return description;
        }
        finally
        {
            End(session);
            database.Rollback();
            _indexed.RolledBack();
        }
    }

    private LiteDatabase EnsureOpen()
    {
        if (_database is not null)
        {
            return _database;
        }

        Open();
        Reconcile();
        return _database!;
    }

    private void Open()
    {
        DataFileHeader.Check(_dataFile);
        _indexed = new IndexedCollections();
        _database = _factory(_dataFile);
        _committed = CommitLedger.Read(_database);
        StoreLog.Opened(_logger, _dataFile, _committed);
    }

    /// <summary>After reopening: keep units whose commit landed, run every other unit of the group again.</summary>
    private void Reconcile()
    {
        var landed = 0;
        var again = 0;
        foreach (var unit in _group)
        {
            if (unit.CommitNumber > 0 && unit.CommitNumber <= _committed)
            {
                // Landed, even if Commit threw afterwards: running it again would do it twice.
                unit.Status = UnitStatus.Committed;
                landed++;
            }
            else if (unit.Status != UnitStatus.Failed)
            {
                unit.Status = UnitStatus.Pending;
                unit.CommitNumber = 0;
                again++;
            }
        }

        StoreLog.Recovered(_logger, _dataFile, _failedAttempts, again, landed);
    }

    private void WaitAfterFault(Exception fault, int pendingUnits)
    {
        if (_database is not null)
        {
            ClosedAfterFault.Add(_database);
        }

        CloseDatabase();
        _failedAttempts++;
        _faultedSince ??= _time.GetUtcNow();

        var delay = RetryDelay(_failedAttempts);
        StoreLog.Faulted(_logger, fault, _dataFile, _failedAttempts, pendingUnits, delay);

        // The timer exists before anyone hears of the fault, so a test that advances fake time on
        // the health signal always fires it.
        var wait = Task.Delay(delay, _time);
        _publishHealth(new StoreHealth(true, fault.InnerException?.Message ?? fault.Message, _faultedSince, _failedAttempts));
        wait.GetAwaiter().GetResult();
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _options.FirstRetryDelay;
        for (var i = 1; i < attempt && delay < _options.MaxRetryDelay; i++)
        {
            delay *= 2;
        }

        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private void MarkHealthy()
    {
        if (_failedAttempts == 0)
        {
            return;
        }

        _failedAttempts = 0;
        _faultedSince = null;
        _publishHealth(StoreHealth.Healthy);
    }

    private void CloseDatabase()
    {
        var database = _database;
        _database = null;
        if (database is null)
        {
            return;
        }

        try
        {
            database.Dispose();
        }
        catch (Exception ex)
        {
            StoreLog.CloseAfterFaultFailed(_logger, ex, _dataFile);
        }
    }

    private void Close()
    {
        if (_database is not null)
        {
            try
            {
                _database.Checkpoint();
            }
            catch (Exception ex)
            {
                StoreLog.FinalCheckpointFailed(_logger, ex, _dataFile);
            }
        }

        CloseDatabase();
        StoreLog.Closed(_logger, _dataFile);
    }
}
