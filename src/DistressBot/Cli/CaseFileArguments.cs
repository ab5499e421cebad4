namespace DistressBot.Cli;

/// <summary>What `export-case` and `draft` share: the check that what they write stays out of the data directory.</summary>
internal static class CaseFileArguments
{
    /// <summary>
    /// True when <paramref name="target"/> lies in <paramref name="dataDirectory"/>, compared with symbolic links resolved:
    /// a bundle or draft there (or reached through a link) would be kept, unencrypted, in the data's backups.
    /// </summary>
    public static bool IsInsideDataDirectory(string target, string dataDirectory) =>
        (RealPath(target) + Path.DirectorySeparatorChar).StartsWith(RealPath(Path.GetFullPath(dataDirectory)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The path with every symbolic link on it resolved, as far as the path exists (the rest is kept as written).
    private static string RealPath(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var real = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            var next = Path.Combine(real, part);
            var info = new DirectoryInfo(next);
            real = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next : next;
        }

        return real;
    }
}
