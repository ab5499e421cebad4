using System.Globalization;
using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>Scheduled backups (section "Backup"): where, how often, how many are kept. Off while <see cref="Directory"/> is unset.</summary>
public sealed class BackupScheduleOptions
{
    /// <summary>Most backups kept.</summary>
    public const int MaxKeep = 1000;

    /// <summary>Shortest time between scheduled backups.</summary>
    public static readonly TimeSpan MinEvery = TimeSpan.FromMinutes(1);

    /// <summary>An absolute folder outside the data directory that receives <c>distressbot-YYYYMMDDTHHMMSSZ/</c> backups; empty for none.</summary>
    public string? Directory { get; set; }

    /// <summary>Time between scheduled backups.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept; older ones the bot made (and that verify) are removed.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>The backup folder, absolute; null when scheduled backups are off (call after validation).</summary>
    public string? DirectoryPath => string.IsNullOrWhiteSpace(Directory) ? null : Path.TrimEndingDirectorySeparator(Directory.Trim());

    /// <summary>Adds a problem with each setting, naming it and how to fix it.</summary>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="dataDirectory">The data directory, absolute (empty when unset).</param>
    /// <param name="keyringPath">The keyring file, absolute (empty when unset): backups may not lie in or around its folder.</param>
    internal void Validate(List<string> errors, string dataDirectory, string keyringPath = "")
    {
        if (Every < MinEvery)
        {
            errors.Add($"Backup:Every ({DurationToken.Format(Every)}) must be at least 1m, e.g. 1d.");
        }

        if (Keep is < 1 or > MaxKeep)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Backup:Keep ({Keep}) must be 1 to {MaxKeep}, e.g. 7."));
        }

        if (DirectoryPath is not { } folder)
        {
            return;
        }

        if (!Path.IsPathFullyQualified(folder))
        {
            errors.Add($"Backup:Directory ({folder}) must be an absolute path, e.g. /var/backups/distressbot: a relative one would depend on the folder the bot starts in.");
        }
        else if (dataDirectory.Length > 0 && BotSettings.IsSameOrInside(folder, dataDirectory))
        {
            errors.Add($"Backup:Directory ({folder}) is inside the data directory ({dataDirectory}): backups there are lost with the data. Choose a folder elsewhere, ideally on other media, e.g. /var/backups/distressbot.");
        }
        else if (keyringPath.Length > 0 && Path.GetDirectoryName(keyringPath) is { Length: > 0 } keys
            && (BotSettings.IsSameOrInside(folder, keys) || BotSettings.IsInside(keyringPath, folder)))
        {
            errors.Add($"Backup:Directory ({folder}) is the keyring's folder or shares it ({keys}, Crypto:KeyringPath): a backup kept with the keys that open it protects nothing when that folder is copied or lost. Choose a folder elsewhere, ideally on other media, e.g. /var/backups/distressbot.");
        }
        else if (File.Exists(folder))
        {
            errors.Add($"Backup:Directory ({folder}) is a file: name a folder (it is created owner-only if missing).");
        }
    }
}
