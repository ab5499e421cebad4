using Microsoft.Extensions.Logging;

namespace DistressBot.Storage.LiteDb;

/// <summary>The store's log events; they name files and errors, never record contents or lookup keys.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Record store opened {DataFile}; write transactions committed so far: {CommittedWrites}")]
    public static partial void Opened(ILogger logger, string dataFile, long committedWrites);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Critical, Message = "STORAGE FAULT on {DataFile}: attempt {Attempt} failed; {PendingUnits} units of work are waiting and none is lost; reopening in {RetryDelay}")]
    public static partial void Faulted(ILogger logger, Exception exception, string dataFile, int attempt, int pendingUnits, TimeSpan retryDelay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Record store recovered on {DataFile} after {Attempts} failed attempts; {ReRun} units of work ran again, {Landed} had already committed")]
    public static partial void Recovered(ILogger logger, string dataFile, int attempts, int reRun, int landed);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Closing the failed database on {DataFile} threw; a new one is opened anyway")]
    public static partial void CloseAfterFaultFailed(ILogger logger, Exception exception, string dataFile);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "A store health handler threw; the store carries on")]
    public static partial void HealthHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Record store closed {DataFile}")]
    public static partial void Closed(ILogger logger, string dataFile);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Final checkpoint on {DataFile} failed; the log file keeps the commits and the next open replays them")]
    public static partial void FinalCheckpointFailed(ILogger logger, Exception exception, string dataFile);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Backup of {DataFile} written to {Destination} ({Bytes} bytes)")]
    public static partial void BackupWritten(ILogger logger, string dataFile, string destination, long bytes);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Error, Message = "Backup of {DataFile} to {Destination} failed")]
    public static partial void BackupFailed(ILogger logger, Exception exception, string dataFile, string destination);

    [LoggerMessage(EventId = 3684, Level = LogLevel.Information, Message = "A unit of work read {Bytes} bytes of records: {DataFile} was closed and opened again to give back LiteDB's page cache")]
    public static partial void CacheGivenBack(ILogger logger, string dataFile, long bytes);

    [LoggerMessage(EventId = 3685, Level = LogLevel.Error, Message = "Opening {DataFile} again after a large read failed; the next unit of work opens it as after a storage fault")]
    public static partial void ReopenFailed(ILogger logger, Exception exception, string dataFile);
}
