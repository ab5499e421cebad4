using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>The one list of the bot's commands and who has each: the router refuses by it and each role's /help text lists exactly these.</summary>
public static class CommandList
{
    private static readonly Role[] Everyone = [Role.Subject, Role.Coordinator, Role.Lawyer];
    private static readonly Role[] CaseWorkers = [Role.Coordinator, Role.Lawyer];

    private static readonly Dictionary<string, Role[]> Commands = new(StringComparer.Ordinal)
    {
        ["checkin"] = [Role.Subject],
        ["status"] = [Role.Subject],
        ["schedule"] = [Role.Subject],
        ["sos"] = [Role.Subject],
        ["pin"] = [Role.Subject],
        ["invite"] = [Role.Coordinator],
        ["subjects"] = [Role.Coordinator],
        ["plan"] = [Role.Coordinator],
        ["drill"] = [Role.Coordinator],
        ["missing"] = [Role.Coordinator],
        ["cases"] = CaseWorkers,
        ["case"] = CaseWorkers,
        ["ack"] = CaseWorkers,
        ["note"] = CaseWorkers,
        ["resolve"] = CaseWorkers,
        ["checkpoint"] = CaseWorkers,
        ["export"] = CaseWorkers,
        ["fact"] = CaseWorkers,
        ["draft"] = CaseWorkers,
        ["evidence"] = Everyone, // a subject for their own open case; under cover wording their /help leaves it out
        ["timezone"] = Everyone,
        ["help"] = Everyone,
        ["pause"] = [Role.Subject],
        ["resume"] = [Role.Subject],
        ["lawyerkey"] = [Role.Lawyer],
    };

    /// <summary>Every command name (without the slash), in no particular order; /start is not listed: it is how anyone enrols.</summary>
    public static IReadOnlyCollection<string> Names => Commands.Keys;

    /// <summary>True when <paramref name="name"/> (without the slash) is a command of some role.</summary>
    public static bool IsKnown(string name) => Commands.ContainsKey(name);

    /// <summary>True when <paramref name="role"/> has the command <paramref name="name"/>.</summary>
    public static bool Has(Role role, string name) => Commands.TryGetValue(name, out var roles) && roles.Contains(role);

    /// <summary>The command names <paramref name="role"/> has.</summary>
    public static IReadOnlyList<string> For(Role role) => [.. Commands.Where(c => c.Value.Contains(role)).Select(c => c.Key)];

    /// <summary>The /help text of <paramref name="role"/>, which lists <see cref="For"/> that role.</summary>
    public static TextId Help(Role role) => role switch
    {
        Role.Subject => TextId.HelpSubject,
        Role.Coordinator => TextId.HelpCoordinator,
        _ => TextId.HelpLawyer,
    };
}
