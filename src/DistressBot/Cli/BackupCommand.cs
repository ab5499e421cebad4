using System.CommandLine;
using DistressBot.Hosting;
using DistressBot.Storage;

namespace DistressBot.Cli;

/// <summary>`distressbot backup`'s options.</summary>
/// <param name="Directory">The absolute path of the new or empty directory to write into.</param>
public sealed record BackupOptions(string Directory);

/// <summary>`distressbot backup DIR`: a consistent copy of the data file (which holds the case keys too), taken by the owning process.</summary>
public static class BackupCommand
{
    /// <summary>The `backup` command.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var directory = CliArguments.Path("DIRECTORY", "a new or empty directory");
        return new Command("backup", "a consistent encrypted copy of the data (the keyring is not in it)") { directory }
            .WithAdminAction(side, parse => new BackupOptions(CliArguments.FullPath(parse.GetValue(directory)!, side.WorkingDirectory)), (options, context, ct) => ExecuteAsync(options, context.Runtime, ct));
    }

    /// <summary>Writes the backup into the new or empty directory <see cref="BackupOptions.Directory"/>; exit 1 when it is not empty.</summary>
    public static async Task<AdminResult> ExecuteAsync(BackupOptions options, BotRuntime runtime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        var target = options.Directory;
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
