namespace DistressBot.Hosting;

/// <summary>Where the data and the keyring go when the settings do not say: never relative to the folder a command runs in.</summary>
/// <remarks>
/// Under systemd, <c>StateDirectory=distressbot</c> and <c>ConfigurationDirectory=distressbot</c> set
/// <c>$STATE_DIRECTORY</c> and <c>$CONFIGURATION_DIRECTORY</c>; otherwise the XDG base directories
/// (<c>$XDG_DATA_HOME</c>, <c>$XDG_CONFIG_HOME</c>, relative values ignored as the specification says), then <c>$HOME</c>.
/// </remarks>
public static class DefaultLocations
{
    /// <summary>The default data directory, or null when none of the variables gives an absolute path.</summary>
    public static string? DataDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return FirstOf(environment("STATE_DIRECTORY"))
            ?? Under(environment("XDG_DATA_HOME"), "distressbot")
            ?? Under(environment("HOME"), ".local", "share", "distressbot");
    }

    /// <summary>The default keyring file, or null when none of the variables gives an absolute path.</summary>
    public static string? KeyringPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = FirstOf(environment("CONFIGURATION_DIRECTORY"))
            ?? Under(environment("XDG_CONFIG_HOME"), "distressbot")
            ?? Under(environment("HOME"), ".config", "distressbot");
        return folder is null ? null : Path.Combine(folder, "keyring.json");
    }

    // systemd joins several directories with ':'; the first is ours.
    private static string? FirstOf(string? list) =>
        list?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } first && Path.IsPathFullyQualified(first) ? first : null;

    private static string? Under(string? root, params string[] parts) =>
        !string.IsNullOrEmpty(root) && Path.IsPathFullyQualified(root) ? Path.Combine([root, .. parts]) : null;
}
