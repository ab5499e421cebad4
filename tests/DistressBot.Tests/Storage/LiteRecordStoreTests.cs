using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using DistressBot.Tests.Storage.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Storage;

public sealed class LiteRecordStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_PutFindLookupAllDelete_RoundTrips()
    {
        await using var store = await Open();
        var lookup = new byte[] { 1, 2, 3, 4 };

        await store.ExecuteAsync(s =>
        {
            s.Put(new StoredRecord("people", "b", lookup, [10]));
            s.Put(new StoredRecord("people", "a", null, [11]));
            s.Put(new StoredRecord("people", "c", [9, 9], [12]));
            return 0;
        });

        var (found, byLookup, missingLookup, all) = await store.ExecuteAsync(s => (
            s.Find("people", "a"),
            s.FindByLookup("people", lookup),
            s.FindByLookup("people", new byte[] { 7 }),
            s.All("people")));

        Assert.Equal([11], found!.Blob);
        Assert.Null(found.Lookup);
        Assert.Equal("b", byLookup!.Id);
        Assert.Equal(lookup, byLookup.Lookup);
        Assert.Null(missingLookup);
        Assert.Equal(["a", "b", "c"], all.Select(r => r.Id));
        Assert.All(all, r => Assert.Equal("people", r.Collection));

        var (deleted, deletedAgain, gone, others) = await store.ExecuteAsync(s => (
            s.Delete("people", "b"), s.Delete("people", "b"), s.Find("people", "b"), s.All("other")));
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(gone);
        Assert.Empty(others);
    }

    [Fact]
    public async Task ExecuteAsync_PutSameId_ReplacesRecord()
    {
        await using var store = await Open();

        await store.ExecuteAsync(s => { s.Put(new StoredRecord("people", "a", [1], [1])); return 0; });
        await store.ExecuteAsync(s => { s.Put(new StoredRecord("people", "a", [2], [2])); return 0; });

        var (all, oldLookup) = await store.ExecuteAsync(s => (s.All("people"), s.FindByLookup("people", new byte[] { 1 })));
        Assert.Equal([2], Assert.Single(all).Blob);
        Assert.Null(oldLookup);
    }

    [Fact]
    public async Task ExecuteAsync_IdsDifferingOnlyInCase_AreDistinctRecordsInOrdinalOrder()
    {
        await using var store = await Open();

        await store.ExecuteAsync(s =>
        {
            s.Put(new StoredRecord("codes", "a", null, [1]));
            s.Put(new StoredRecord("codes", "A", null, [2]));
            s.Put(new StoredRecord("codes", "B", null, [3]));
            return 0;
        });

        var all = await store.ExecuteAsync(s => s.All("codes"));
        Assert.Equal(["A", "B", "a"], all.Select(r => r.Id));
    }

    [Fact]
    public async Task Find_ManyIdsAndCollectionsInOneUnitOfWork_EachFindsItsOwnRecord_AndAMissIsNull()
    {
        await using var store = await Open();
        await store.ExecuteAsync(s =>
        {
            for (var i = 0; i < 50; i++)
            {
                s.Put(new StoredRecord("people", "p" + i, null, [(byte)i]));
                s.Put(new StoredRecord("cases", "p" + i, null, [(byte)(100 + i)]));
            }

            return 0;
        });

        // Written and read in the same unit of work, and in one that only reads, alternating collections and ids.
        var found = await store.ExecuteAsync(s =>
        {
            s.Put(new StoredRecord("people", "new", null, [200]));
            return Enumerable.Range(0, 50).Select(i => (s.Find("people", "p" + i)!.Blob[0], s.Find("cases", "p" + i)!.Blob[0], s.Find("people", "missing" + i))).Append((s.Find("people", "new")!.Blob[0], (byte)0, null)).ToList();
        });

        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => ((byte)i, (byte)(100 + i), (StoredRecord?)null)), ((byte)200, (byte)0, null)], found);
        Assert.Equal(49, (await store.ExecuteAsync(s => s.Find("people", "p49")))!.Blob[0]);
    }

    [Fact]
    public async Task NextSequence_CalledRepeatedly_CountsFromOnePerName()
    {
        await using var store = await Open();

        var first = await store.ExecuteAsync(s => (s.NextSequence("outbox"), s.NextSequence("outbox"), s.NextSequence("cases")));
        var later = await store.ExecuteAsync(s => s.NextSequence("outbox"));

        Assert.Equal((1L, 2L, 1L), first);
        Assert.Equal(3L, later);
    }

    [Fact]
    public async Task ExecuteAsync_DelegateThrows_RollsBackEverythingAndStoreKeepsWorking()
    {
        await using var store = await Open();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ExecuteAsync<int>(s =>
        {
            s.Put(new StoredRecord("people", "a", [1], [1]));
            s.NextSequence("n");
            throw new InvalidOperationException("boom");
        }));
        var after = await store.ExecuteAsync(s => (s.Find("people", "a"), s.NextSequence("n"), s.All("people")));

        Assert.Equal("boom", failure.Message);
        Assert.Null(after.Item1);
        Assert.Equal(1L, after.Item2);
        Assert.Empty(after.Item3);
        Assert.False(store.Health.IsFaulted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("_seq")]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("$indexes")]
    [InlineData("ünïcode")]
    public async Task ExecuteAsync_InvalidCollectionName_ThrowsArgumentException(string name)
    {
        await using var store = await Open();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ExecuteAsync(s => s.All(name)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExecuteAsync(s => { s.Put(new StoredRecord(name, "x", null, [1])); return 0; }));
        Assert.Empty(await store.ExecuteAsync(s => s.All("valid_Name9")));
    }

    [Fact]
    public async Task ExecuteAsync_AsyncDelegate_IsRefused()
    {
        await using var store = await Open();

        Assert.Throws<ArgumentException>(() => { _ = store.ExecuteAsync(async s => { await Task.Yield(); return s.All("people"); }); });
    }

    [Fact]
    public async Task Session_UsedAfterItsUnitEnded_Throws()
    {
        await using var store = await Open();

        var leaked = await store.ExecuteAsync(s => s);

        Assert.Throws<InvalidOperationException>(() => leaked.All("people"));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledBeforeStart_IsCancelledAndNeverRuns()
    {
        await using var store = await Open();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource();
        var ran = false;

        var blocker = store.ExecuteAsync(_ => { started.Set(); release.Wait(); return 0; });
        started.Wait();
        var queued = store.ExecuteAsync(s => { ran = true; s.Put(new StoredRecord("people", "x", null, [1])); return 0; }, cancellation.Token);
        await cancellation.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        await blocker;
        Assert.False(ran);
        Assert.Null(await store.ExecuteAsync(s => s.Find("people", "x")));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledAfterStart_RunsToTheEnd()
    {
        await using var store = await Open();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource();

        var running = store.ExecuteAsync(
            s =>
            {
                started.Set();
                release.Wait();
                s.Put(new StoredRecord("people", "x", null, [1]));
                return 7;
            },
            cancellation.Token);
        started.Wait();
        await cancellation.CancelAsync();
        release.Set();

        Assert.Equal(7, await running);
        Assert.NotNull(await store.ExecuteAsync(s => s.Find("people", "x")));
    }

    [Fact]
    public async Task ExecuteAsync_2000WritesFrom50Tasks_AllLandAndSurviveReopen()
    {
        const int Tasks = 50;
        const int PerTask = 40;
        var store = await Open();

        var sequences = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < PerTask; i++)
            {
                var id = $"t{t:D2}-{i:D3}";
                mine.Add(await store.ExecuteAsync(s =>
                {
                    s.Put(new StoredRecord("writes", id, [(byte)t, (byte)i], [(byte)i]));
                    return s.NextSequence("writes");
                }));
            }

            return mine;
        })));
        await store.DisposeAsync();

        Assert.Equal(Enumerable.Range(1, Tasks * PerTask).Select(i => (long)i), sequences.SelectMany(s => s).Order());
        await using var reopened = await Open();
        var (all, next, one) = await reopened.ExecuteAsync(s => (s.All("writes"), s.NextSequence("writes"), s.FindByLookup("writes", new byte[] { 17, 23 })));
        Assert.Equal(Tasks * PerTask, all.Count);
        Assert.Equal(Tasks * PerTask, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Tasks * PerTask + 1, next);
        Assert.Equal("t17-023", one!.Id);
    }

    [Fact]
    public async Task DisposeAsync_ThenOpenAgain_KeepsDataAndRefusesNewWork()
    {
        var store = await Open();
        await store.ExecuteAsync(s => { s.Put(new StoredRecord("people", "a", [5], [6])); return 0; });
        await store.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => { _ = store.ExecuteAsync(s => s.All("people")); });
        await using var reopened = await Open();
        var record = await reopened.ExecuteAsync(s => s.FindByLookup("people", new byte[] { 5 }));
        Assert.Equal(new StoredRecord("people", "a", [5], [6]).Id, record!.Id);
        Assert.Equal([6], record.Blob);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedWork_FinishesItFirst()
    {
        var store = await Open();
        var queued = Enumerable.Range(0, 300)
            .Select(i => store.ExecuteAsync(s => { s.Put(new StoredRecord("people", $"p{i:D3}", null, [1])); return i; }))
            .ToList();

        await store.DisposeAsync();

        Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully));
        await using var reopened = await Open();
        Assert.Equal(300, (await reopened.ExecuteAsync(s => s.All("people"))).Count);
    }

    [Fact]
    public async Task OpenAsync_CorruptDataFile_ThrowsNamingTheFileAndLeavesItUntouched()
    {
        var dataFile = _dir.Combine(LiteRecordStore.DataFileName);
        var garbage = new byte[10_000];
        new Random(42).NextBytes(garbage);
        await File.WriteAllBytesAsync(dataFile, garbage);

        var error = await Assert.ThrowsAsync<DataFileOpenException>(() => Open());

        Assert.StartsWith($"the data file {dataFile} could not be opened: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(dataFile));
        Assert.False(File.Exists(_dir.Combine("distressbot-log.db")));
    }

    [Fact]
    public async Task OpenAsync_DamagedPageInsideValidFile_ThrowsNamingTheFileAndLeavesItUntouched()
    {
        var store = await Open();
        await store.ExecuteAsync(s => { s.Put(new StoredRecord("people", "a", [1], [2])); return 0; });
        await store.DisposeAsync();
        var dataFile = _dir.Combine(LiteRecordStore.DataFileName);
        var bytes = await File.ReadAllBytesAsync(dataFile);
        Array.Fill(bytes, (byte)0xAB, 0, 8192);
        await File.WriteAllBytesAsync(dataFile, bytes);

        var error = await Assert.ThrowsAsync<DataFileOpenException>(() => Open());

        Assert.Contains(dataFile, error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(dataFile));
    }

    [Fact]
    public async Task BackupAsync_AfterWrites_CopyHasEveryCommittedRecordAndIsPrivate()
    {
        await using var store = await Open();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            store.ExecuteAsync(s => { s.Put(new StoredRecord("people", $"p{i:D3}", [(byte)(i % 256), (byte)(i / 256)], [(byte)(i % 256)])); return 0; })));
        using var backupDir = new TempDirectory();
        var destination = backupDir.Combine(LiteRecordStore.DataFileName);

        await store.BackupAsync(destination);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(destination));
        }

        Assert.Equal([destination], Directory.GetFiles(backupDir.Path));
        await using var restored = await LiteRecordStore.OpenAsync(backupDir.Path, NullLogger.Instance, TimeProvider.System);
        var all = await restored.ExecuteAsync(s => s.All("people"));
        Assert.Equal(500, all.Count);
        Assert.Equal("p499", all[^1].Id);
    }

    [Fact]
    public async Task BackupAsync_DestinationExists_FailsAndStoreKeepsWorking()
    {
        await using var store = await Open();
        var destination = _dir.Combine("existing.db");
        await File.WriteAllBytesAsync(destination, [1, 2, 3]);

        await Assert.ThrowsAsync<IOException>(() => store.BackupAsync(destination));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(destination));
        Assert.Equal(1L, await store.ExecuteAsync(s => s.NextSequence("n")));
        Assert.False(store.Health.IsFaulted);
    }

    private Task<LiteRecordStore> Open() => LiteRecordStore.OpenAsync(_dir.Path, NullLogger.Instance, TimeProvider.System);
}
