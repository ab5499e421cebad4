namespace DistressBot.Storage;

/// <summary>Thrown when another process, or another holder in this process, already owns the data directory.</summary>
public sealed class DataDirectoryLockedException : Exception
{
    /// <summary>Creates the exception for a directory someone else holds.</summary>
    public DataDirectoryLockedException(string dataDirectory, Exception? innerException)
        : base(
            $"another distressbot process is using {dataDirectory}; stop it first (run, init and restore need it stopped; the other admin commands are handed to the running bot instead)",
            innerException)
    {
        DataDirectory = dataDirectory;
    }

    /// <summary>The directory that is locked.</summary>
    public string DataDirectory { get; }
}
