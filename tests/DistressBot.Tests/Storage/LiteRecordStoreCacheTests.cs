using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using DistressBot.Tests.Storage.Fakes;

namespace DistressBot.Tests.Storage;

/// <summary>LiteDB 5.0.21's page cache never shrinks: after a unit that read a lot, the store opens the data file again to give it back.</summary>
public sealed class LiteRecordStoreCacheTests : IDisposable
{
    private const int CacheGivenBack = 3684;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExecuteAsync_AUnitThatReadMoreThanTheLimit_ReopensTheDataFileAfterItsGroup_AndLosesNothing()
    {
        var opens = 0;
        var logger = new RecordingLogger();
        await using var store = await LiteRecordStore.OpenAsync(_dir.Path, logger, TimeProvider.System, new LiteRecordStoreOptions
        {
            ReopenAfterReading = 10_000,
            DatabaseFactory = file =>
            {
                Interlocked.Increment(ref opens);
                return LiteDataFile.Open(file);
            },
        });
        await store.ExecuteAsync(s =>
        {
            for (var i = 0; i < 20; i++)
            {
                s.Put(new StoredRecord("people", $"p{i:D2}", null, new byte[1_000]));
            }

            return 0;
        });

        var small = await store.ExecuteAsync(s => s.Find("people", "p01"));
        Assert.Equal(1, opens);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == CacheGivenBack);

        var all = await store.ExecuteAsync(s => s.All("people"));
        await store.ExecuteAsync(s =>
        {
            s.Put(new StoredRecord("people", "p20", null, [1]));
            return 0;
        });
        var after = await store.ExecuteAsync(s => s.All("people"));

        // Units run one after another on the store thread: this one starts only once the reopen after the last read is done.
        await store.ExecuteAsync(s => s.Find("people", "p20"));

        Assert.NotNull(small);
        Assert.Equal(20, all.Count);
        Assert.Equal(3, opens);
        Assert.Equal(2, logger.Entries.Count(e => e.EventId.Id == CacheGivenBack));
        Assert.Equal(21, after.Count);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public void Options_ReopenAfterReadingBelowOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiteRecordStoreOptions { ReopenAfterReading = 0 }.Validate());
}
