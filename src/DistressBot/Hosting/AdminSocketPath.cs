namespace DistressBot.Hosting;

/// <summary>Where the running bot listens for admin commands: a Unix socket in the data directory, owner-only.</summary>
public static class AdminSocketPath
{
    /// <summary>The longest socket path a Unix socket address takes, in UTF-8 bytes (sun_path is 108 bytes with its terminating zero).</summary>
    public const int MaxBytes = 107;

    /// <summary>The socket file's path for <paramref name="dataDirectory"/>.</summary>
    public static string For(string dataDirectory) => Path.Combine(dataDirectory, "admin.sock");
}
