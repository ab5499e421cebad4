using LiteDB;

namespace DistressBot.Storage.LiteDb;

/// <summary>A counter of committed write transactions, bumped inside each one, that tells after a fault which commits landed.</summary>
/// <remarks>
/// An IOException can come after a commit reached the log, so "the call threw" does not mean "nothing was
/// written". Each write transaction claims the next number; after reopening, every unit whose number is at most
/// the stored counter committed and must not run again, and every other one must.
/// </remarks>
internal static class CommitLedger
{
    private const string Collection = "_meta";
    private const string Id = "commits";
    private const string CountField = "n";

    /// <summary>The number of the last committed write transaction (0 for a new file).</summary>
    public static long Read(LiteDatabase database)
    {
        var document = database.GetCollection(Collection, BsonAutoId.Int64).FindById(Id);
        return document is null ? 0 : document[CountField].AsInt64;
    }

    /// <summary>Records, inside the current transaction, that it is write transaction <paramref name="number"/>.</summary>
    public static void Claim(LiteDatabase database, long number)
    {
        database.GetCollection(Collection, BsonAutoId.Int64).Upsert(new BsonDocument
        {
            ["_id"] = Id,
            [CountField] = number,
        });
    }
}
