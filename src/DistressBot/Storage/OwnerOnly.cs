using System.Globalization;
using System.Runtime.InteropServices;

namespace DistressBot.Storage;

/// <summary>Files and folders the bot creates are its owner's alone (0600/0700, set at creation); folders others can open are refused with the fix named.</summary>
/// <remarks>Unix only: on Windows every method does nothing beyond creating what is missing.</remarks>
public static class OwnerOnly
{
    /// <summary>rwx------: a folder only its owner can list, enter or change.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw-------: a file only its owner can read or write.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Sets the process umask to 077, so every file and folder this process creates from now on (LiteDB's data and log files
    /// included, which it creates itself) is born owner-only. Call first thing in <c>Main</c>.
    /// </summary>
    public static void RestrictProcessUmask()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = LibcUmask.Umask(0b_000_111_111); // 077
        }
    }

    /// <summary>Creates <paramref name="path"/> and each missing folder above it with mode 0700; folders that exist are left as they are.</summary>
    public static void CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return;
        }

        // Top-down, each level created with its mode, so no folder is ever open to others even for a moment.
        if (Path.GetDirectoryName(full) is { } parent)
        {
            CreateFolder(parent);
        }

        Directory.CreateDirectory(full, FolderMode);
    }

    /// <summary>Why <paramref name="folder"/> may not be used (open to group or others, with the chmod that fixes it), or null when it is owner-only or missing.</summary>
    /// <param name="folder">The folder to check.</param>
    /// <param name="what">What it is, for the message ("The data directory").</param>
    public static string? LooseFolderProblem(string folder, string what)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(folder);
        if ((mode & GroupOrOther) == 0)
        {
            return null;
        }

        // A folder others share (/tmp, /etc, /var/tmp …) must not be closed: the bot needs a folder of its own there.
        return IsShared(folder, mode)
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{what} {folder} is a shared folder (mode {Octal(mode)}); it holds the bot's secrets, so it needs a folder of its own, owner-only: point the setting at one such as {Path.Combine(folder, "distressbot")} (made with mode 0700) and start again. Do not change {folder} itself.")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{what} {folder} is open to group or others (mode {Octal(mode)}); it holds the bot's secrets, so it must be owner-only: run 'chmod 700 {folder}' and start again.");
    }

    // Sticky (/tmp-like), the root or a folder right below it (/etc, /var, /home), or a well-known system folder.
    private static bool IsShared(string folder, UnixFileMode mode)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return (mode & UnixFileMode.StickyBit) != 0
            || Path.GetDirectoryName(full) is null or "/"
            || SystemFolders.Contains(full, StringComparer.Ordinal);
    }

    private static readonly string[] SystemFolders =
        ["/var/tmp", "/var/lib", "/var/log", "/var/cache", "/usr/local", "/usr/share", "/usr/lib", "/etc/opt", "/run/user"];

    /// <summary>Takes group and others' access away from an existing folder (0700); only for an empty folder the admin named to be filled (a backup target), never a folder that may be shared.</summary>
    public static void Tighten(string folder)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(folder) && (File.GetUnixFileMode(folder) & GroupOrOther) != 0)
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) & ~GroupOrOther);
        }
    }

    /// <summary>Creates the new file <paramref name="path"/> for writing, owner-only (0600) from its first byte.</summary>
    /// <exception cref="IOException">It exists already, or its folder does not.</exception>
    public static FileStream CreateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>"0755".</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0b_111_111_111, 8).PadLeft(3, '0');

    /// <summary>libc's umask.</summary>
    /// <remarks>Plain DllImport with a blittable uint: LibraryImport would need unsafe code enabled for the whole project.</remarks>
    private static class LibcUmask
    {
        [DllImport("libc", EntryPoint = "umask")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern uint Umask(uint mask);
    }
}
