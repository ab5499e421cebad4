using System.Text.RegularExpressions;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Tests.Domain;

/// <summary>The one command list: each role's /help names exactly that role's commands, in every language.</summary>
public sealed partial class CommandListTests
{
    /// <summary>Every role in every language.</summary>
    public static TheoryData<Role, Language> RolesAndLanguages()
    {
        var data = new TheoryData<Role, Language>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(role, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public void Help_NamesExactlyTheRolesCommands(Role role, Language language)
    {
        // A subject's help also names the neutral aliases (its placeholders); those are not commands of their own.
        var aliases = CommandAliases.Default;
        object[] args = role == Role.Subject ? [aliases.Checkin, aliases.Status, aliases.Sos, aliases.Pause] : [];
        var named = CommandName().Matches(TextCatalogue.Format(language, CommandList.Help(role), args)).Select(m => m.Groups[1].Value).Except(aliases.All).ToHashSet();

        Assert.Equal(CommandList.For(role).Order(), named.Order());
    }

    [Theory]
    [InlineData(Role.Subject, "checkin", true)]
    [InlineData(Role.Subject, "plan", false)]
    [InlineData(Role.Subject, "ack", false)]
    [InlineData(Role.Coordinator, "plan", true)]
    [InlineData(Role.Coordinator, "ack", true)]
    [InlineData(Role.Coordinator, "sos", false)]
    [InlineData(Role.Lawyer, "ack", true)]
    [InlineData(Role.Lawyer, "missing", false)]
    [InlineData(Role.Lawyer, "invite", false)]
    [InlineData(Role.Lawyer, "timezone", true)]
    public void Has_ByRole(Role role, string name, bool has) =>
        Assert.Equal(has, CommandList.Has(role, name));

    [Theory]
    [InlineData("sos", true)]
    [InlineData("missing", true)]
    [InlineData("start", false)]
    [InlineData("SOS", false)]
    [InlineData("unknown", false)]
    [InlineData("", false)]
    public void IsKnown_OnlyListedNames(string name, bool known) =>
        Assert.Equal(known, CommandList.IsKnown(name));

    // A slash that starts a word, then letters: "/case C-0042" yes, "Europe/Moscow" no.
    [GeneratedRegex(@"(?<![\w/])/([a-z]+)")]
    private static partial Regex CommandName();
}
