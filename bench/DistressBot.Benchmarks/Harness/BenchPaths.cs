using DistressBot.Storage;

namespace DistressBot.Benchmarks.Harness;

/// <summary>Where the run keeps seeded data (cached per size, seed version and day) and each phase's copy of it.</summary>
internal static class BenchPaths
{
    /// <summary>The cache and scratch root: $DISTRESSBOT_BENCH_DIR or /tmp/distressbot-bench.</summary>
    public static string Root => Environment.GetEnvironmentVariable("DISTRESSBOT_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "distressbot-bench");

    /// <summary>Copies a seeded directory (keys/ and data/) to <paramref name="target"/>, owner-only as the bot requires.</summary>
    public static void CopyTree(string source, string target)
    {
        OwnerOnly.CreateFolder(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var to = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, to, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    /// <summary>Removes a directory tree if it is there.</summary>
    public static void Remove(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>The repository's root (where DistressBot.sln is), searched upwards from the working directory; null when not inside it.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DistressBot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
