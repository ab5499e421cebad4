namespace DistressBot.Storage;

/// <summary>A durable store of sealed records in named collections; every unit of work is one transaction.</summary>
/// <remarks>
/// Contract for every backend:
/// <list type="bullet">
/// <item>Units of work run one at a time, each in its own transaction, never concurrently.</item>
/// <item>The work delegate is synchronous: it must not await, and it may be run again after a storage fault
/// (it must be a function of the session's state and its captured inputs, with no side effects outside the session).</item>
/// <item>If the delegate throws, the transaction rolls back and the exception reaches the caller's task.</item>
/// <item>The returned task completes only after the commit is durable on disk (fsynced), so a caller may tell a
/// person "done" when it completes. A unit of work that wrote nothing costs no fsync.</item>
/// </list>
/// </remarks>
public interface IRecordStore : IAsyncDisposable
{
    /// <summary>Runs <paramref name="work"/> in one transaction and returns once its commit is durable.</summary>
    Task<T> ExecuteAsync<T>(Func<IRecordSession, T> work, CancellationToken cancellationToken = default);
}

/// <summary>The view of the store inside one unit of work.</summary>
public interface IRecordSession
{
    /// <summary>The record with this id, or null.</summary>
    StoredRecord? Find(string collection, string id);

    /// <summary>The first record whose lookup key equals <paramref name="lookup"/>, or null.</summary>
    StoredRecord? FindByLookup(string collection, ReadOnlySpan<byte> lookup);

    /// <summary>Every record whose lookup key equals <paramref name="lookup"/>, in id order (found through the lookup index, not by reading the collection).</summary>
    IReadOnlyList<StoredRecord> AllByLookup(string collection, ReadOnlySpan<byte> lookup);

    /// <summary>Every record of a collection, in id order.</summary>
    IReadOnlyList<StoredRecord> All(string collection);

    /// <summary>Inserts or replaces the record with the same collection and id.</summary>
    void Put(StoredRecord record);

    /// <summary>Deletes a record; false when there was none.</summary>
    bool Delete(string collection, string id);

    /// <summary>The next value (1, 2, 3 …) of a named counter, transactional like every other write.</summary>
    long NextSequence(string name);
}

/// <summary>One stored record: only <see cref="Id"/> and <see cref="Lookup"/> are visible to the backend.</summary>
/// <param name="Collection">Collection name (a letter, then letters, digits or underscores).</param>
/// <param name="Id">Record id, unique within the collection; never sensitive.</param>
/// <param name="Lookup">Optional keyed hash used to find the record without plaintext; indexed.</param>
/// <param name="Blob">The sealed payload.</param>
public sealed record StoredRecord(string Collection, string Id, byte[]? Lookup, byte[] Blob);
