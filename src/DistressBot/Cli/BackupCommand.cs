using System.CommandLine;
using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>`distressbot backup`'s options.</summary>
/// <param name="Directory">The absolute path of the new or empty directory to write into.</param>
public sealed record BackupOptions(string Directory);

/// <summary>`distressbot backup DIR`: every file the data needs, taken by the owning process, with manifest.json and its MAC (docs/backups.md).</summary>
public static class BackupCommand
{
    /// <summary>The `backup` command.</summary>
    public static Command Build(IAdminSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        var directory = CliArguments.Path("DIRECTORY", "a new or empty directory outside the data directory");
        return new Command("backup", "a consistent encrypted copy of the data with a manifest and its MAC (the keyring is not in it; distressbot restore checks and restores it)") { directory }
            .WithAdminAction(side, parse => new BackupOptions(CliArguments.FullPath(parse.GetValue(directory)!, side.WorkingDirectory)), (options, context, ct) => ExecuteAsync(options, context.Runtime, context.Time, ct));
    }

    /// <summary>Writes the backup into <see cref="BackupOptions.Directory"/>; refuses a folder that is not empty or lies inside the data directory.</summary>
    public static async Task<AdminResult> ExecuteAsync(BackupOptions options, BotRuntime runtime, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(time);
        var target = Path.GetFullPath(options.Directory);
        if (File.Exists(target))
        {
            // A file where a folder is wanted is a bad argument, as for every other path argument.
            return AdminResult.Usage($"{target} is a file; give a new or empty directory. Nothing was written.");
        }

        if (DataBackup.TargetProblem(target, runtime.Settings.DataDirectory) is { } problem)
        {
            return AdminResult.Fail(problem + " Nothing was written.");
        }

        BackupManifest manifest;
        try
        {
            manifest = await DataBackup.WriteAsync(runtime, target, time.GetUtcNow(), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AdminResult.Fail($"The backup could not be written to {target} ({ex.Message}); what was written is removed.");
        }

        return new AdminResult(
            0,
            target + "\n",
            $"Backup written: {string.Join(", ", manifest.Files!.Select(f => f.Name))}, with {BackupManifest.FileName} and its MAC (keyring {manifest.KeyringId}).\n" +
            (manifest.Holds is { } holds ? $"It holds {holds.Describe()}.\n" : "") +
            "It is encrypted; restoring it ('distressbot restore') needs the keyring and its secret, which are not in it.\n");
    }
}
