using DistressBot.Storage;

namespace DistressBot.Tests.Fakes;

/// <summary>An <see cref="IRecordSession"/> over dictionaries; can be told to "crash" after a number of writes.</summary>
/// <remarks>Writes made before the crash stay, as if each had been committed, which is the harshest case for resuming.</remarks>
public sealed class InMemoryRecordSession : IRecordSession
{
    private readonly SortedDictionary<(string Collection, string Id), StoredRecord> _records = new();
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    /// <summary>After this many more <see cref="Put"/> calls, the next one throws; null never throws.</summary>
    public int? CrashAfterPuts { get; set; }

    /// <summary>The simulated crash happens once: <see cref="CrashAfterPuts"/> is cleared when it fires.</summary>
    public bool CrashOnce { get; set; }

    /// <summary>How many puts succeeded.</summary>
    public int PutCount { get; private set; }

    /// <inheritdoc/>
    public StoredRecord? Find(string collection, string id) => _records.GetValueOrDefault((collection, id));

    /// <inheritdoc/>
    public StoredRecord? FindByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        foreach (var record in _records.Values)
        {
            if (record.Collection == collection && record.Lookup is not null && lookup.SequenceEqual(record.Lookup))
            {
                return record;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredRecord> AllByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        var found = new List<StoredRecord>();
        foreach (var record in _records.Values)
        {
            if (record.Collection == collection && record.Lookup is not null && lookup.SequenceEqual(record.Lookup))
            {
                found.Add(record);
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredRecord> All(string collection) =>
        _records.Values.Where(r => r.Collection == collection).ToList();

    /// <inheritdoc/>
    public void Put(StoredRecord record)
    {
        if (CrashAfterPuts is { } remaining)
        {
            if (remaining == 0)
            {
                CrashAfterPuts = CrashOnce ? null : CrashAfterPuts;
                throw new IOException("Simulated crash.");
            }

            CrashAfterPuts = remaining - 1;
        }

        _records[(record.Collection, record.Id)] = record;
        PutCount++;
    }

    /// <inheritdoc/>
    public bool Delete(string collection, string id) => _records.Remove((collection, id));

    /// <summary>A copy of every record and counter, for <see cref="Restore"/>.</summary>
    public RecordSnapshot Snapshot() => new([.. _records], new Dictionary<string, long>(_sequences, StringComparer.Ordinal));

    /// <summary>Puts back the records and counters of <paramref name="snapshot"/>, as a rolled-back transaction would.</summary>
    public void Restore(RecordSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _records.Clear();
        foreach (var (key, record) in snapshot.Records)
        {
            _records[key] = record;
        }

        _sequences.Clear();
        foreach (var (name, value) in snapshot.Sequences)
        {
            _sequences[name] = value;
        }
    }

    /// <inheritdoc/>
    public long NextSequence(string name)
    {
        var next = _sequences.GetValueOrDefault(name) + 1;
        _sequences[name] = next;
        return next;
    }
}

/// <summary>The records and counters of an <see cref="InMemoryRecordSession"/> at one moment.</summary>
public sealed record RecordSnapshot(
    IReadOnlyList<KeyValuePair<(string Collection, string Id), StoredRecord>> Records,
    IReadOnlyDictionary<string, long> Sequences);
