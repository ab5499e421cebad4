using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Localization;

namespace DistressBot.Tests.Messages;

/// <summary>A subject's chat menu follows their wording: the real commands in plain words, only the neutral aliases under cover.</summary>
public sealed class CommandMenuTests
{
    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void For_CoverSubject_OnlyNeutralNamesAndWords(Language language)
    {
        var salek = Subject(language, cover: true);

        var menu = CommandMenu.For(salek, DomainWorld.TestRules());

        Assert.True(menu.Cover);
        Assert.Equal(["done", "next", "sync", "pin", "snooze", "schedule", "timezone", "help"], menu.Commands.Select(c => c.Command));
        Assert.All(menu.Commands, c => Assert.Empty(ForbiddenWords.UnderCover(c.Command + " " + c.Description)));
        Assert.True(CommandMenu.NeedsSetting(salek, menu));
    }

    [Fact]
    public void For_PlainSubject_TheRealCommands_AndANeverSetChatIsLeftAlone()
    {
        var dana = Subject(Language.En, cover: false);

        var menu = CommandMenu.For(dana, DomainWorld.TestRules());

        Assert.False(menu.Cover);
        Assert.Equal(["checkin", "status", "sos", "pin", "pause", "schedule", "timezone", "help"], menu.Commands.Select(c => c.Command));
        Assert.False(CommandMenu.NeedsSetting(dana, menu)); // the bot's default menu (none) is already plain
    }

    [Fact]
    public void NeedsSetting_AfterCoverIsTurnedOff_PutsThePlainMenuBack_Once()
    {
        var salek = Subject(Language.Ru, cover: true);
        salek.MenuShown = CommandMenu.For(salek, DomainWorld.TestRules()).Key;

        salek.CoverWording = false;
        var plain = CommandMenu.For(salek, DomainWorld.TestRules());

        Assert.True(CommandMenu.NeedsSetting(salek, plain));
        salek.MenuShown = plain.Key;
        Assert.False(CommandMenu.NeedsSetting(salek, CommandMenu.For(salek, DomainWorld.TestRules())));
    }

    [Fact]
    public void For_DeploymentCoverAndOwnAliases_UsesThem()
    {
        var dana = Subject(Language.En, cover: false);
        var rules = DomainWorld.TestRules() with { CoverWording = true, Aliases = new CommandAliases("ok", "when", "refresh", "later") };

        var menu = CommandMenu.For(dana, rules);

        Assert.Equal(["ok", "when", "refresh", "pin", "later", "schedule", "timezone", "help"], menu.Commands.Select(c => c.Command));
    }

    private static Person Subject(Language language, bool cover)
    {
        var person = DomainWorld.NewPerson("p1", Role.Subject, 201, "Salek", "UTC", DateTimeOffset.UnixEpoch);
        person.Language = language;
        person.CoverWording = cover;
        return person;
    }
}
