namespace DistressBot.Storage;

/// <summary>Thrown at start when the data directory is open to group or others; the message names the chmod that fixes it.</summary>
public sealed class DataDirectoryPermissionsException : Exception
{
    /// <summary>Creates the exception with the message from <see cref="OwnerOnly.LooseFolderProblem"/>.</summary>
    public DataDirectoryPermissionsException(string dataDirectory, string message)
        : base(message)
    {
        DataDirectory = dataDirectory;
    }

    /// <summary>The directory that is too open.</summary>
    public string DataDirectory { get; }
}
