namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// Long texts full of emoji, flags and combining marks are cut on whole characters, with a visible "…", wherever the bot
/// keeps or echoes them (issue 9.6). Nina (en) coordinates Salek (ru); Salek's deadline is 2 h after 12:00 Moscow.
/// </summary>
public sealed class LongTextTests
{
    private const string Emoji = "😀";
    private const string Flag = "🇷🇺";
    private const string Accented = "e\u0301";
    private const string Thumb = "👍🏽";

    [Fact]
    public async Task Plan_OfXAnd1600Emoji_EndsTheAlertInAWholeEmojiAndAnEllipsis()
    {
        await using var s = await StartAsync();
        await s.SayAsync(Scenario.Nina, "/plan Salek", "Send the response plan");

        await s.SayAsync(Scenario.Nina, "x" + Repeat(Emoji, 1600), "is saved");
        s.Advance(TimeSpan.FromMinutes(150));
        var alert = await s.ExpectAsync(Scenario.Nina, "Salek missed a check-in");

        Assert.EndsWith("Response plan:\nx" + Repeat(Emoji, 1499) + "…", alert, StringComparison.Ordinal);
        AssertWellFormed(alert);
    }

    [Fact]
    public async Task MissingReport_OfFlags_IsCutBetweenFlagsInTheAlert()
    {
        await using var s = await StartAsync();

        await s.SayAsync(Scenario.Nina, "/missing Salek x" + Repeat(Flag, 300), "opened about Salek");
        var alert = await s.ExpectAsync(Scenario.Nina, "reports Salek missing");

        // 1,000 code units: "x", 249 flags of four units, "…".
        Assert.EndsWith("\n“x" + Repeat(Flag, 249) + "…”", alert, StringComparison.Ordinal);
        AssertWellFormed(alert);
    }

    [Fact]
    public async Task Note_OfCombiningSequences_KeepsEachAccentWithItsLetter()
    {
        await using var s = await StartAsync();
        s.Advance(TimeSpan.FromMinutes(150));
        await s.ExpectAsync(Scenario.Nina, "Salek missed a check-in");

        Assert.Equal("Note added to C-0001.", await s.SayAsync(Scenario.Nina, "/note C-0001 x" + Repeat(Accented, 1100)));
        var timeline = await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001");

        // The note is kept to 2,000 code units and its /case line to CaseViews.MaxLineLength, both cut between letters.
        Assert.Contains("x" + Repeat(Accented, 500), timeline, StringComparison.Ordinal);
        Assert.Contains(Accented + "…", timeline, StringComparison.Ordinal);
        AssertWellFormed(timeline);
    }

    [Fact]
    public async Task Echoes_OfLongArguments_AreCutOnWholeCharacters()
    {
        await using var s = await StartAsync();

        var zone = await s.SayAsync(Scenario.Nina, "/timezone x" + Repeat(Accented, 40));
        var alias = await s.SayAsync(Scenario.Nina, "/drill " + Repeat(Thumb, 20));
        var caseId = await s.SayAsync(Scenario.Nina, "/case C-" + Repeat(Emoji, 10));

        Assert.Contains("“x" + Repeat(Accented, 31) + "…”", zone, StringComparison.Ordinal);
        Assert.Equal("You have nobody called “" + Repeat(Thumb, 7) + "…”.", alias);
        Assert.Equal("There is no case C-" + Repeat(Emoji, 6) + "… among yours.", caseId);
        Assert.All(new[] { zone, alias, caseId }, AssertWellFormed);
    }

    private static async Task<Scenario> StartAsync()
    {
        var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Checkins:ReminderLead"] = "00:00:00" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        return s;
    }

    private static string Repeat(string element, int count) => string.Concat(Enumerable.Repeat(element, count));

    // No lone surrogate reached Telegram, and nothing was replaced on the way.
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
