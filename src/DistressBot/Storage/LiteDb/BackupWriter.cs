namespace DistressBot.Storage.LiteDb;

/// <summary>Copies a checkpointed data file to a backup that is private (0600), fsynced and never half-written.</summary>
internal static class BackupWriter
{
    /// <summary>Copies <paramref name="dataFile"/> to <paramref name="destinationPath"/>; refuses to replace an existing file.</summary>
    /// <returns>The number of bytes copied.</returns>
    public static long Copy(string dataFile, string destinationPath)
    {
        var destination = Path.GetFullPath(destinationPath);
        if (File.Exists(destination))
        {
            throw new IOException($"the backup destination {destination} already exists; choose a new name");
        }

        // Written under a temporary name and renamed, so a crash never leaves a truncated file under the real name.
        var temporary = destination + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            long bytes;
            using (var source = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var target = new FileStream(temporary, CreateOptions()))
            {
                source.CopyTo(target);
                target.Flush(flushToDisk: true);
                bytes = target.Length;
            }

            File.Move(temporary, destination, overwrite: false);
            return bytes;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
