namespace DistressBot.Storage.LiteDb;

/// <summary>Thrown at open when the data file is corrupt, foreign or unreadable; the file is left as it was.</summary>
public sealed class DataFileOpenException : Exception
{
    /// <summary>Creates the exception naming the file and the reason.</summary>
    public DataFileOpenException(string dataFile, Exception innerException)
        : base($"the data file {dataFile} could not be opened: {innerException?.Message}", innerException)
    {
        DataFile = dataFile;
    }

    /// <summary>The file that could not be opened.</summary>
    public string DataFile { get; }
}
