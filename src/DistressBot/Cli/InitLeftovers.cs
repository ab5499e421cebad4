namespace DistressBot.Cli;

/// <summary>Notes what `init` is about to create, so that a failure part-way can remove exactly that and nothing else.</summary>
/// <remarks>Folders that did not exist are removed whole; in folders that did exist, only the entries that were not there before.</remarks>
internal sealed class InitLeftovers
{
    private readonly List<string> _newFolders = [];
    private readonly List<(string Folder, HashSet<string> Before)> _existingFolders = [];

    /// <summary>Notes the state of the folders of the data directory, the keyring and the new key file (if any); <paramref name="createdByLock"/> is the topmost folder taking the data directory's lock created, removed whole.</summary>
    public InitLeftovers(string dataDirectory, string keyringPath, string? keyFile, string? createdByLock = null)
    {
        if (createdByLock is not null)
        {
            _newFolders.Add(Path.GetFullPath(createdByLock));
        }

        var folders = new[] { dataDirectory, Path.GetDirectoryName(keyringPath), keyFile is null ? null : Path.GetDirectoryName(keyFile) };
        foreach (var folder in folders.OfType<string>().Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (_newFolders.Any(created => IsAtOrBelow(folder, created)))
            {
                continue;
            }

            if (Directory.Exists(folder))
            {
                _existingFolders.Add((folder, [.. Directory.EnumerateFileSystemEntries(folder)]));
            }
            else if (TopmostMissing(folder) is var top && !_newFolders.Contains(top, StringComparer.Ordinal))
            {
                _newFolders.Add(top);
            }
        }
    }

    /// <summary>Removes what appeared since the constructor ran; best effort, so the original failure is what the admin sees.</summary>
    public void Remove()
    {
        foreach (var (folder, before) in _existingFolders)
        {
            foreach (var entry in Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder).Where(e => !before.Contains(e)).ToList() : [])
            {
                Try(() =>
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                });
            }
        }

        foreach (var folder in _newFolders.Where(Directory.Exists))
        {
            Try(() => Directory.Delete(folder, recursive: true));
        }
    }

    /// <summary>The highest folder on <paramref name="folder"/>'s path that does not exist (the folder itself when only it is missing).</summary>
    internal static string TopmostMissing(string folder)
    {
        var top = folder;
        while (Path.GetDirectoryName(top) is { } parent && !Directory.Exists(parent))
        {
            top = parent;
        }

        return top;
    }

    private static bool IsAtOrBelow(string folder, string top) =>
        folder == top || folder.StartsWith(Path.TrimEndingDirectorySeparator(top) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void Try(Action remove)
    {
        try
        {
            remove();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left in place; the failure that started the clean-up is reported, not this one.
        }
    }
}
