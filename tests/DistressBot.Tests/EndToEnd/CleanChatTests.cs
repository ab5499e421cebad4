using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// The subject's chat as a captor holding the phone would find it: the real bot, the deletion queue in the store, deleteMessages
/// over HTTP and a restart in between. The queue's rules have unit tests (Domain/ChatCleanupTests).
/// </summary>
public sealed class CleanChatTests
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DeleteAfter = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ADayOfCheckins_WithARestart_LeavesOnlyTheLatestReminder_AndEverySubjectMessageIsProtected()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Privacy:DeleteSubjectMessages"] = "true",
            ["Privacy:DeleteBotMessagesAfter"] = "10m",
        });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        var last = await SayAsync(s, "/schedule every 6h grace 30m", s.Telegram.Transcript(Scenario.Salek.Id).Max(e => e.MessageId));
        s.Advance(Every - Lead); // the first reminder, 15 minutes before the deadline

        // Four reminders a day, each answered with a check-in; the bot restarts with deletions pending in the third.
        for (var round = 0; round < 4; round++)
        {
            var reminder = await NextAsync(s, last);
            Assert.True(reminder.ReplyKeyboard.Count > 0, s.Telegram.RenderConversation(Scenario.Salek.Id, "Salek")); // a reminder, with its button
            last = await SayAsync(s, "/checkin", reminder.MessageId);
            if (round == 2)
            {
                await s.SettleAsync(); // the reply is recorded, its deletion queued
                await s.Sandbox.StopBotAsync();
                s.Advance(DeleteAfter + TimeSpan.FromMinutes(1));
                await s.Sandbox.StartBotAsync();
            }
            else
            {
                s.Advance(DeleteAfter + TimeSpan.FromMinutes(1));
            }

            await s.DeletionsDoneAsync(Scenario.Salek);
            Assert.Empty(Visible(s));
            s.Advance(Every - Lead - DeleteAfter - TimeSpan.FromMinutes(1)); // the next reminder
        }

        var latest = await NextAsync(s, last);
        s.Advance(DeleteAfter + TimeSpan.FromMinutes(1)); // still before the deadline, unanswered
        await s.DeletionsDoneAsync(Scenario.Salek);

        var shown = Visible(s);
        Assert.Equal([latest.MessageId], shown.Select(e => e.MessageId));
        Assert.DoesNotContain(shown, e => e.Direction == Direction.FromUser);
        var salek = s.Telegram.Transcript(Scenario.Salek.Id).Where(e => e.Direction == Direction.FromBot).ToList();
        Assert.True(salek.Count >= 10, "the subject's chat got the welcome, replies and reminders");
        Assert.All(salek, e => Assert.True(e.ProtectContent, "subject-facing: " + e.Text));
        var nina = s.Telegram.Transcript(Scenario.Nina.Id).Where(e => e.Direction == Direction.FromBot).ToList();
        Assert.NotEmpty(nina);
        Assert.All(nina, e => Assert.False(e.ProtectContent, "coordinator-facing: " + e.Text));
        Assert.All(nina, e => Assert.False(e.Deleted));
        Assert.Empty(await s.Sandbox.Runtime.Store.RunAsync(db => db.Deletions.All().Where(d => d.HeldFor is null).ToList()));
    }

    // Salek writes; returns the id of the bot's answer, the first message after message `after`.
    private static async Task<int> SayAsync(Scenario s, string text, int after)
    {
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, text, Scenario.Salek);
        return (await NextAsync(s, after)).MessageId;
    }

    private static Task<FakeChatEntry> NextAsync(Scenario s, int after) =>
        s.Telegram.WaitForBotMessageAsync(Scenario.Salek.Id, m => m.MessageId > after);

    private static IReadOnlyList<FakeChatEntry> Visible(Scenario s) =>
        [.. s.Telegram.Transcript(Scenario.Salek.Id).Where(e => !e.Deleted)];
}
