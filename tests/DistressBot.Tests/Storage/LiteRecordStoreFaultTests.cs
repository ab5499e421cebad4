using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using DistressBot.Tests.Storage.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Storage;

public sealed class LiteRecordStoreFaultTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FaultyDatabaseFactory _factory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger _logger = new();

    public void Dispose()
    {
        _factory.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_WritesQueuedDuringDiskFull_AllLandOnceAfterItClears()
    {
        const int Writers = 50;
        const int PerWriter = 20;
        var store = await Open();
        await store.ExecuteAsync(s => { s.Put(new StoredRecord("writes", "before", null, [0])); return 0; });
        var firstFault = HealthWatcher.WaitFor(store, h => h.IsFaulted);
        var secondFault = HealthWatcher.WaitFor(store, h => h.IsFaulted && h.FailedAttempts == 2);

        _factory.Switch.Mode = FaultMode.FailBeforeWrite;
        var writes = (await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
            Enumerable.Range(0, PerWriter).Select(i => store.ExecuteAsync(s =>
            {
                s.Put(new StoredRecord("writes", $"w{w:D2}-{i:D2}", [(byte)w, (byte)i], [(byte)i]));
                return s.NextSequence("writes");
            })).ToList())))).SelectMany(t => t).ToList();
        var health = await firstFault;
        _time.Advance(TimeSpan.FromSeconds(1));
        await secondFault;

        Assert.True(health.IsFaulted);
        Assert.Contains("No space left on device", health.LastError, StringComparison.Ordinal);
        Assert.True(store.Health.IsFaulted);
        Assert.DoesNotContain(writes, t => t.IsCompleted);

        var recovered = HealthWatcher.WaitFor(store, h => !h.IsFaulted);
        _factory.Switch.Mode = FaultMode.Off;
        _time.Advance(TimeSpan.FromSeconds(2));
        var sequences = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(60));
        await recovered;
        await store.DisposeAsync();

        Assert.Equal(Enumerable.Range(1, Writers * PerWriter).Select(i => (long)i), sequences.Order());
        Assert.False(store.Health.IsFaulted);
        await using var reopened = await LiteRecordStore.OpenAsync(_dir.Path, _logger, TimeProvider.System);
        var (all, next) = await reopened.ExecuteAsync(s => (s.All("writes"), s.NextSequence("writes")));
        Assert.Equal(Writers * PerWriter + 1, all.Count);
        Assert.Equal(Writers * PerWriter + 1, next);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Critical && e.EventId.Id == 1101);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1102);
    }

    [Fact]
    public async Task ExecuteAsync_CommitLandsButReportsIOException_IsNotRunTwice()
    {
        var store = await Open();
        Assert.Equal(1L, await store.ExecuteAsync(s => s.NextSequence("n")));
        var faulted = HealthWatcher.WaitFor(store, h => h.IsFaulted);
        var runs = 0;

        _factory.Switch.Mode = FaultMode.FailAfterConfirmingWrite;
        var ambiguous = store.ExecuteAsync(s =>
        {
            Interlocked.Increment(ref runs);
            s.Put(new StoredRecord("people", "a", null, [1]));
            return s.NextSequence("n");
        });
        await faulted;
        Assert.False(ambiguous.IsCompleted);
        _factory.Switch.Mode = FaultMode.Off;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2L, await ambiguous.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, runs);
        Assert.Equal(3L, await store.ExecuteAsync(s => s.NextSequence("n")));
        await store.DisposeAsync();
        Assert.True(_factory.Switch.FaultsThrown > 0);

        // LiteDB's half-committed transaction must not reach its throwing finalizer (it would kill the process).
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    [Fact]
    public async Task ExecuteAsync_CheckpointFailsAfterWriting_CommitsAreKeptNotRepeated()
    {
        var store = await Open();
        var faulted = HealthWatcher.WaitFor(store, h => h.IsFaulted);
        var runs = 0;

        // Commits write without flushing; the first flush is the group's checkpoint, which now fails.
        _factory.Switch.Mode = FaultMode.FailAfterWrite;
        var write = store.ExecuteAsync(s =>
        {
            Interlocked.Increment(ref runs);
            return s.NextSequence("n");
        });
        await faulted;
        _factory.Switch.Mode = FaultMode.Off;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1L, await write.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2L, await store.ExecuteAsync(s => s.NextSequence("n")));
        Assert.InRange(runs, 1, 2);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_DelegateSwallowsStorageFault_UnitStillRetriedAfterRecovery()
    {
        var store = await Open();
        var faulted = HealthWatcher.WaitFor(store, h => h.IsFaulted);
        var attempt = 0;

        _factory.Switch.Mode = FaultMode.FailBeforeWrite;
        var write = store.ExecuteAsync(s =>
        {
            attempt++;
            for (var i = 0; i < 3000; i++)
            {
                try
                {
                    // Large enough that LiteDB spills pages to the log mid-transaction and hits the fault.
                    s.Put(new StoredRecord("bulk", $"r{i:D4}", null, new byte[4096]));
                }
                catch (IOException)
                {
                    return -1;
                }
            }

            return attempt;
        });
        await faulted;
        _factory.Switch.Mode = FaultMode.Off;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await write.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(3000, (await store.ExecuteAsync(s => s.All("bulk"))).Count);
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Logs_DuringFaultAndRecovery_HaveEventIdsAndNoRecordContent()
    {
        var store = await Open();
        var faulted = HealthWatcher.WaitFor(store, h => h.IsFaulted);
        _factory.Switch.Mode = FaultMode.FailBeforeWrite;
        var write = store.ExecuteAsync(s => { s.Put(new StoredRecord("people", "secret_id_never_logged", [0xC0, 0xFF, 0xEE], "PLAINTEXT"u8.ToArray())); return 0; });
        await faulted;
        _factory.Switch.Mode = FaultMode.Off;
        _time.Advance(TimeSpan.FromSeconds(1));
        await write.WaitAsync(TimeSpan.FromSeconds(30));
        await store.DisposeAsync();

        Assert.All(_logger.Entries, e => Assert.InRange(e.EventId.Id, 1100, 1199));
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("PLAINTEXT", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("C0FFEE", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("secret_id", StringComparison.Ordinal));
    }

    private Task<LiteRecordStore> Open() => LiteRecordStore.OpenAsync(
        _dir.Path,
        _logger,
        _time,
        new LiteRecordStoreOptions { DatabaseFactory = _factory.Open });
}
