using System.Runtime.InteropServices;
using System.Text;

namespace DistressBot.Crypto;

/// <summary>Replaces small secret files atomically and durably, readable by the owner only.</summary>
/// <remarks>
/// Write a temporary file in the same folder, fsync it, rename it over the target, then fsync the folder:
/// after a crash the target is either the old or the new content, never a torn mix, and the rename survives power loss.
/// </remarks>
internal static class AtomicFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, replacing it when <paramref name="overwrite"/>.</summary>
    /// <exception cref="IOException">The target exists and <paramref name="overwrite"/> is false, or the disk failed.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new IOException($"{fullPath} has no parent folder.");
        EnsureFolder(folder);

        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, CreateOptions()))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite);
            SyncFolder(folder);
        }
        finally
        {
            // After a successful move the temp name no longer exists; after a failure it must not linger.
            File.Delete(temp);
        }
    }

    /// <summary>Writes a new file that must not exist yet, with owner-only permissions, and fsyncs it and its folder.</summary>
    /// <exception cref="IOException">The file already exists.</exception>
    public static void CreateNew(string path, ReadOnlySpan<byte> content)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new IOException($"{fullPath} has no parent folder.");
        EnsureFolder(folder);
        var options = CreateOptions();
        using (var stream = new FileStream(fullPath, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        SyncFolder(folder);
    }

    /// <summary>Deletes <paramref name="path"/> (if present) and fsyncs its folder, so the removal survives power loss.</summary>
    public static void Delete(string path)
    {
        var fullPath = Path.GetFullPath(path);
        File.Delete(fullPath);
        SyncFolder(Path.GetDirectoryName(fullPath) ?? throw new IOException($"{fullPath} has no parent folder."));
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the secret is never readable by others even for a moment (umask only removes bits).
            options.UnixCreateMode = OwnerReadWrite;
        }

        return options;
    }

    private static void EnsureFolder(string folder) => Storage.OwnerOnly.CreateFolder(folder);

    /// <summary>fsyncs <paramref name="folder"/>, so the names created or renamed in it survive a power cut; does nothing on Windows.</summary>
    internal static void SyncFolder(string folder)
    {
        // .NET cannot open a directory as a FileStream on Unix, so fsync it through libc; Windows has no equivalent need.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = LibcFsync.Open(Encoding.UTF8.GetBytes(folder + "\0"), 0);
        if (fd < 0)
        {
            throw new IOException($"Could not open folder {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (LibcFsync.Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush folder {folder} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = LibcFsync.Close(fd);
        }
    }

    /// <summary>The three libc calls needed to fsync a directory.</summary>
    /// <remarks>Plain DllImport with blittable ints: LibraryImport would need unsafe code enabled for the whole project.</remarks>
    private static class LibcFsync
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Open(byte[] nullTerminatedUtf8Path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Close(int fd);
    }
}
