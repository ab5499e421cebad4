using System.Diagnostics;
using System.Security.Cryptography;
using LiteDB;

namespace DistressBot.Benchmarks.Harness;

/// <summary>The ingest baseline: a plain LiteDB insert of one 300-byte document followed by Checkpoint() (one fsync), in a loop, on the same disk as the bot's data.</summary>
internal static class LiteDbBaseline
{
    /// <summary>Documents per second over <paramref name="count"/> insert+Checkpoint rounds, stopping early at <paramref name="cap"/>.</summary>
    public static double InsertsPerSecond(string folder, int count, TimeSpan cap)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "baseline.db");
        var payload = RandomNumberGenerator.GetBytes(300);
        using var db = new LiteDatabase(new ConnectionString { Filename = path });
        var documents = db.GetCollection("baseline");
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (done < count && clock.Elapsed < cap)
        {
            documents.Insert(new BsonDocument { ["_id"] = done, ["blob"] = payload });
            db.Checkpoint();
            done++;
        }

        return done / clock.Elapsed.TotalSeconds;
    }
}
