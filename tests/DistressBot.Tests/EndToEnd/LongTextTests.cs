namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// A text over Telegram's limit reaches Telegram cut on whole characters with a visible "…" (issue 9.6): the alert with a
/// plan of 1,600 emoji goes over real HTTP. The other cuts (reports, notes, echoes) are held by Telegram/LongTextCutTests.
/// Nina (en) coordinates Salek (ru); Salek's deadline is 2 h after 12:00 Moscow.
/// </summary>
public sealed class LongTextTests
{
    private const string Emoji = "😀";

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
