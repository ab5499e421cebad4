using System.Text.RegularExpressions;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// Escalation end to end. The chain for Salek: Nina (en) and Olga (ru) are his coordinators (level 1), Boris his backup
/// coordinator and Alexander his lawyer (level 2). Salek's deadline is 14:00 Moscow with 30 minutes' grace, so a
/// missed check-in opens C-0001 at 14:30 Moscow (everyone reads Moscow time: the English speakers, who start in UTC, set it
/// first, so every time below is "… UTC+3"). Default timings: level 2 after 15 min,
/// repeats every 10 min, a quiet acknowledgement reminded after 30 min.
/// </summary>
public sealed partial class EscalationTests
{
    private static readonly FakeUser[] LevelOne = [Scenario.Nina, Scenario.Olga];
    private static readonly FakeUser[] LevelTwo = [Scenario.Boris, Scenario.Alexander];
    private static readonly FakeUser[] Everyone = [.. LevelOne, .. LevelTwo];

    /// <summary>
    /// The wiring of one whole case over real HTTP: alerts, repeats and level 2 go out on the bot's timers; two presses in one
    /// getUpdates answer are taken in order; a forged button changes nothing; every delivered latest copy is edited in place; the
    /// resolution frees the subject. Who is told what at each step is specified by the unit tests in Escalation/.
    /// </summary>
    [Fact]
    public async Task Journey_LevelOne_Repeat_LevelTwo_AcknowledgedByButton_ResolvedByButtons_CopiesEdited()
    {
        await using var s = await StartWithChainAsync();
        const string Plan = "Call Alexander +7 900 000-00-00; ask at the Leninsky district police station";
        Assert.Contains("Send the response plan for Salek", await s.SayAsync(Scenario.Nina, "/plan Salek"), StringComparison.Ordinal);
        Assert.Equal("The plan for Salek is saved; it comes with every alert.", await s.SayAsync(Scenario.Nina, Plan));

        // 14:30: level 1 only.
        await MissAsync(s);
        Assert.All(LevelOne, u => Assert.Single(Alerts(s, u)));
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", Alerts(s, Scenario.Nina)[0].Text, StringComparison.Ordinal);

        // 14:40: the repeat, still level 1 only.
        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Nina, "Reminder: nobody has acknowledged for 10 min.");
        await s.QuietAsync();
        Assert.Contains("Повтор: никто не принял тревогу уже 10 мин.", Alerts(s, Scenario.Olga)[1].Text, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));

        // 14:45: level 2.
        s.Advance(TimeSpan.FromMinutes(5));
        var escalated = await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.QuietAsync();
        Assert.Contains("Level 2: the coordinators have not acknowledged for 15 min.", escalated, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Single(Alerts(s, u)));
        Assert.All(LevelOne, u => Assert.Equal(3, Alerts(s, u).Count));
        Assert.All(Everyone, u => Assert.All(Alerts(s, u), a => Assert.Contains(Plan, a.Text, StringComparison.Ordinal)));
        Assert.Equal(["ack:C-0001", "res:C-0001"], Buttons(Alerts(s, Scenario.Alexander)[0]));
        Assert.Contains("lawyer told after: 15 min", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);

        // 14:46: offline for a moment, so both presses reach the bot in the same getUpdates answer; the first wins.
        s.Advance(TimeSpan.FromMinutes(1));
        s.Telegram.SetReachable(false);
        var olgaPress = s.Press(Scenario.Olga, "ack:C-0001");
        var ninaPress = s.Press(Scenario.Nina, "ack:C-0001");
        s.Telegram.SetReachable(true);
        Assert.StartsWith("C-0001: дело за вами.", await s.AnswerAsync(olgaPress), StringComparison.Ordinal);
        Assert.Equal("C-0001 was already acknowledged by Olga at 14:46 UTC+3.", await s.AnswerAsync(ninaPress));
        await s.QuietAsync();
        Assert.EndsWith("\n\nResponse plan:\n" + Plan + "\n\n✋ Acknowledged by Olga at 14:46 UTC+3", Alerts(s, Scenario.Alexander)[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✋ Принято: Olga в 14:46 UTC+3", Alerts(s, Scenario.Olga)[^1].Text, StringComparison.Ordinal);
        foreach (var user in Everyone)
        {
            var alerts = Alerts(s, user);
            Assert.All(alerts.SkipLast(1), a => Assert.Equal(0, a.EditCount)); // older copies are left as they are
            Assert.Equal(1, alerts[^1].EditCount);
            Assert.Equal(["res:C-0001"], Buttons(alerts[^1]));
        }

        // A forged button is refused and changes nothing.
        var before = Counts(s);
        Assert.Equal(
            "The bot never offered this button; nothing was changed. Use the buttons under the bot's messages, or /resolve.",
            await s.AnswerAsync(s.Press(Scenario.Nina, Alerts(s, Scenario.Nina)[^1].MessageId, "out:C-0001:Safe:x")));
        await s.QuietAsync();
        Assert.Equal(before, Counts(s));

        // Acknowledged: past two repeat slots nobody is told anything.
        s.Advance(TimeSpan.FromMinutes(25));
        await s.QuietAsync();
        Assert.Equal(before, Counts(s));

        // 15:11: resolved by buttons; every latest copy says how it ended and loses its buttons.
        Assert.Null(await s.AnswerAsync(s.Press(Scenario.Nina, "res:C-0001")));
        var choose = await s.ExpectAsync(Scenario.Nina, "how did it end?");
        Assert.StartsWith("C-0001 (Salek): how did it end?", choose, StringComparison.Ordinal);
        Assert.Equal(4, s.MessageWithButton(Scenario.Nina, "out:C-0001:Safe").InlineKeyboard.Count); // "other" needs a note, so it has no button
        Assert.Equal("C-0001 resolved: safe.", await s.AnswerAsync(s.Press(Scenario.Nina, "out:C-0001:Safe")));
        await s.QuietAsync();
        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 15:11 UTC+3: safe", Alerts(s, Scenario.Alexander)[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Закрыто: Nina, 02.11 15:11 UTC+3 — в безопасности", Alerts(s, Scenario.Olga)[^1].Text, StringComparison.Ordinal);
        Assert.All(Everyone, u => Assert.Equal(2, Alerts(s, u)[^1].EditCount));
        Assert.All(Everyone, u => Assert.Empty(Alerts(s, u)[^1].InlineKeyboard));
        Assert.Equal("C-0001 уже закрыто.", await s.AnswerAsync(s.Press(Scenario.Olga, Alerts(s, Scenario.Olga)[0].MessageId, "ack:C-0001")));
        Assert.Equal("No open cases.", await s.SayAsync(Scenario.Nina, "/cases"));
        var timeline = (await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001 ·")).Split('\n');
        Assert.StartsWith("C-0001 · Salek · missed check-in · resolv", timeline[0], StringComparison.Ordinal);
        Assert.Contains("taken after: 16 min · lawyer told after: 15 min", timeline[0], StringComparison.Ordinal);
        Assert.Equal("02.11 14:30 UTC+3 Opened: missed check-in, deadline 02.11 14:00 UTC+3", timeline[1]);
        Assert.Contains("02.11 14:45 UTC+3 Escalated: nobody acknowledged", timeline);
        Assert.Contains("02.11 14:45 UTC+3 Alert queued — Alexander: escalation", timeline);
        Assert.Contains("02.11 14:45 UTC+3 Alert delivered — Alexander: message " + Alerts(s, Scenario.Alexander)[0].MessageId, timeline);
        Assert.Contains("02.11 14:46 UTC+3 Acknowledged — Olga", timeline);

        // Resolved means over: no repeat; a check-in (15:31) tells nobody; the next miss (18:01 Moscow) opens a new case.
        before = Counts(s);
        s.Advance(TimeSpan.FromMinutes(20));
        await s.QuietAsync();
        Assert.Equal(before, Counts(s));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        await s.QuietAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("checked in", StringComparison.Ordinal));
        s.Advance(TimeSpan.FromMinutes(150));
        Assert.StartsWith("🚨 C-0002: Salek missed a check-in.", await s.ExpectAsync(Scenario.Nina, "C-0002"), StringComparison.Ordinal);
        AssertSubjectToldNothing(s);
    }

    // Everyone reads Moscow time, so the times asserted read the same for every reader.
    private static async Task<Scenario> StartWithChainAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Checkins:ReminderLead"] = "00:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var s = await Scenario.StartAsync(settings: values);
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.EnrolCoordinatorAsync(Scenario.Olga, "Olga");
        await s.EnrolCoordinatorAsync(Scenario.Boris, "Boris");
        await s.EnrolLawyerAsync(Scenario.Alexander, "Alexander");
        await s.AssignAsync("coordinator", "Olga", "Salek");
        await s.AssignAsync("backup", "Boris", "Salek");
        await s.AssignAsync("lawyer", "Alexander", "Salek");
        foreach (var englishSpeaker in new[] { Scenario.Nina, Scenario.Boris, Scenario.Alexander })
        {
            await s.SayAsync(englishSpeaker, "/timezone Europe/Moscow", "Europe/Moscow");
        }

        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        return s;
    }

    // 09:00 UTC + 2 h deadline + 30 min grace: C-0001 opens at 11:30 UTC, 14:30 Moscow.
    private static async Task MissAsync(Scenario s)
    {
        s.Advance(TimeSpan.FromMinutes(150));
        await s.ExpectAsync(Scenario.Nina, "Salek missed a check-in");
        await s.QuietAsync();
    }

    private static void AssertSubjectToldNothing(Scenario s) =>
        Assert.DoesNotContain(s.MessagesTo(Scenario.Salek), m => CaseMention().IsMatch(m) || m.Contains("Nina", StringComparison.Ordinal) || m.Contains("Alexander", StringComparison.Ordinal));

    private static List<FakeChatEntry> Alerts(Scenario s, FakeUser user) =>
        [.. s.Telegram.BotMessagesTo(user.Id).Where(m => m.Text is { } text && AlertHeadline().IsMatch(text))];

    private static List<string?> Buttons(FakeChatEntry message) => [.. message.InlineKeyboard.SelectMany(r => r).Select(b => b.CallbackData)];

    private static (int Nina, int Olga, int Boris, int Alexander, int Salek) Counts(Scenario s) =>
        (s.MessagesTo(Scenario.Nina).Count, s.MessagesTo(Scenario.Olga).Count, s.MessagesTo(Scenario.Boris).Count, s.MessagesTo(Scenario.Alexander).Count, s.MessagesTo(Scenario.Salek).Count);

    [GeneratedRegex(@"^(\[\S+\] )?(🚨|🆘) C-\d{4}:")]
    private static partial Regex AlertHeadline();

    [GeneratedRegex(@"C-\d{4}")]
    private static partial Regex CaseMention();
}
