using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

/// <summary>A chat that fails for a long time (HTTP 502) gets one alert, composed when it finally goes: a closed case sends nothing stale.</summary>
public sealed partial class EscalationTests
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
        var waiting = await s.Sandbox.Runtime.Store.RunAsync(db => db.Outbox.All().Where(m => m.ChatId == Scenario.Boris.Id).ToList());
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

    // Like Scenario.QuietAsync, for when one person's chat fails: everything due is done, and only what is owed to them waits.
    private static async Task QuietButForAsync(Scenario s, FakeUser blocked)
    {
        await s.Telegram.WaitUntilUpdatesConsumedAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await s.Sandbox.Runtime.Store.RunAsync(db => db.Inbox.All().Count + db.Outbox.All().Count(m => m.ChatId != blocked.Id)) > 0
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
