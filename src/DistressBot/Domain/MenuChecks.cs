namespace DistressBot.Domain;

/// <summary>
/// The subjects whose chat command menu must be looked at again (they enrolled, or their language or wording changed), kept
/// as one small sealed record so a restart does not forget them, with the menu rules under which every subject was last
/// looked at.
/// </summary>
/// <remarks>
/// Without it every look at the menus read and opened every person: at each start, and with cover wording for the whole
/// deployment once a second while messages flow, which at 100,000 people held the one store thread for seconds each time.
/// </remarks>
public sealed class MenuChecks
{
    /// <summary>The key of the record in the store's small named values.</summary>
    public const string StoreKey = "menus.checks";

    /// <summary>Ids of the subjects to look at; one whose menu already matches is dropped at the next look.</summary>
    public HashSet<string> SubjectIds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The menu rules (<c>Messages.CommandMenu.RulesKey</c>) under which every subject was last looked at; null: never.</summary>
    public string? SweptUnder { get; set; }
}
