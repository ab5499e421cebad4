using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Localization;

namespace DistressBot.Tests.EndToEnd;

/// <summary>Cover wording over the real HTTP path: switched on for one subject over the admin socket, their chat and its menu read like an ordinary app.</summary>
public sealed class CoverWordingTests
{
    [Fact]
    public async Task CoverForOneSubject_NeutralChatButtonsAndScopedMenu_CoordinatorReadsPlain_AndOffPutsThePlainMenuBack()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Privacy:BotName"] = "Напоминания",
            ["Privacy:BotDescription"] = "Ежедневные напоминания",
        });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Timur, "Timur");
        var before = s.Telegram.BotMessagesTo(Scenario.Salek.Id).Count;

        var on = await s.AdminAsync("cover", "Salek", "on");
        var menu = await s.Telegram.WaitForCommandMenuAsync(m => m.ChatId == Scenario.Salek.Id);
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Следующий раз");
        var help = await s.SayAsync(Scenario.Salek, "/help");
        s.Advance(TimeSpan.FromMinutes(120));
        await s.QuietAsync();
        var reminder = s.Telegram.BotMessagesTo(Scenario.Salek.Id)[^1];
        var done = await s.SayAsync(Scenario.Salek, Assert.Single(Assert.Single(reminder.ReplyKeyboard)), "Готово ✓");
        var received = await s.SayAsync(Scenario.Salek, "/sync", "Принято");
        var alert = await s.ExpectAsync(Scenario.Nina, "sent SOS");
        await s.SettleAsync();
        var off = await s.AdminAsync("cover", "Salek", "off");
        var plainMenu = await s.Telegram.WaitForCommandMenuAsync(m => m.ChatId == Scenario.Salek.Id && m.Commands[0].Command == "checkin");

        // The same words as the command line prints with the bot stopped (Admin/AdminDataCommandsTests).
        Assert.Equal((0, "'Salek': cover wording on. Their command menu follows when the bot runs.\n"), (on.ExitCode, on.Error));
        Assert.Equal((0, "'Salek': cover wording off. Their command menu follows when the bot runs.\n"), (off.ExitCode, off.Error));
        Assert.Equal(("chat", Scenario.Salek.Id), (menu.Scope, menu.ChatId));
        Assert.Equal(["done", "next", "sync", "pin", "snooze", "schedule", "timezone", "help"], menu.Commands.Select(c => c.Command));
        Assert.Equal("chat", plainMenu.Scope);
        Assert.DoesNotContain(s.Telegram.CommandMenus, m => m.ChatId == Scenario.Timur.Id || m.Scope != "chat"); // nobody else's menu changed
        Assert.Equal(("Напоминания", "Ежедневные напоминания"), (s.Telegram.BotName, s.Telegram.BotDescription));
        Assert.StartsWith("/done — готово", help, StringComparison.Ordinal);
        Assert.StartsWith("Пора: нажмите «Готово»", reminder.Text, StringComparison.Ordinal);
        Assert.NotNull(done);
        Assert.Equal("Принято.", received);
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);

        // Everything Salek's chat received while under cover, buttons and menu included, in any language.
        var chat = s.Telegram.BotMessagesTo(Scenario.Salek.Id).Skip(before).ToList();
        var words = chat.Select(m => m.Text ?? "").Concat(chat.SelectMany(m => m.ReplyKeyboard.SelectMany(r => r)))
            .Concat(menu.Commands.Select(c => c.Command + " " + c.Description)).ToList();
        Assert.True(chat.Count >= 5, s.Telegram.RenderConversation(Scenario.Salek.Id, "Salek under cover"));
        Assert.All(words, w => Assert.Empty(ForbiddenWords.UnderCover(w)));
    }

    [Fact]
    public async Task CoverForTheWholeDeployment_ANewSubjectsChatAndMenu_ReadLikeAnApp_FromTheWelcomeOn()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Privacy:CoverWording"] = "true" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        var menu = await s.Telegram.WaitForCommandMenuAsync(m => m.ChatId == Scenario.Salek.Id);
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Следующий раз");
        await s.SayAsync(Scenario.Salek, "/next");
        await s.SayAsync(Scenario.Salek, "/pin", "код доступа");
        await s.SayAsync(Scenario.Salek, "5830", "запасной код");
        await s.SayAsync(Scenario.Salek, "9164", "Коды сохранены");
        await s.SayAsync(Scenario.Salek, "/sos", "Принято");
        var alert = await s.ExpectAsync(Scenario.Nina, "sent SOS");
        await s.SettleAsync();

        Assert.Equal(["done", "next", "sync", "pin", "snooze", "schedule", "timezone", "help"], menu.Commands.Select(c => c.Command));
        Assert.Contains("C-0001", alert, StringComparison.Ordinal); // coordinators read plain words

        // Everything Salek's chat ever received, the welcome included, with its buttons and menu, in any language.
        var chat = s.Telegram.Transcript(Scenario.Salek.Id).Where(e => e.Direction == Direction.FromBot).ToList();
        var words = chat.Select(m => m.Text ?? "").Concat(chat.SelectMany(m => m.ReplyKeyboard.SelectMany(r => r)))
            .Concat(menu.Commands.Select(c => c.Command + " " + c.Description)).ToList();
        Assert.True(chat.Count >= 7, s.Telegram.RenderConversation(Scenario.Salek.Id, "Salek under cover"));
        Assert.All(words, w => Assert.Empty(ForbiddenWords.UnderCover(w)));
    }
}
