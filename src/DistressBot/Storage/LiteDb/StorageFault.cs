using LiteDB;

namespace DistressBot.Storage.LiteDb;

/// <summary>Tells a storage fault (the engine is dead and must be reopened) from an error in the caller's own work.</summary>
internal static class StorageFault
{
    /// <summary>True for I/O errors (a full disk, a failing device) and for a LiteDB engine that closed itself after one.</summary>
    public static bool IsFault(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException)
            {
                return true;
            }

            // After an IOException LiteDB closes the engine for good; every later call says so.
            if (current is LiteException lite &&
                (lite.ErrorCode == LiteException.ENGINE_DISPOSED || lite.ErrorCode == LiteException.INVALID_DATAFILE_STATE))
            {
                return true;
            }
        }

        return false;
    }
}
