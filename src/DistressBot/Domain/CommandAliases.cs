namespace DistressBot.Domain;

/// <summary>
/// The neutral names a subject may use instead of /checkin, /status, /sos and /pause (cover wording lists only these):
/// each 1 to 32 lower-case ASCII letters, digits or underscores, as Telegram allows for commands.
/// </summary>
/// <param name="Checkin">Instead of /checkin.</param>
/// <param name="Status">Instead of /status.</param>
/// <param name="Sos">Instead of /sos.</param>
/// <param name="Pause">Instead of /pause.</param>
public sealed record CommandAliases(string Checkin, string Status, string Sos, string Pause)
{
    /// <summary>/done, /next, /sync and /snooze.</summary>
    public static CommandAliases Default { get; } = new("done", "next", "sync", "snooze");

    /// <summary>The command <paramref name="name"/> (lower case, without the slash) stands for, or null when it is no alias.</summary>
    public string? CommandFor(string name) => name switch
    {
        _ when name == Checkin => "checkin",
        _ when name == Status => "status",
        _ when name == Sos => "sos",
        _ when name == Pause => "pause",
        _ => null,
    };

    /// <summary>The aliases in order: check-in, status, SOS, pause.</summary>
    public IReadOnlyList<string> All => [Checkin, Status, Sos, Pause];
}
