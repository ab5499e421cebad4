using System.Text;

namespace DistressBot.Storage.LiteDb;

/// <summary>Checks that an existing data file starts like a LiteDB 5 file before LiteDB touches it.</summary>
/// <remarks>
/// LiteDB "repairs" a file whose length is not a whole number of pages by truncating it, and initialises a
/// file it reads as empty; pointed at the wrong or a damaged file it would destroy it. This check refuses
/// such a file first, so nothing is overwritten.
/// </remarks>
internal static class DataFileHeader
{
    private const int PageSize = 8192;
    private const int InfoOffset = 32;
    private const int VersionOffset = 59;
    private const byte Version = 8;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Throws <see cref="InvalidDataException"/> when the file exists, is not empty, and is not a LiteDB 5 file.</summary>
    public static void Check(string dataFile)
    {
        var file = new FileInfo(dataFile);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        if (file.Length < PageSize)
        {
            throw new InvalidDataException($"it is {file.Length} bytes, shorter than one LiteDB page");
        }

        var header = new byte[VersionOffset + 1];
        using (var stream = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (header[0] == 1)
        {
            throw new InvalidDataException("it is encrypted with a LiteDB password, which distressbot never sets");
        }

        if (!header.AsSpan(InfoOffset, Info.Length).SequenceEqual(Info) || header[VersionOffset] != Version)
        {
            throw new InvalidDataException("it does not start with a LiteDB 5 header");
        }
    }
}
