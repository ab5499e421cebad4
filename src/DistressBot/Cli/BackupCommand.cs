using DistressBot.Hosting;

namespace DistressBot.Cli;

/// <summary>What `distressbot backup` was asked: the folder to write the backup into (absolute).</summary>
/// <param name="Directory">A new or empty folder outside the data directory.</param>
public sealed record BackupCommandOptions(string Directory);

/// <summary>`distressbot backup DIR`: every file the data needs, taken by the owning process, with manifest.json and its MAC (docs/backups.md).</summary>
public static class BackupCommand
{
    /// <summary>The usage line.</summary>
    public const string UsageLine = "Usage: distressbot backup DIRECTORY   (a new or empty directory outside the data directory)";

    /// <summary>The old-style parser: <c>backup DIRECTORY</c>, nothing else.</summary>
    public static Task<AdminResult> ExecuteAsync(IReadOnlyList<string> args, AdminContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        return args.Count != 2 || string.IsNullOrWhiteSpace(args[1])
            ? Task.FromResult(AdminResult.Usage(UsageLine))
            : ExecuteAsync(new BackupCommandOptions(Path.GetFullPath(args[1])), context.Runtime, context.Time, ct);
    }

    /// <summary>Writes the backup into <see cref="BackupCommandOptions.Directory"/>; refuses a folder that is not empty or lies inside the data directory.</summary>
    public static async Task<AdminResult> ExecuteAsync(BackupCommandOptions options, BotRuntime runtime, TimeProvider time, CancellationToken ct)
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
