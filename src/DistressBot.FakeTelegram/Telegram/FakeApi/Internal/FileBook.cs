using System.Collections.Concurrent;
using System.Globalization;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>The bytes of files people sent, by file id and by the file path getFile gives out, for the download path.</summary>
internal sealed class FileBook
{
    /// <summary>The Bot API's download limit: getFile refuses a larger file with "file is too big".</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, (byte[] Content, string Path)> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _byPath = new(StringComparer.Ordinal);
    private long _next;

    /// <summary>Keeps <paramref name="content"/> for <paramref name="fileId"/> under a new path "documents/file_N".</summary>
    public void Add(string fileId, ReadOnlyMemory<byte> content, string folder)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{folder}/file_{Interlocked.Increment(ref _next)}");
        var bytes = content.ToArray();
        _byId[fileId] = (bytes, path);
        _byPath[path] = bytes;
    }

    /// <summary>The file's size and path, or null for a file id the fake never gave out.</summary>
    public (long Size, string Path)? Find(string fileId) => _byId.TryGetValue(fileId, out var f) ? (f.Content.LongLength, f.Path) : null;

    /// <summary>The bytes at <paramref name="path"/>, or null.</summary>
    public byte[]? Read(string path) => _byPath.TryGetValue(path, out var bytes) ? bytes : null;
}
