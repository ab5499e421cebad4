using LiteDB;

namespace DistressBot.Storage.LiteDb;

/// <summary>The BsonDocument shape of a record (<c>_id</c>, <c>lk</c>, <c>b</c>); no BsonMapper, whose caches race.</summary>
internal static class RecordDocument
{
    /// <summary>Field holding the optional lookup key; indexed, not unique.</summary>
    public const string LookupField = "lk";

    /// <summary>Field holding the sealed blob.</summary>
    public const string BlobField = "b";

    /// <summary>The document stored for a record.</summary>
    public static BsonDocument From(StoredRecord record) => new()
    {
        ["_id"] = record.Id,
        [LookupField] = record.Lookup is null ? BsonValue.Null : new BsonValue(record.Lookup),
        [BlobField] = new BsonValue(record.Blob),
    };

    /// <summary>The record a stored document describes.</summary>
    public static StoredRecord ToRecord(string collection, BsonDocument document)
    {
        var lookup = document[LookupField];
        return new StoredRecord(
            collection,
            document["_id"].AsString,
            lookup.IsBinary ? lookup.AsBinary : null,
            document[BlobField].AsBinary);
    }
}
