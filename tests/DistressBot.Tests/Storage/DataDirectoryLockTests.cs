using System.Diagnostics;
using DistressBot.Storage;
using DistressBot.Tests.Storage.Fakes;

namespace DistressBot.Tests.Storage;

public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly TempDirectory _parent = new();

    public void Dispose() => _parent.Dispose();

    [Fact]
    public void Acquire_MissingDirectory_CreatesItOwnerOnlyAndWritesPid()
    {
        var dir = _parent.Combine("data");

        using var held = DataDirectoryLock.Acquire(dir);

        Assert.True(Directory.Exists(dir));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        }

        // The lock is advisory: `cat` from another process reads the holder's pid while it is held.
        var pid = Run("cat", LockFile(dir)).Output.Trim();
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), pid);
    }

    [Fact]
    public void Acquire_SecondTimeInSameProcess_ThrowsWithClearMessage()
    {
        var dir = _parent.Combine("data");
        using var held = DataDirectoryLock.Acquire(dir);

        var error = Assert.Throws<DataDirectoryLockedException>(() => DataDirectoryLock.Acquire(dir));

        Assert.Equal(
            $"another distressbot process is using {Path.GetFullPath(dir)}; stop it first (run, init and restore need it stopped; the other admin commands are handed to the running bot instead)",
            error.Message);
    }

    [Fact]
    public void Acquire_WhileHeld_AnotherProcessIsRefused()
    {
        var dir = _parent.Combine("data");
        using (DataDirectoryLock.Acquire(dir))
        {
            // util-linux flock(1) takes the same kernel flock .NET takes for FileShare.None: exit 1 means refused.
            Assert.Equal(1, Run("flock", "-n", "-E", "1", LockFile(dir), "true").ExitCode);
        }

        Assert.Equal(0, Run("flock", "-n", "-E", "1", LockFile(dir), "true").ExitCode);
    }

    [Fact]
    public void Acquire_WhileAnotherProcessHoldsIt_Throws()
    {
        var dir = _parent.Combine("data");
        DataDirectoryLock.Acquire(dir).Dispose();
        using var holder = StartFlockHolder(LockFile(dir));
        try
        {
            Assert.Throws<DataDirectoryLockedException>(() => DataDirectoryLock.Acquire(dir));
        }
        finally
        {
            holder.StandardInput.Close();
            holder.WaitForExit();
        }

        using var afterwards = DataDirectoryLock.Acquire(dir);
        Assert.NotNull(afterwards);
    }

    [Fact]
    public void Dispose_ThenAcquire_Succeeds()
    {
        var dir = _parent.Combine("data");

        DataDirectoryLock.Acquire(dir).Dispose();
        using var again = DataDirectoryLock.Acquire(dir);

        Assert.Equal(Path.GetFullPath(dir), again.DataDirectory);
    }

    private static string LockFile(string dir) => Path.Combine(dir, DataDirectoryLock.LockFileName);

    private static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static Process StartFlockHolder(string lockFile)
    {
        // Holds the lock until its standard input closes; prints once it has the lock.
        var info = new ProcessStartInfo("flock")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-x", lockFile, "sh", "-c", "echo locked; cat >/dev/null" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        Assert.Equal("locked", process.StandardOutput.ReadLine());
        return process;
    }
}
