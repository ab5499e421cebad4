using DistressBot.Hosting;
using DistressBot.Storage;

namespace DistressBot.Cli;

/// <summary>`distressbot backup DIR`: a consistent copy of the data file (which holds the case keys too), taken by the owning process.</summary>
public static class BackupCommand
{
    /// <summary>Writes the backup into the new or empty directory named by <c>args[1]</c>.</summary>
    public static async Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, BotRuntime runtime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(runtime);
        if (args.Count != 2)
        {
            return AdminResult.Usage("Usage: distressbot backup DIRECTORY   (a new or empty directory)");
        }

        var target = Path.GetFullPath(args[1]);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return AdminResult.Fail($"{target} is not empty; give a new or empty directory.");
        }

        // A new directory is born 0700; an empty one the admin made is tightened before anything is written into it.
        OwnerOnly.CreateFolder(target);
        OwnerOnly.Tighten(target);

        await runtime.Records.BackupAsync(Path.Combine(target, "distressbot.db")).WaitAsync(ct);

        return new AdminResult(0, target + "\n", "Backup written. It is encrypted; restoring it needs the keyring and its secret, which are not in it.\n");
    }
}
