namespace DistressBot.Cli;

/// <summary>What `export-case` and `draft` share: the check that what they write stays out of the data directory.</summary>
internal static class CaseFileArguments
{
    /// <summary>The folder deploy/distressbot.service lets the running bot write exports and drafts into (a StateDirectory=).</summary>
    public const string ServiceExportFolder = "/var/lib/distressbot-exports";

    /// <summary>
    /// Said when the target cannot be written: while the bot runs it writes the file itself, as its own user and inside its
    /// service's sandbox (read-only system, private /tmp), so the folder must be one that service may write.
    /// </summary>
    public const string WhoWrites =
        "While the bot runs, the bot itself writes this, as its own user and inside its service's sandbox (which can write only its own folders, and whose /tmp is private to it): " +
        "give a folder under " + ServiceExportFolder + " (deploy/distressbot.service lets it write there), or stop the bot and run the command again.";

    /// <summary>
    /// True when <paramref name="target"/> lies in <paramref name="dataDirectory"/>, compared with symbolic links resolved:
    /// a bundle or draft there (or reached through a link) would be kept, unencrypted, in the data's backups.
    /// </summary>
    public static bool IsInsideDataDirectory(string target, string dataDirectory) => Hosting.BotSettings.IsSameOrInside(target, dataDirectory);
}
