using System.Diagnostics;
using DistressBot.Telegram.FakeApi;
using Xunit.Abstractions;

namespace DistressBot.Tests.EndToEnd;

/// <summary>Alerts composed when they go, a closed case that sends nothing more, and long cases that do not stall the chat.</summary>
public sealed partial class EscalationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Checkins:ReminderLead"] = "00:00:00",
        ["Telegram:RetryBase"] = "00:00:00.200",
        ["Telegram:RetryMax"] = "00:00:01",
    };

    [Fact]
    public async Task ResolvedWhileABackupsChatFailed_TheyGetOneCopyThatReadsAsResolved_AndNoStaleAlarm()
    {
        await using var s = await StartWithChainAsync(QuickRetries);
        await MissAsync(s);
        s.Telegram.BlockChat(Scenario.Boris.Id, 502, "Bad Gateway"); // a passing failure: the bot keeps what it owes Boris and retries

        s.Advance(TimeSpan.FromMinutes(15));
        await QuietButForAsync(s, Scenario.Boris);
        s.Advance(TimeSpan.FromMinutes(10));
        await QuietButForAsync(s, Scenario.Boris);
        s.Advance(TimeSpan.FromMinutes(10));
        await QuietButForAsync(s, Scenario.Boris);
        Assert.Contains("nobody has acknowledged for 35 min", Alerts(s, Scenario.Alexander)[^1].Text, StringComparison.Ordinal);
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek);
        await s.ExpectAsync(Scenario.Alexander, "Salek checked in at 15:05 UTC+3");
        await QuietButForAsync(s, Scenario.Boris);
        var waiting = await s.Sandbox.Runtime.Store.RunAsync(db => db.Outbox().Where(m => m.ChatId == Scenario.Boris.Id).ToList());
        Assert.Single(waiting, m => m.TrackCopy); // one alert waits for Boris, however often the case repeated
        Assert.Equal(2, waiting.Count); // and the news of the check-in

        s.Telegram.EnqueueMessage(Scenario.Nina.Id, "/resolve C-0001 safe", Scenario.Nina);
        await s.ExpectAsync(Scenario.Nina, "C-0001 resolved: safe");
        await QuietButForAsync(s, Scenario.Boris);
        s.Telegram.Unblock(Scenario.Boris.Id);
        await s.ExpectAsync(Scenario.Boris, "✔ Resolved by Nina");
        await s.QuietAsync();

        var about = s.Telegram.BotMessagesTo(Scenario.Boris.Id).Where(m => m.Text?.Contains("C-0001", StringComparison.Ordinal) == true).ToList();
        var only = Assert.Single(about);
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", only.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 15:05 UTC+3: safe", only.Text, StringComparison.Ordinal);
        Assert.Empty(only.InlineKeyboard);
        Assert.Equal(0, only.EditCount);
        var timeline = await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001 ·");
        Assert.Contains("Not sent: the case was already closed — Boris", timeline, StringComparison.Ordinal);
        Assert.Contains("Alert delivered — Boris", timeline, StringComparison.Ordinal);
        Assert.Contains("An alert still waits to go: it will tell the latest — Boris ×2", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatAfterTheSubjectCheckedIn_SaysWhenTheyCheckedIn_NotNever()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        Assert.Contains("Last check-in: never", Alerts(s, Scenario.Nina)[0].Text, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(5));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        s.Advance(TimeSpan.FromMinutes(5));
        var repeat = await s.ExpectAsync(Scenario.Nina, "Reminder: nobody has acknowledged for 10 min.");
        await s.QuietAsync();

        Assert.Contains("Last check-in: 02.11 14:35 UTC+3", repeat, StringComparison.Ordinal);
        Assert.DoesNotContain("never", repeat, StringComparison.Ordinal);
        Assert.Contains("Последняя отметка: 02.11 14:35 UTC+3", Alerts(s, Scenario.Olga)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongUnacknowledgedCase_AnswersDoNotWaitBehindEdits_AndOnlyEachPersonsLatestCopyIsEdited()
    {
        await using var s = await StartWithChainAsync(new Dictionary<string, string?>
        {
            ["Checkins:ReminderLead"] = "00:00:00",
            ["Escalation:AcknowledgeTimeout"] = "00:01:00",
            ["Escalation:RepeatEvery"] = "00:00:15",
        });
        await MissAsync(s);
        for (var step = 0; step < 12; step++)
        {
            s.Advance(TimeSpan.FromSeconds(15));
            await s.QuietAsync();
        }

        Assert.All(LevelOne, u => Assert.Equal(13, Alerts(s, u).Count));
        Assert.All(LevelTwo, u => Assert.Equal(9, Alerts(s, u).Count));
        var before = s.Telegram.Requests.Count;
        var clock = Stopwatch.StartNew();
        s.Press(Scenario.Nina, "ack:C-0001");
        s.Telegram.EnqueueMessage(Scenario.Nina.Id, "/cases", Scenario.Nina);
        await s.ExpectAsync(Scenario.Nina, "Open cases");
        var casesAfter = clock.Elapsed;
        s.Telegram.EnqueueMessage(Scenario.Nina.Id, "/resolve C-0001 safe", Scenario.Nina);
        await s.ExpectAsync(Scenario.Nina, "C-0001 resolved: safe");
        var resolveAfter = clock.Elapsed;
        await s.QuietAsync();
        output.WriteLine($"/cases answered {casesAfter.TotalSeconds:F1} s after the press, /resolve confirmed {resolveAfter.TotalSeconds:F1} s after it");

        // In Nina's chat after the press: her two answers, with at most one edit (her latest copy's) ahead of each.
        var ninas = s.Telegram.Requests.Skip(before).Where(r => r.ChatId == Scenario.Nina.Id && r.StatusCode == 200).Select(r => r.Method).ToList();
        var replies = ninas.Select((method, i) => (method, i)).Where(x => x.method == "sendMessage").Select(x => x.i).ToList();
        Assert.Equal(2, replies.Count);
        Assert.True(ninas.Take(replies[0]).Count(m => m == "editMessageText") <= 1, string.Join(", ", ninas));
        Assert.True(ninas.Skip(replies[0]).Take(replies[1] - replies[0]).Count(m => m == "editMessageText") <= 1, string.Join(", ", ninas));
        foreach (var user in Everyone)
        {
            var alerts = Alerts(s, user);
            Assert.All(alerts.SkipLast(1), a => Assert.Equal(0, a.EditCount)); // older repeats are left as they are
            Assert.InRange(alerts[^1].EditCount, 1, 2); // the latest: once for the press, at most once more for the resolution
            Assert.Contains("Nina, 02.11 14:33 UTC+3", alerts[^1].Text, StringComparison.Ordinal); // "✔ Resolved by Nina, 02.11 14:33 UTC+3: safe" in the reader's words
            Assert.Empty(alerts[^1].InlineKeyboard);
        }
    }

    // Like Scenario.QuietAsync, for when one person's chat fails: everything due is done, and only what is owed to them waits.
    private static async Task QuietButForAsync(Scenario s, FakeUser blocked)
    {
        await s.Telegram.WaitUntilUpdatesConsumedAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await s.Sandbox.Runtime.Store.RunAsync(db => db.Inbound().Count + db.Outbox().Count(m => m.ChatId != blocked.Id)) > 0
            || s.Sandbox.Get<DistressBot.Hosting.EscalationIndex>().Peek().Earliest is { } due && due <= s.Time.GetUtcNow())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot did not settle.");
            }

            await Task.Delay(20);
        }
    }
}
