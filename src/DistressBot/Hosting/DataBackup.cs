using System.Reflection;
using System.Security.Cryptography;
using DistressBot.Crypto;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Hosting;

/// <summary>
/// Writes a backup of the opened data into a new or empty folder: every file the data directory needs, taken by the process
/// that owns it (the running bot, or the command line with the bot stopped), then manifest.json and its MAC.
/// </summary>
public static class DataBackup
{
    /// <summary>The version of distressbot written into each manifest.</summary>
    public static string BotVersion { get; } =
        typeof(DataBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Why <paramref name="target"/> may not receive a backup of <paramref name="dataDirectory"/>, or null when it may (new, or an empty folder outside the data directory).</summary>
    public static string? TargetProblem(string target, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        if (BotSettings.IsSameOrInside(full, data))
        {
            return $"{full} is inside the data directory {data}: a backup there is lost with the data (and a restore with --force would move it aside). Choose a folder elsewhere, ideally on other media.";
        }

        if (File.Exists(full))
        {
            return $"{full} is a file; give a new or empty directory.";
        }

        return Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()
            ? $"{full} is not empty; give a new or empty directory."
            : null;
    }

    /// <summary>Writes the backup into <paramref name="target"/> (created 0700, or an empty folder tightened to 0700); on failure removes what it wrote.</summary>
    /// <returns>The manifest written.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> is refused (<see cref="TargetProblem"/>).</exception>
    /// <exception cref="IOException">A file could not be written (a full or missing disk); what was written is gone.</exception>
    public static async Task<BackupManifest> WriteAsync(BotRuntime runtime, string target, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (TargetProblem(target, runtime.Settings.DataDirectory) is { } problem)
        {
            throw new ArgumentException(problem, nameof(target));
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var created = !Directory.Exists(folder);
        var written = new List<string>();
        try
        {
            // A new folder is born 0700; an empty one the admin made is tightened before anything is written into it.
            OwnerOnly.CreateFolder(folder);
            OwnerOnly.Tighten(folder);
            using var mac = BackupMac.For(runtime.Keyring);

            var dataCopy = Path.Combine(folder, LiteRecordStore.DataFileName);
            written.Add(dataCopy);
            var holds = await runtime.Records.BackupAsync(dataCopy, session => runtime.Store.Read(session, BackupHoldsReader.Read)).WaitAsync(ct);

            // Every other file the data directory needs, copied after the data file: case keys are created before the record
            // that uses them commits, so the keys copied afterwards cover every case in the copy.
            foreach (var source in SideFiles(runtime))
            {
                var copy = Path.Combine(folder, Path.GetFileName(source));
                written.Add(copy);
                CopyOwnerOnly(source, copy);
            }

            var files = written.Select(Describe).ToList();
            var manifest = new BackupManifest
            {
                Format = BackupManifest.CurrentFormat,
                Kind = BackupManifest.BackupKind,
                CreatedAt = now.ToUniversalTime(),
                BotVersion = BotVersion,
                KeyringId = mac.KeyringId,
                LogKey = runtime.Keyring.LogSigner.KeyName,
                Files = files,
                Holds = holds,
            };
            var json = manifest.ToJson();

            // The MAC last: a folder without it is an unfinished backup, and nothing takes it for a good one.
            written.Add(Path.Combine(folder, BackupManifest.FileName));
            WriteOwnerOnly(written[^1], json);
            written.Add(Path.Combine(folder, BackupManifest.MacFileName));
            WriteOwnerOnly(written[^1], System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac.Compute(json)) + "\n"));
            AtomicFile.SyncFolder(folder);
            return manifest;
        }
        catch
        {
            RemoveWritten(folder, written, created);
            throw;
        }
    }

    /// <summary>Lowercase hex SHA-256 of a file's content.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // Beside the data file, every other file of the data directory (today the case keys), so a file the data comes to need, or
    // no longer needs, changes nothing here. Left out: the data file's write-ahead log (checkpointed into the copy), the lock,
    // the admin socket, and a half-written temporary file (".name.guid.tmp").
    private static List<string> SideFiles(BotRuntime runtime)
    {
        var dataFile = Path.GetFileName(runtime.Records.DataFile);
        string[] notData = [dataFile, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile), DataDirectoryLock.LockFileName, Path.GetFileName(AdminSocketPath.For(runtime.Settings.DataDirectory))];
        return Directory.EnumerateFiles(runtime.Settings.DataDirectory)
            .Where(f => Path.GetFileName(f) is var name && !notData.Contains(name) && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static BackupFile Describe(string path) => new(Path.GetFileName(path), new FileInfo(path).Length, Sha256Of(path));

    private static void CopyOwnerOnly(string source, string destination)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = OwnerOnly.CreateFile(destination);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }

    private static void WriteOwnerOnly(string path, ReadOnlySpan<byte> content)
    {
        using var to = OwnerOnly.CreateFile(path);
        to.Write(content);
        to.Flush(flushToDisk: true);
    }

    private static void RemoveWritten(string folder, List<string> written, bool created)
    {
        try
        {
            foreach (var file in written)
            {
                File.Delete(file);
            }

            if (created && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The failure that brought us here is the one to report; an unfinished folder has no MAC and is never taken for a backup.
        }
    }
}
