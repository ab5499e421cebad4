namespace DistressBot.Storage;

/// <summary>Thrown when another process, or another holder in this process, already owns the data directory.</summary>
public sealed class DataDirectoryLockedException : Exception
{
    /// <summary>Creates the exception for a directory someone else holds.</summary>
    public DataDirectoryLockedException(string dataDirectory, Exception? innerException)
        : base(
            $"another distressbot process is using {dataDirectory}; stop it first, or run the admin command while it runs and it will be handed to that process",
            innerException)
    {
        DataDirectory = dataDirectory;
    }

    /// <summary>The directory that is locked.</summary>
    public string DataDirectory { get; }
}
