using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DistressBot.Storage;

/// <summary>An exclusive, process-wide claim on a data directory, held until disposed.</summary>
/// <remarks>
/// LiteDB does not notice a second process opening the same file on Linux and loses writes (LiteDB #2163),
/// so the host takes this lock before opening any store. The lock is an open <c>distressbot.lock</c> with
/// <see cref="FileShare.None"/>, which .NET on Unix turns into <c>flock(LOCK_EX | LOCK_NB)</c>: the kernel
/// refuses other processes (and other open file descriptions in this one) and drops the lock when the
/// process dies, so a crash never leaves a stale lock behind.
/// </remarks>
public sealed class DataDirectoryLock : IDisposable
{
    /// <summary>The lock file's name inside the data directory.</summary>
    public const string LockFileName = "distressbot.lock";

    // flock already refuses a second descriptor in this process; this set makes that independent of the
    // runtime's locking switch and gives the same clear error without touching the file.
    private static readonly ConcurrentDictionary<string, byte> HeldDirectories = new(StringComparer.Ordinal);

    private readonly FileStream _lockFile;
    private int _disposed;

    private DataDirectoryLock(string dataDirectory, FileStream lockFile)
    {
        DataDirectory = dataDirectory;
        _lockFile = lockFile;
    }

    /// <summary>The full path of the locked directory.</summary>
    public string DataDirectory { get; }

    /// <summary>Creates the directory and missing parents if needed (mode 0700) and takes the lock, or throws <see cref="DataDirectoryLockedException"/>.</summary>
    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        RefuseIfRuntimeLockingDisabled();

        var directory = Path.GetFullPath(dataDirectory);
        CreateDirectory(directory);

        if (!HeldDirectories.TryAdd(directory, 0))
        {
            throw new DataDirectoryLockedException(directory, null);
        }

        try
        {
            var lockFile = OpenLockFile(directory);
            try
            {
                WriteHolderPid(lockFile);
            }
            catch
            {
                lockFile.Dispose();
                throw;
            }

            return new DataDirectoryLock(directory, lockFile);
        }
        catch
        {
            HeldDirectories.TryRemove(directory, out _);
            throw;
        }
    }

    /// <summary>Releases the lock; the lock file stays so that its permissions and inode are stable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lockFile.Dispose();
        HeldDirectories.TryRemove(DataDirectory, out _);
    }

    private static void RefuseIfRuntimeLockingDisabled()
    {
        // With this switch .NET skips flock entirely and FileShare.None would protect nothing.
        var disabled = AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var on) && on;
        var variable = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING");
        if (disabled || variable is "1" || string.Equals(variable, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or System.IO.DisableFileLocking); " +
                "distressbot needs it to keep a second process away from its data directory: unset it and start again");
        }
    }

    private static void CreateDirectory(string directory) => OwnerOnly.CreateFolder(directory);

    private static FileStream OpenLockFile(string directory)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            return new FileStream(Path.Combine(directory, LockFileName), options);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            // flock's EWOULDBLOCK surfaces as a plain IOException ("being used by another process").
            throw new DataDirectoryLockedException(directory, ex);
        }
    }

    private static void WriteHolderPid(FileStream lockFile)
    {
        // For people diagnosing a refused start: `cat distressbot.lock` names the holder.
        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        lockFile.SetLength(0);
        lockFile.Write(pid);
        lockFile.Flush(flushToDisk: true);
    }
}
