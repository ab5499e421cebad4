using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace DistressBot.Evidence.Verification;

/// <summary>
/// Reads a bundle from a folder or a .zip, refusing what a hostile bundle could use against the reader: a name that is
/// absolute or climbs out ("..", "/x", "C:", a backslash), two names that differ only in case, a symbolic link, more
/// than <see cref="MaxFiles"/> files, a file larger than the size its reader asks for, or more than
/// <see cref="MaxTotalBytes"/> read in all. Files are read only when asked for, so what is not checked is never read.
/// </summary>
/// <remarks>Every refusal is a <see cref="BundleProblemException"/> naming the file.</remarks>
public sealed class BundleReader : IDisposable
{
    /// <summary>Most files (zip entries or files under the folder) a bundle may hold: a year of hourly checkpoints with all their files fits.</summary>
    public const int MaxFiles = 60_000;

    /// <summary>Most bytes read from one bundle in all: 256 MiB.</summary>
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Most bytes of a zip's central directory (its list of names), checked before the list is read: 16 MiB.</summary>
    public const long MaxCentralDirectoryBytes = 16L * 1024 * 1024;

    private readonly string _root;
    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, ZipArchiveEntry?> _files;
    private long _bytesRead;
    private long _maxTotalBytes = MaxTotalBytes;

    private BundleReader(string root, ZipArchive? zip, Dictionary<string, ZipArchiveEntry?> files)
    {
        _root = root;
        _zip = zip;
        _files = files;
    }

    /// <summary>The bundle path of every file, '/' between folders ("log.jsonl", "checkpoints/000001/proof"); folders are not listed.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>
    /// Opens the bundle at <paramref name="path"/>: a folder, or a file read as a zip. <see cref="BundleProblemException"/>
    /// when it is neither, the zip does not read, or a name or count is refused (see the class).
    /// </summary>
    public static BundleReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return new BundleReader(Path.GetFullPath(path), null, ListFolder(Path.GetFullPath(path)));
        }

        if (!File.Exists(path))
        {
            throw Problem(VerdictTextId.BundleNotFound, null, path);
        }

        RefuseLargeCentralDirectory(path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw Problem(VerdictTextId.ZipUnreadable, null, path, ex.Message);
        }

        try
        {
            return new BundleReader(path, zip, ListZip(zip));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>As <see cref="Open(string)"/> with a smaller total budget than <see cref="MaxTotalBytes"/> (for tests that should not read 256 MiB).</summary>
    internal static BundleReader Open(string path, long maxTotalBytes)
    {
        var reader = Open(path);
        reader._maxTotalBytes = maxTotalBytes;
        return reader;
    }

    /// <summary>True when the bundle holds a file at bundle path <paramref name="name"/> (exact case).</summary>
    public bool Contains(string name) => _files.ContainsKey(name);

    /// <summary>
    /// The bytes of the file at bundle path <paramref name="name"/>, at most <paramref name="maxBytes"/>;
    /// <see cref="BundleProblemException"/> when it is missing, larger, would pass <see cref="MaxTotalBytes"/>, or does not read.
    /// </summary>
    public byte[] Read(string name, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (!_files.TryGetValue(name, out var entry))
        {
            throw Problem(VerdictTextId.FileMissing, name, name);
        }

        var remaining = _maxTotalBytes - _bytesRead;
        var limit = (int)Math.Min(maxBytes, remaining);
        byte[] bytes;
        try
        {
            // A zip entry's declared length may lie; the bounded read below is what protects memory.
            using var stream = entry is null ? File.OpenRead(Path.Combine(_root, name)) : entry.Open();
            bytes = ReadAtMost(stream, limit) ?? throw (limit == maxBytes
                ? Problem(VerdictTextId.FileTooLarge, name, name, maxBytes.ToString(CultureInfo.InvariantCulture))
                : Problem(VerdictTextId.BundleTooLarge, name, _maxTotalBytes.ToString(CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw Problem(VerdictTextId.FileUnreadable, name, name, ex.Message);
        }

        _bytesRead += bytes.Length;
        return bytes;
    }

    /// <summary>Closes the zip, if the bundle is one.</summary>
    public void Dispose() => _zip?.Dispose();

    private static Dictionary<string, ZipArchiveEntry?> ListFolder(string root)
    {
        var files = new Dictionary<string, ZipArchiveEntry?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var options = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var folders = new Stack<(DirectoryInfo Folder, string Prefix)>();
        folders.Push((new DirectoryInfo(root), ""));
        try
        {
            while (folders.TryPop(out var current))
            {
                foreach (var item in current.Folder.EnumerateFileSystemInfos("*", options))
                {
                    var name = current.Prefix + item.Name;
                    if (!IsSafeName(item.Name))
                    {
                        throw Problem(VerdictTextId.UnsafePath, name, name);
                    }

                    if (item.LinkTarget is not null)
                    {
                        throw Problem(VerdictTextId.LinkRefused, name, name);
                    }

                    if (!seen.Add(name))
                    {
                        throw Problem(VerdictTextId.DuplicateName, name, name);
                    }

                    if (item is DirectoryInfo folder)
                    {
                        folders.Push((folder, name + "/"));
                    }
                    else
                    {
                        files.Add(name, null);
                    }

                    if (seen.Count > MaxFiles)
                    {
                        throw Problem(VerdictTextId.TooManyFiles, null, MaxFiles.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem(VerdictTextId.FileUnreadable, null, root, ex.Message);
        }

        return files;
    }

    private static Dictionary<string, ZipArchiveEntry?> ListZip(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxFiles)
        {
            throw Problem(VerdictTextId.TooManyFiles, null, MaxFiles.ToString(CultureInfo.InvariantCulture));
        }

        var files = new Dictionary<string, ZipArchiveEntry?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            var isFolder = name.EndsWith('/');
            var trimmed = isFolder ? name[..^1] : name;
            if (trimmed.Length == 0 || !trimmed.Split('/').All(IsSafeName))
            {
                throw Problem(VerdictTextId.UnsafePath, name, name);
            }

            if (isFolder)
            {
                // A folder entry only names a folder; a file inside it still needs its own entry.
                continue;
            }

            if (!seen.Add(name))
            {
                throw Problem(VerdictTextId.DuplicateName, name, name);
            }

            files.Add(name, entry);
        }

        return files;
    }

    // One segment of a relative path: not empty, ".", "..", no separator, drive colon or control character.
    private static bool IsSafeName(string segment) =>
        segment.Length > 0
        && segment is not ("." or "..")
        && !segment.Any(c => c is '/' or '\\' or ':' || char.IsControl(c));

    // The zip's end record says how long its list of names is; refuse a long one before ZipArchive reads it into memory.
    private static void RefuseLargeCentralDirectory(string path)
    {
        const int EndRecordSize = 22;
        const uint EndSignature = 0x06054b50;
        try
        {
            using var file = File.OpenRead(path);
            var tail = (int)Math.Min(file.Length, EndRecordSize + ushort.MaxValue);
            if (tail < EndRecordSize)
            {
                return; // ZipArchive names the fault
            }

            var buffer = new byte[tail];
            file.Seek(-tail, SeekOrigin.End);
            file.ReadExactly(buffer);
            for (var at = tail - EndRecordSize; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at)) != EndSignature)
                {
                    continue;
                }

                var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 10));
                var size = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at + 12));
                if (entries > MaxFiles || entries == ushort.MaxValue || size > MaxCentralDirectoryBytes)
                {
                    throw Problem(VerdictTextId.TooManyFiles, null, MaxFiles.ToString(CultureInfo.InvariantCulture));
                }

                return;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem(VerdictTextId.ZipUnreadable, null, path, ex.Message);
        }
    }

    // The stream's bytes, or null when it holds more than limit.
    private static byte[]? ReadAtMost(Stream stream, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BundleProblemException Problem(VerdictTextId id, string? file, params string[] args) =>
        new(new BundleProblem(id, args, file));
}
