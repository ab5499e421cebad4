using System.Collections.Concurrent;
using DistressBot.Storage;

namespace DistressBot.Tests.Fakes;

/// <summary>What units of work read, per collection: scans (<see cref="IRecordSession.All"/>), finds by id, and rows read by any call.</summary>
/// <remarks>Thread-safe: a store's units, on whatever thread, may share one.</remarks>
public sealed class RecordReads
{
    private readonly ConcurrentDictionary<string, int> _scans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _finds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rows = new(StringComparer.Ordinal);

    /// <summary>Scans of the whole collection.</summary>
    public int Scans(string collection) => _scans.GetValueOrDefault(collection);

    /// <summary>Finds by id in the collection.</summary>
    public int Finds(string collection) => _finds.GetValueOrDefault(collection);

    /// <summary>Rows read from the collection by any call; a scan counts at least one, even of an empty collection.</summary>
    public int Rows(string collection) => _rows.GetValueOrDefault(collection);

    internal void Scanned(string collection, int rows)
    {
        _scans.AddOrUpdate(collection, 1, (_, n) => n + 1);
        _rows.AddOrUpdate(collection, Math.Max(1, rows), (_, n) => n + Math.Max(1, rows));
    }

    internal void Found(string collection)
    {
        _finds.AddOrUpdate(collection, 1, (_, n) => n + 1);
        Read(collection, 1);
    }

    internal void Read(string collection, int rows) => _rows.AddOrUpdate(collection, rows, (_, n) => n + rows);
}

/// <summary>An <see cref="IRecordSession"/> that counts what is read (<see cref="Reads"/>) and passes everything on to <paramref name="inner"/>.</summary>
public sealed class CountingRecordSession(IRecordSession inner, RecordReads? reads = null) : IRecordSession
{
    /// <summary>What was read through this session (and any other sharing the same counts).</summary>
    public RecordReads Reads { get; } = reads ?? new RecordReads();

    /// <inheritdoc/>
    public StoredRecord? Find(string collection, string id)
    {
        Reads.Found(collection);
        return inner.Find(collection, id);
    }

    /// <inheritdoc/>
    public StoredRecord? FindByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        Reads.Read(collection, 1);
        return inner.FindByLookup(collection, lookup);
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredRecord> AllByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        var found = inner.AllByLookup(collection, lookup);
        Reads.Read(collection, found.Count);
        return found;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredRecord> All(string collection)
    {
        var all = inner.All(collection);
        Reads.Scanned(collection, all.Count);
        return all;
    }

    /// <inheritdoc/>
    public void Put(StoredRecord record) => inner.Put(record);

    /// <inheritdoc/>
    public bool Delete(string collection, string id) => inner.Delete(collection, id);

    /// <inheritdoc/>
    public long NextSequence(string name) => inner.NextSequence(name);
}

/// <summary>An <see cref="IRecordStore"/> whose every unit of work reads through a <see cref="CountingRecordSession"/> sharing one <see cref="Reads"/>.</summary>
public sealed class CountingRecordStore(IRecordStore inner) : IRecordStore
{
    /// <summary>What every unit of work read.</summary>
    public RecordReads Reads { get; } = new();

    /// <inheritdoc/>
    public Task<T> ExecuteAsync<T>(Func<IRecordSession, T> work, CancellationToken cancellationToken = default) =>
        inner.ExecuteAsync(session => work(new CountingRecordSession(session, Reads)), cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
