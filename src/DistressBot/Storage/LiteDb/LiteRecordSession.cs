using LiteDB;

namespace DistressBot.Storage.LiteDb;

/// <summary>The <see cref="IRecordSession"/> of one transaction on the store thread; refuses use from elsewhere or afterwards.</summary>
internal sealed class LiteRecordSession : IRecordSession
{
    private const string SequenceCollection = "_seq";
    private const string SequenceField = "v";
    private const string LookupEquals = "$." + RecordDocument.LookupField + " = @0";

    private const string IdEquals = "_id = @0";

    private readonly LiteDatabase _database;
    private readonly IndexedCollections _indexed;
    private readonly int _ownerThreadId;
    private bool _closed;

    // FindById parses "_id = @0" again on every call (a tenth of an alarm's cost in a trace of the 1,000-alarm burst): parse
    // it once per session and set its parameter before each find (the session is used by one thread, one call at a time).
    private BsonExpression? _idEquals;

    public LiteRecordSession(LiteDatabase database, IndexedCollections indexed)
    {
        _database = database;
        _indexed = indexed;
        _ownerThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>True once the unit changed something and so needs a commit and a checkpoint.</summary>
    public bool Wrote { get; private set; }

    /// <summary>The storage fault a LiteDB call raised in this session, even if the caller's delegate swallowed it.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Bytes of sealed blobs this unit read: the size of the page cache it held (LiteDB keeps a transaction's pages until it ends).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Ends the session: later calls (a captured session, a continuation after an await) throw.</summary>
    public void Close() => _closed = true;

    /// <inheritdoc />
    public StoredRecord? Find(string collection, string id)
    {
        CheckUsable();
        CollectionName.Validate(collection, nameof(collection));
        CheckId(id);
        return Guard(() =>
        {
            var document = FindById(_database.GetCollection(collection, BsonAutoId.Int64), id);
            return document is null ? null : Counted(RecordDocument.ToRecord(collection, document));
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredRecord> AllByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        CheckUsable();
        CollectionName.Validate(collection, nameof(collection));
        var key = new BsonValue(lookup.ToArray());
        return Guard(() => (IReadOnlyList<StoredRecord>)[.. _database.GetCollection(collection, BsonAutoId.Int64)
            .Find(BsonExpression.Create(LookupEquals, key))
            .Select(document => Counted(RecordDocument.ToRecord(collection, document)))
            .OrderBy(record => record.Id, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public StoredRecord? FindByLookup(string collection, ReadOnlySpan<byte> lookup)
    {
        CheckUsable();
        CollectionName.Validate(collection, nameof(collection));
        var key = new BsonValue(lookup.ToArray());
        return Guard(() =>
        {
            // A parameter, not Query.EQ: that writes the value into the expression's text, so LiteDB parses and compiles a
            // new expression (about a millisecond) for every key never seen before and keeps each in an unbounded cache,
            // which a flood of strangers' ids turns into slowness and memory that is never given back.
            var document = _database.GetCollection(collection, BsonAutoId.Int64)
                .FindOne(BsonExpression.Create(LookupEquals, key));
            return document is null ? null : Counted(RecordDocument.ToRecord(collection, document));
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredRecord> All(string collection)
    {
        CheckUsable();
        CollectionName.Validate(collection, nameof(collection));
        var records = Guard(() => _database.GetCollection(collection, BsonAutoId.Int64)
            .FindAll()
            .Select(document => Counted(RecordDocument.ToRecord(collection, document)))
            .ToList());

        // The _id index already orders by the binary collation; sorting again keeps "id order" exact
        // whatever collation an older data file was created with.
        records.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return records;
    }

    /// <inheritdoc />
    public void Put(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CheckUsable();
        CollectionName.Validate(record.Collection, nameof(record));
        CheckId(record.Id);
        ArgumentNullException.ThrowIfNull(record.Blob, nameof(record));
        Wrote = true;
        Guard(() =>
        {
            var collection = _database.GetCollection(record.Collection, BsonAutoId.Int64);
            _indexed.Ensure(record.Collection, collection);
            return collection.Upsert(RecordDocument.From(record));
        });
    }

    /// <inheritdoc />
    public bool Delete(string collection, string id)
    {
        CheckUsable();
        CollectionName.Validate(collection, nameof(collection));
        CheckId(id);
        var deleted = Guard(() => _database.GetCollection(collection, BsonAutoId.Int64).Delete(id));
        Wrote |= deleted;
        return deleted;
    }

    /// <inheritdoc />
    public long NextSequence(string name)
    {
        CheckUsable();
        ArgumentException.ThrowIfNullOrEmpty(name);
        Wrote = true;
        return Guard(() =>
        {
            var sequences = _database.GetCollection(SequenceCollection, BsonAutoId.Int64);
            var current = FindById(sequences, name);
            var next = checked((current is null ? 0 : current[SequenceField].AsInt64) + 1);
            sequences.Upsert(new BsonDocument { ["_id"] = name, [SequenceField] = next });
            return next;
        });
    }

    private StoredRecord Counted(StoredRecord record)
    {
        BytesRead += record.Blob.Length;
        return record;
    }

    private BsonDocument? FindById(ILiteCollection<BsonDocument> collection, string id)
    {
        _idEquals ??= BsonExpression.Create(IdEquals, new BsonValue(id));
        _idEquals.Parameters["0"] = new BsonValue(id);
        return collection.FindOne(_idEquals);
    }

    private static void CheckId(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
    }

    private void CheckUsable()
    {
        if (_closed)
        {
            throw new InvalidOperationException("this session's unit of work has ended; use the session only inside the delegate");
        }

        if (Environment.CurrentManagedThreadId != _ownerThreadId)
        {
            throw new InvalidOperationException("the session was used from another thread; the work delegate must not await");
        }
    }

    private TResult Guard<TResult>(Func<TResult> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception ex) when (StorageFault.IsFault(ex))
        {
            Fault ??= ex;
            throw;
        }
    }
}
