using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Cli;

/// <summary>What `distressbot restore` was asked.</summary>
/// <param name="Backup">The backup folder (absolute).</param>
/// <param name="Force">Move data already in the data directory aside to <c>DATA.before-restore-&lt;utc&gt;</c> instead of refusing.</param>
public sealed record RestoreOptions(string Backup, bool Force);

/// <summary>
/// `distressbot restore BACKUP [--force]`, with the bot stopped: checks the backup against the keyring (MAC, every file's size and
/// SHA-256) before anything is written, then copies it (owner-only, fsynced, hashes checked again as copied) into an existing empty
/// data directory under temporary names renamed into place with the data file last, or, when there is no data directory (or
/// --force moves the data aside), into a new folder beside it renamed into its place.
/// </summary>
public static class RestoreCommand
{
    // What a stopped bot leaves in its data directory that is not data: the lock file and a stale admin socket.
    private static readonly string[] NotData = [DataDirectoryLock.LockFileName, Path.GetFileName(AdminSocketPath.For("/"))];

    /// <summary>What a file copied into an existing data directory is called until it is complete: "distressbot.db.restoring".</summary>
    public const string StagingSuffix = ".restoring";

    /// <summary>The `restore` command: runs only in the admin's own process, with the bot stopped (the running bot refuses it over its socket).</summary>
    public static Command Build()
    {
        var backup = CliArguments.Path("BACKUP", "a backup folder made by distressbot backup or Backup:Directory");
        var force = new Option<bool>("--force") { Description = "move data already in the data directory aside (to DATA.before-restore-<utc>) instead of refusing" };
        return new Command("restore", "with the bot stopped: check a backup against the keyring (MAC, every file's SHA-256), then restore it into the data directory; a damaged or foreign backup is refused with nothing written") { backup, force }
            .WithLocalAction((parse, ct) => CommandLine.WithSettingsAsync(SettingsUse.Admin, parse, async (_, settings) =>
            {
                var options = new RestoreOptions(Path.GetFullPath(parse.GetValue(backup)!), parse.GetValue(force));
                // Before the passphrase is asked: a mistyped path is answered at once.
                var result = MissingBackup(options.Backup);
                if (result is null)
                {
                    using var secret = KeyMaterialResolver.ForConsole().Resolve(settings.Crypto.KeyFile);
                    result = Execute(options, settings, secret, TimeProvider.System);
                }

                return await result.PrintAsync(parse, ct);
            }));
    }

    /// <summary>Restores <see cref="RestoreOptions.Backup"/> into <paramref name="settings"/>' data directory with the keyring opened by <paramref name="secret"/>.</summary>
    /// <exception cref="KeyringException">The keyring does not open (exit 3).</exception>
    /// <exception cref="DataDirectoryPermissionsException">The data directory is open to group or others (exit 4).</exception>
    public static AdminResult Execute(RestoreOptions options, BotSettings settings, KeyEncryptionSecret secret, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(time);
        var backup = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Backup));
        var data = Path.TrimEndingDirectorySeparator(settings.DataDirectory);
        if (MissingBackup(backup) is { } missing)
        {
            return missing;
        }

        if (BotSettings.IsSameOrInside(backup, data))
        {
            return AdminResult.Fail($"The backup {backup} is inside the data directory {data}; move it elsewhere first. Nothing was written.");
        }

        // Checked in full before anything is written: a damaged or foreign backup changes nothing.
        BackupManifest manifest;
        using (var keyring = Keyring.Open(settings.KeyringPath, secret, time))
        using (var mac = BackupMac.For(keyring))
        {
            var verdict = BackupCheck.Verify(backup, mac);
            if (!verdict.Verified)
            {
                return AdminResult.Fail($"Refused: {verdict.Problem} Nothing was written.");
            }

            manifest = verdict.Manifest!;
        }

        if (OwnerOnly.LooseFolderProblem(data, "The data directory") is { } loose)
        {
            throw new DataDirectoryPermissionsException(data, loose);
        }

        DataDirectoryLock? dataLock = null;
        try
        {
            if (Directory.Exists(data))
            {
                try
                {
                    dataLock = DataDirectoryLock.Acquire(data);
                }
                catch (DataDirectoryLockedException)
                {
                    return new AdminResult(CommandLine.ExitData, "", $"The bot (or another distressbot process) is using {data}: stop it first (e.g. systemctl stop distressbot); restore works only with the bot stopped. Nothing was written.\n");
                }
            }

            var existing = Directory.Exists(data)
                ? Directory.EnumerateFileSystemEntries(data).Select(Path.GetFileName).OfType<string>()
                    .Where(n => !NotData.Contains(n) && !n.EndsWith(StagingSuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
                : [];
            if (existing.Count > 0 && !options.Force)
            {
                return AdminResult.Fail($"The data directory {data} already holds data ({string.Join(", ", existing)}). To replace it, add --force: it is moved aside first, not deleted. Nothing was written.");
            }

            return Directory.Exists(data) && existing.Count == 0
                ? RestoreInside(backup, data, manifest)
                : RestoreBeside(backup, data, manifest, existing.Count > 0, time.GetUtcNow());
        }
        catch (UnauthorizedAccessException ex)
        {
            // Permissions are the server's layout, not a bad argument: exit 1, with what to fix.
            return AdminResult.Fail($"The restore was refused by the file system ({ex.Message}). The data directory {data} must exist and be owned by the bot's user (as root: install -d -o {Environment.UserName} -m 0700 {data}), and restore must run as that user (distressbot-admin). Nothing was restored.");
        }
        finally
        {
            dataLock?.Dispose();
        }
    }

    // A backup path that is not a folder is a bad argument, like any other: exit 2.
    private static AdminResult? MissingBackup(string backup)
    {
        if (Directory.Exists(backup))
        {
            return null;
        }

        var what = File.Exists(backup) ? "is a file, not a backup folder" : "does not exist";
        return new AdminResult(CommandLine.ExitUsage, "", $"The backup {backup} {what}: give the folder distressbot backup (or Backup:Directory) made. Nothing was written.\n");
    }

    // Into the existing, empty data directory (the server layout: its parent belongs to root). Each file is copied under a
    // temporary name and renamed into place, the data file last: until it is there, `run` still refuses the directory.
    private static AdminResult RestoreInside(string backup, string data, BackupManifest manifest)
    {
        var files = manifest.Files!.OrderBy(f => f.Name == LiteRecordStore.DataFileName).ToList();
        var staged = files.Select(f => Path.Combine(data, f.Name + StagingSuffix)).ToList();
        try
        {
            // Left by a restore that stopped before its renames: never data, as the data file is renamed last.
            foreach (var leftover in Directory.EnumerateFiles(data, "*" + StagingSuffix))
            {
                File.Delete(leftover);
            }

            for (var i = 0; i < files.Count; i++)
            {
                if (CopyChecked(Path.Combine(backup, files[i].Name), staged[i]) != files[i].Sha256)
                {
                    staged.ForEach(File.Delete);
                    return AdminResult.Fail($"{files[i].Name} in {backup} changed while it was being restored; nothing was restored. Check the backup and run it again.");
                }
            }

            AtomicFile.SyncFolder(data);
            for (var i = 0; i < files.Count; i++)
            {
                File.Move(staged[i], Path.Combine(data, files[i].Name));
            }

            AtomicFile.SyncFolder(data);
        }
        catch (IOException ex)
        {
            var state = File.Exists(Path.Combine(data, LiteRecordStore.DataFileName))
                ? $"Every file is in place in {data}, but the folder may not be synced to disk: check the disk before starting the bot."
                : $"{data} holds no data file yet, so the bot still refuses to start; fix the fault (e.g. free some space) and run the restore again.";
            return AdminResult.Fail($"The restore could not finish ({ex.Message}). {state}");
        }

        return Restored(data, manifest, "");
    }

    // Beside the data directory (none there yet, or --force moving the data aside): needs the parent folder to be writable.
    private static AdminResult RestoreBeside(string backup, string data, BackupManifest manifest, bool holdsData, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var staging = data + ".restoring-" + stamp;
        var aside = data + ".before-restore-" + stamp;
        if (Directory.Exists(staging) || Directory.Exists(aside))
        {
            return AdminResult.Fail($"{staging} or {aside} already exists (a restore in the same second?); run it again. Nothing was written.");
        }

        var parent = Path.GetDirectoryName(data)!;
        try
        {
            OwnerOnly.CreateFolder(staging);
        }
        catch (UnauthorizedAccessException)
        {
            return AdminResult.Fail(holdsData
                ? $"--force cannot move the data aside: this user may not write to {parent}. As root, move it aside and make an empty data directory, then run the restore again without --force:\n" +
                  $"  mv {data} {aside}\n  install -d -o {Environment.UserName} -m 0700 {data}\nNothing was written."
                : $"The data directory {data} does not exist and this user may not create it in {parent}. As root: install -d -o {Environment.UserName} -m 0700 {data}, then run the restore again. Nothing was written.");
        }

        try
        {
            // Locked too, so that a bot started while the folders change places finds its data directory taken.
            using (DataDirectoryLock.Acquire(staging))
            {
                foreach (var file in manifest.Files!)
                {
                    if (CopyChecked(Path.Combine(backup, file.Name), Path.Combine(staging, file.Name)) != file.Sha256)
                    {
                        Directory.Delete(staging, recursive: true);
                        return AdminResult.Fail($"{file.Name} in {backup} changed while it was being restored; nothing was restored. Check the backup and run it again.");
                    }
                }

                AtomicFile.SyncFolder(staging);
                if (Directory.Exists(data))
                {
                    Directory.Move(data, aside);
                }

                Directory.Move(staging, data);
                AtomicFile.SyncFolder(parent);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var where = Directory.Exists(staging) ? $" The copy made so far is in {staging}; remove it." : "";
            var restoredAside = Directory.Exists(aside) ? $" The earlier data directory is now {aside}{(Directory.Exists(data) ? "" : $": move it back to {data} to start as before")}." : "";
            return AdminResult.Fail($"The restore could not finish ({ex.Message}).{where}{restoredAside}");
        }

        var moved = "";
        if (holdsData)
        {
            moved = $"The data that was there is kept in {aside}; remove it once the restored bot works.\n";
        }
        else if (Directory.Exists(aside))
        {
            // Only a lock file or a stale socket was there.
            Directory.Delete(aside, recursive: true);
        }

        return Restored(data, manifest, moved);
    }

    private static AdminResult Restored(string data, BackupManifest manifest, string moved) =>
        new(
            0,
            data + "\n",
            $"Restored the backup of {manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC (distressbot {manifest.BotVersion}) into {data}: {string.Join(", ", manifest.Files!.Select(f => f.Name))}.\n" +
            (manifest.Holds is { } holds ? $"It holds {holds.Describe()}.\n" : "") +
            moved +
            "Start the bot: it serves the people, schedules and cases of the backup; deadlines that passed since the backup was taken fall due at once, as after any downtime.\n");

    // Copies owner-only, fsynced, and hashes what was read, so what is restored is what was checked.
    private static string CopyChecked(string source, string destination)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = OwnerOnly.CreateFile(destination);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            to.Write(buffer, 0, read);
        }

        to.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
