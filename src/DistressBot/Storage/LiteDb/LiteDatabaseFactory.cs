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
        // LiteDB creates its files with the process umask; born here first, they are owner-only in any host (the
        // executable also sets umask 077). LiteDB starts a new database in an empty file and deletes an empty log on close.
        CreateEmptyOwnerOnly(dataFile);
        CreateEmptyOwnerOnly(LogFile(dataFile));
        var settings = new EngineSettings
        {
            Filename = dataFile,
            Collation = Collation.Binary,
        };
        return new LiteDatabase(new LiteEngine(settings), mapper: null, disposeOnClose: true);
    }

    /// <summary>LiteDB's write-ahead log beside <paramref name="dataFile"/>: "distressbot.db" → "distressbot-log.db".</summary>
    public static string LogFile(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile) ?? "", Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    private static void CreateEmptyOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly.FileMode });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made in the meantime: whoever made it, LiteDB opens it as it is.
        }
    }
}
