using DistressBot.Domain;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// Long texts full of emoji, flags and combining marks are cut on whole characters, with a visible "…", wherever the bot
/// keeps or echoes them (issue 9.6): through the router, as sent. Nina (en) coordinates Salek (ru), every 2 h from 09:00 UTC.
/// </summary>
public sealed class LongTextCutTests
{
    private const string Emoji = "😀";
    private const string Flag = "🇷🇺";
    private const string Accented = "e\u0301";
    private const string Thumb = "👍🏽";

    private readonly BotChat _chat = new();
    private readonly Person _nina;

    public LongTextCutTests()
    {
        _nina = _chat.EnrolCoordinator(101, "Nina");
        var salek = _chat.EnrolSubject(_nina, 201, "Salek");
        _chat.Say(salek, "/schedule every 2h grace 30m");
    }

    [Fact]
    public void MissingReport_OfFlags_IsCutBetweenFlagsInTheAlert()
    {
        var sent = _chat.Say(_nina, "/missing Salek x" + Repeat(Flag, 300));

        var alert = Assert.Single(sent, m => m.ChatId == _nina.ChatId && m.Text.Contains("reports Salek missing", StringComparison.Ordinal)).Text;
        // 1,000 code units: "x", 249 flags of four units, "…".
        Assert.EndsWith("\n“x" + Repeat(Flag, 249) + "…”", alert, StringComparison.Ordinal);
        AssertWellFormed(alert);
        Assert.Contains(sent, m => m.Text.Contains("opened about Salek", StringComparison.Ordinal));
    }

    [Fact]
    public void Note_OfCombiningSequences_KeepsEachAccentWithItsLetter()
    {
        _chat.Tick(TimeSpan.FromMinutes(150));

        var added = _chat.Reply(_nina, "/note C-0001 x" + Repeat(Accented, 1100));
        var timeline = _chat.Reply(_nina, "/case C-0001");

        Assert.Equal("Note added to C-0001.", added);
        // The note is kept to 2,000 code units and its /case line to CaseViews.MaxLineLength, both cut between letters.
        Assert.Contains("x" + Repeat(Accented, 500), timeline, StringComparison.Ordinal);
        Assert.Contains(Accented + "…", timeline, StringComparison.Ordinal);
        AssertWellFormed(timeline);
    }

    [Fact]
    public void Echoes_OfLongArguments_AreCutOnWholeCharacters()
    {
        var zone = _chat.Reply(_nina, "/timezone x" + Repeat(Accented, 40));
        var alias = _chat.Reply(_nina, "/drill " + Repeat(Thumb, 20));
        var caseId = _chat.Reply(_nina, "/case C-" + Repeat(Emoji, 10));

        Assert.Contains("“x" + Repeat(Accented, 31) + "…”", zone, StringComparison.Ordinal);
        Assert.Equal("You have nobody called “" + Repeat(Thumb, 7) + "…”.", alias);
        Assert.Equal("There is no case C-" + Repeat(Emoji, 6) + "… among yours.", caseId);
        Assert.All(new[] { zone, alias, caseId }, AssertWellFormed);
    }

    private static string Repeat(string element, int count) => string.Concat(Enumerable.Repeat(element, count));

    // No lone surrogate, and nothing replaced on the way.
    private static void AssertWellFormed(string text)
    {
        Assert.DoesNotContain('\uFFFD', text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(text[i]), $"lone surrogate at {i}");
        }
    }
}
