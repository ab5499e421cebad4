using LiteDB;

namespace DistressBot.Storage.LiteDb;

/// <summary>Remembers which collections of one open database already have their lookup index, so it is ensured once.</summary>
/// <remarks>
/// EnsureIndex runs inside the caller's transaction; if that rolls back, so does the index, so a collection
/// counts as indexed only once its transaction committed.
/// </remarks>
internal sealed class IndexedCollections
{
    private readonly HashSet<string> _committed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the lookup index in the current transaction unless it is known to exist.</summary>
    public void Ensure(string name, ILiteCollection<BsonDocument> collection)
    {
        if (_committed.Contains(name) || _pending.Contains(name))
        {
            return;
        }

        collection.EnsureIndex(RecordDocument.LookupField, "$." + RecordDocument.LookupField, unique: false);
        _pending.Add(name);
    }

    /// <summary>The transaction committed: its indexes exist.</summary>
    public void Committed()
    {
        _committed.UnionWith(_pending);
        _pending.Clear();
    }

    /// <summary>The transaction rolled back: its indexes are gone.</summary>
    public void RolledBack() => _pending.Clear();
}
