using LiteDB;
using LiteDB.Engine;

namespace DistressBot.Storage.LiteDb;

/// <summary>Opens the LiteDB database over a data file; tests pass their own to wrap its streams and inject I/O faults.</summary>
/// <remarks>Called only on the store thread, once at start and again after every storage fault.</remarks>
public delegate LiteDatabase LiteDatabaseFactory(string dataFile);

/// <summary>The production way to open the data file: direct engine, no password, binary collation.</summary>
public static class LiteDataFile
{
    /// <summary>Opens <paramref name="dataFile"/> directly (one engine in this process, as <c>Connection=direct</c>).</summary>
    /// <remarks>
    /// Settings rather than a connection string because a new file needs the binary collation, which the
    /// connection string can only spell through a culture name: LiteDB's default collation ignores case, so
    /// ids "a" and "A" would be one record.
    /// </remarks>
    public static LiteDatabase Open(string dataFile)
    {
        var settings = new EngineSettings
        {
            Filename = dataFile,
            Collation = Collation.Binary,
        };
        return new LiteDatabase(new LiteEngine(settings), mapper: null, disposeOnClose: true);
    }
}
