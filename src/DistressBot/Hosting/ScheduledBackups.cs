using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>
/// Every <c>Backup:Every</c>: a backup into <c>Backup:Directory/distressbot-YYYYMMDDTHHMMSSZ/</c> by the same code as `distressbot
/// backup`, then the oldest of the folders it made beyond <c>Backup:Keep</c> removed; a folder that does not verify is never
/// removed nor counted. A failed backup is logged and tried again at the next time. Off while <c>Backup:Directory</c> is unset.
/// </summary>
public sealed partial class ScheduledBackups(BotRuntime runtime, BotSettings settings, TimeProvider time, ILogger<ScheduledBackups> logger) : BackgroundService
{
    /// <summary>What the name of every folder it makes starts with.</summary>
    public const string FolderPrefix = "distressbot-";

    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Rung after each round (tests wait on it).</summary>
    internal AsyncSignal Ticked { get; } = new();

    /// <summary>Rung once the wait for the next backup is armed, so a test advancing fake time after it never advances too early.</summary>
    internal AsyncSignal Waiting { get; } = new();

    /// <summary>The folder name of a backup taken at <paramref name="at"/>: "distressbot-20261130T090000Z".</summary>
    public static string FolderName(DateTimeOffset at) => FolderPrefix + at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>When the backup in a folder called <paramref name="name"/> was taken, or null when the name is not one this service gives.</summary>
    public static DateTimeOffset? TakenAt(string name) =>
        name.StartsWith(FolderPrefix, StringComparison.Ordinal)
        && DateTime.TryParseExact(name[FolderPrefix.Length..], StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
        && FolderName(at) == name
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    /// <summary>One round at <paramref name="now"/>: a backup, then the pruning (only after a backup that was written).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public async Task<BackupRound> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var root = settings.Backup.DirectoryPath ?? throw new InvalidOperationException("Backup:Directory is not set.");
        var folder = Path.Combine(root, FolderName(now));
        BackupManifest manifest;
        try
        {
            OwnerOnly.CreateFolder(root);
            manifest = await DataBackup.WriteAsync(runtime, folder, now, ct);
            LogWritten(folder, manifest.Files!.Count, manifest.Files.Sum(f => f.Bytes));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFailed(ex, root, DurationToken(settings.Backup.Every));
            return new BackupRound(null, []);
        }

        return new BackupRound(folder, Prune(root, folder, manifest.Holds));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Backup.DirectoryPath is not { } root)
        {
            return;
        }

        await Task.Yield();
        var last = NewestMade(root);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();

            // A folder stamped in the future (a clock set back) must not hold backups off until then.
            var due = last is { } at && at <= now ? at + settings.Backup.Every : now;
            if (due > now)
            {
                var wait = Task.Delay(due - now, time, stoppingToken);
                Waiting.Notify();
                await wait;
            }

            var started = time.GetUtcNow();
            await RunOnceAsync(started, stoppingToken);
            last = started;
            Ticked.Notify();
        }
    }

    private static string DurationToken(TimeSpan value) => Domain.DurationToken.Format(value);

    private static DateTimeOffset? NewestMade(string root)
    {
        try
        {
            return Directory.Exists(root)
                ? Directory.EnumerateDirectories(root).Select(d => TakenAt(Path.GetFileName(d))).Max()
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Newest first: the first Keep that verify stay; older ones that verify go; one that does not verify is left and named.
    // An older one that holds more than the backup just written stays too, and is named: a bot started on the wrong (empty)
    // data directory must not prune the real backups away.
    private List<string> Prune(string root, string newest, BackupHolds? newestHolds)
    {
        var removed = new List<string>();
        try
        {
            using var mac = BackupMac.For(runtime.Keyring);
            var made = Directory.EnumerateDirectories(root)
                .Select(d => (Path: d, At: TakenAt(Path.GetFileName(d))))
                .Where(d => d.At is not null)
                .OrderByDescending(d => d.At)
                .ToList();
            var kept = 0;
            foreach (var (path, _) in made)
            {
                var verdict = BackupCheck.Verify(path, mac);
                if (!verdict.Verified)
                {
                    LogNotVerified(path, verdict.Problem!);
                    continue;
                }

                if (++kept <= settings.Backup.Keep)
                {
                    continue;
                }

                if (path != newest && HoldsMore(verdict.Manifest!.Holds, newestHolds) is { } older)
                {
                    LogHeldMore(path, older.Subjects + older.Coordinators + older.Lawyers, older.OpenCases, newest, People(newestHolds), newestHolds?.OpenCases);
                    continue;
                }

                Directory.Delete(path, recursive: true);
                removed.Add(path);
                LogPruned(path, settings.Backup.Keep);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or KeyringException)
        {
            LogPruneFailed(ex, root);
        }

        return removed;
    }

    // What an older backup holds when it holds more people or open cases than the newest; null when it may go. A newest
    // whose records did not open (holds unknown) is taken to hold nothing; an older one of unknown holds may go as before.
    private static BackupHolds? HoldsMore(BackupHolds? older, BackupHolds? newest) =>
        older is not null && (People(older) > (People(newest) ?? 0) || older.OpenCases > (newest?.OpenCases ?? 0)) ? older : null;

    private static int? People(BackupHolds? holds) => holds is null ? null : holds.Subjects + holds.Coordinators + holds.Lawyers;

    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Scheduled backup {Folder} written ({Files} files, {Bytes} bytes)")]
    private partial void LogWritten(string folder, int files, long bytes);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Error, Message = "Scheduled backup into {Directory} failed; it is tried again in {Every}")]
    private partial void LogFailed(Exception ex, string directory, string every);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "Old backup {Folder} removed (Backup:Keep is {Keep})")]
    private partial void LogPruned(string folder, int keep);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "{Folder} is named like a scheduled backup but does not verify, so it is neither counted nor removed: {Problem}")]
    private partial void LogNotVerified(string folder, string problem);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Error, Message = "Removing old backups from {Directory} failed; it is tried again after the next backup")]
    private partial void LogPruneFailed(Exception ex, string directory);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Warning, Message = "Old backup {Folder} is kept beyond Backup:Keep: it holds more than the newest backup {Newest} ({People} people and {OpenCases} open cases, against {NewestPeople} and {NewestOpenCases}); check that the bot runs on the right data directory, then remove it by hand if it is no longer needed")]
    private partial void LogHeldMore(string folder, int people, int openCases, string newest, int? newestPeople, int? newestOpenCases);
}

/// <summary>What one scheduled round did.</summary>
/// <param name="Written">The backup folder written; null when the backup failed (logged).</param>
/// <param name="Removed">Old backup folders removed.</param>
public sealed record BackupRound(string? Written, IReadOnlyList<string> Removed);
