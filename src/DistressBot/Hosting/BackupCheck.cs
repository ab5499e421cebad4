using System.Globalization;
using System.Text;
using DistressBot.Crypto;

namespace DistressBot.Hosting;

/// <summary>What checking a backup found: its manifest when every check passed, else the first problem, named.</summary>
/// <param name="Manifest">The authenticated manifest; null when a check failed.</param>
/// <param name="Problem">What is wrong, for the admin; null when the backup verified.</param>
public sealed record BackupVerdict(BackupManifest? Manifest, string? Problem)
{
    /// <summary>True when every check passed.</summary>
    public bool Verified => Problem is null;
}

/// <summary>
/// Checks a backup folder against a keyring before anything trusts it: the keyring id, the MAC over manifest.json, the format,
/// and every listed file's size and SHA-256, with no file missing and none unlisted. Reads only; fails closed.
/// </summary>
public static class BackupCheck
{
    private const int MaxManifestBytes = 1 << 20;

    /// <summary>Checks the backup in <paramref name="folder"/> with the keyring's <paramref name="mac"/>.</summary>
    public static BackupVerdict Verify(string folder, BackupMac mac)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(mac);
        try
        {
            return Check(Path.GetFullPath(folder), mac);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused($"{folder} could not be read ({ex.Message}).");
        }
    }

    private static BackupVerdict Check(string folder, BackupMac mac)
    {
        if (!Directory.Exists(folder))
        {
            return Refused($"There is no backup folder at {folder}.");
        }

        var manifestPath = Path.Combine(folder, BackupManifest.FileName);
        var macPath = Path.Combine(folder, BackupManifest.MacFileName);
        if (!File.Exists(manifestPath))
        {
            return Refused($"{folder} has no {BackupManifest.FileName}: it is not a backup, an unfinished one, or one made by a version before backups carried a manifest.");
        }

        if (!File.Exists(macPath))
        {
            return Refused($"{folder} has no {BackupManifest.MacFileName}: the backup was not finished, or its MAC was removed.");
        }

        // A manifest of a real deployment is a few hundred bytes; a huge one is not read into memory.
        if (new FileInfo(manifestPath).Length > MaxManifestBytes || new FileInfo(macPath).Length > BackupMac.MacSize * 2 + 2)
        {
            return Refused($"{BackupManifest.FileName} or {BackupManifest.MacFileName} in {folder} is far larger than any this build writes: it is not a backup as it was written.");
        }

        var json = File.ReadAllBytes(manifestPath);
        var claimed = BackupManifest.TryParse(json);

        // The keyring id is read before the MAC is checked only to name the problem better: a foreign backup fails the MAC anyway.
        if (claimed?.KeyringId is { } keyringId && !string.Equals(keyringId, mac.KeyringId, StringComparison.Ordinal))
        {
            return Refused($"The backup in {folder} belongs to another keyring (keyring id {Shown(keyringId)}; this keyring's is {mac.KeyringId}): restore it with the keyring it was made with.");
        }

        if (!TryReadMac(macPath, out var expected) || !mac.Verify(json, expected))
        {
            return Refused($"{BackupManifest.FileName} in {folder} does not match its MAC under this keyring: the manifest or its MAC was changed, or the backup belongs to another keyring.");
        }

        if (claimed is null || claimed.Format != BackupManifest.CurrentFormat || claimed.Kind != BackupManifest.BackupKind || claimed.Files is not { Count: > 0 } files)
        {
            return Refused($"{BackupManifest.FileName} in {folder} is authentic but of a format this build does not read (format {claimed?.Format}); use the version of distressbot that made it ({Shown(claimed?.BotVersion)}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!IsPlainName(file.Name) || !names.Add(file.Name))
            {
                return Refused($"{BackupManifest.FileName} in {folder} lists an invalid or repeated file name ('{Shown(file.Name)}').");
            }
        }

        var unlisted = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>()
            .Where(n => n is not (BackupManifest.FileName or BackupManifest.MacFileName) && !names.Contains(n))
            .Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0)
        {
            return Refused($"{folder} holds what its manifest does not list ({string.Join(", ", unlisted)}): it is not the backup as it was written.");
        }

        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                return Refused($"{file.Name} is missing from the backup in {folder}.");
            }

            var length = new FileInfo(path).Length;
            if (length != file.Bytes)
            {
                return Refused(string.Create(CultureInfo.InvariantCulture, $"{file.Name} in {folder} has {length} bytes, but the manifest says {file.Bytes}: the file was changed or cut short."));
            }

            if (!string.Equals(DataBackup.Sha256Of(path), file.Sha256, StringComparison.Ordinal))
            {
                return Refused($"{file.Name} in {folder} does not match its SHA-256 in the manifest: the file was changed or damaged.");
            }
        }

        return new BackupVerdict(claimed, null);
    }

    /// <summary>A file name with no folder part, not "." or "..", and not the manifest's own.</summary>
    internal static bool IsPlainName(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or ".." or BackupManifest.FileName or BackupManifest.MacFileName)
        && name.IndexOfAny(['/', '\\', '\0']) < 0 && name.Length <= 255;

    private static bool TryReadMac(string path, out byte[] mac)
    {
        mac = [];
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(path)).TrimEnd('\n');
        if (text.Length != BackupMac.MacSize * 2 || !text.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        mac = Convert.FromHexString(text);
        return true;
    }

    // What an unauthenticated manifest says is shown short and printable only.
    private static string Shown(string? text) =>
        text is null ? "none" : new string([.. text.Take(64).Where(c => !char.IsControl(c))]);

    private static BackupVerdict Refused(string problem) => new(null, problem);
}
