using DistressBot.Hosting;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Cli;

/// <summary>Refuses to open a data directory that holds no data while a keyring exists: only `init` (or a restore) makes data, never `run` or an admin command.</summary>
/// <remarks>
/// A mistyped <c>Storage:DataDirectory</c> (or a unit whose <c>StateDirectory=</c> made an empty folder the admin never ran
/// `init` for) would otherwise start a new, empty bot that serves nobody and raises no alarm, beside the real data.
/// With no keyring either, the keyring's own refusal (exit 3) already names `init`.
/// </remarks>
public static class MissingData
{
    /// <summary>Why the settings' data directory must not be opened (the folder is missing or holds no data file), with the fix; null when it holds data or there is no keyring yet.</summary>
    public static string? Problem(BotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataFile = Path.Combine(settings.DataDirectory, LiteRecordStore.DataFileName);
        if (!File.Exists(settings.KeyringPath) || File.Exists(dataFile))
        {
            return null;
        }

        var what = Directory.Exists(settings.DataDirectory)
            ? $"The data directory {settings.DataDirectory} holds no data ({LiteRecordStore.DataFileName} is not there)"
            : $"The data directory {settings.DataDirectory} does not exist";
        return $"{what}, but the keyring {settings.KeyringPath} does: Storage:DataDirectory is probably mistyped. " +
            "Set it to the directory 'distressbot init' made (init printed it), or bring the data back with 'distressbot restore BACKUP'. " +
            "'distressbot init' makes a new, empty deployment, with a keyring of its own. Nothing was created.";
    }
}
