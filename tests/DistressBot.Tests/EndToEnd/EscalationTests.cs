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

    public static TheoryData<string, string, string> CommandOutcomes => new()
    {
        { "safe", "safe", "в безопасности" },
        { "detained", "detained", "задержан(а)" },
        { "missing", "missing", "пропал(а)" },
        { "hospitalised", "hospitalised", "в больнице" },
        { "other moved to another city, calls tomorrow", "other", "другое" },
    };

    public static TheoryData<string, string, string> ButtonOutcomes => new()
    {
        { "Safe", "safe", "в безопасности" },
        { "Detained", "detained", "задержан(а)" },
        { "Missing", "missing", "пропал(а)" },
        { "Hospitalised", "hospitalised", "в больнице" },
    };

    [Fact]
    public async Task MissedCheckin_AcknowledgedAtLevelOneByButton_EditsEveryCopyAndNeverReachesLevelTwo()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        Assert.All(LevelOne, u => Assert.Single(Alerts(s, u)));
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));
        Assert.Contains("Salek missed a check-in", Alerts(s, Scenario.Nina)[0].Text, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(5));
        var answer = await s.AnswerAsync(s.Press(Scenario.Nina, "ack:C-0001"));
        await s.QuietAsync();

        Assert.StartsWith("C-0001: the case is yours.", answer, StringComparison.Ordinal);
        var olgas = Assert.Single(Alerts(s, Scenario.Olga));
        Assert.Equal(1, olgas.EditCount);
        Assert.EndsWith("\n\n✋ Принято: Nina в 14:35 UTC+3", olgas.Text, StringComparison.Ordinal);
        Assert.Equal(["res:C-0001"], Buttons(olgas));
        var ninas = Assert.Single(Alerts(s, Scenario.Nina));
        Assert.EndsWith("\n\n✋ Acknowledged by Nina at 14:35 UTC+3", ninas.Text, StringComparison.Ordinal);

        // Past level 2 (14:45) and two repeat slots, short of the reminder to the taker (15:05): nothing more at all.
        var before = Counts(s);
        s.Advance(TimeSpan.FromMinutes(25));
        await s.QuietAsync();
        Assert.Equal(before, Counts(s));
        Assert.All(LevelTwo, u => Assert.DoesNotContain(s.MessagesTo(u), m => m.Contains("C-0001", StringComparison.Ordinal)));
        Assert.Equal(1, Assert.Single(Alerts(s, Scenario.Olga)).EditCount);
        AssertSubjectToldNothing(s);
    }

    [Fact]
    public async Task Acknowledge_WhileACopyWaitsForTelegram_ThatCopyGoesOutSayingWhoTookIt_WithoutAnEdit()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Telegram.BlockChat(Scenario.Boris.Id, 502, "Bad Gateway"); // a passing failure: the bot keeps Boris's alert and retries
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");

        s.Telegram.EnqueueCallbackQuery(Scenario.Nina.Id, s.MessageWithButton(Scenario.Nina, "ack:C-0001").MessageId, "ack:C-0001", Scenario.Nina);
        await s.ExpectAsync(Scenario.Alexander, "✋ Acknowledged by Nina at 14:45 UTC+3");
        s.Telegram.Unblock(Scenario.Boris.Id);
        var borises = await s.Telegram.WaitForBotMessageAsync(Scenario.Boris.Id, m => m.Text?.Contains("Level 2", StringComparison.Ordinal) == true);
        await s.QuietAsync();

        // Composed when it went: it already says who took the case, and offers only Resolve.
        Assert.EndsWith("\n\n✋ Acknowledged by Nina at 14:45 UTC+3", borises.Text, StringComparison.Ordinal);
        var only = Assert.Single(Alerts(s, Scenario.Boris));
        Assert.Equal(["res:C-0001"], Buttons(only));
        Assert.Equal(0, only.EditCount);
    }

    [Fact]
    public async Task MissedCheckin_NobodyAcknowledges_RepeatsAtTenThenLevelTwoAtFifteen()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);

        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Nina, "Reminder: nobody has acknowledged for 10 min.");
        await s.QuietAsync();
        Assert.All(LevelOne, u => Assert.Equal(2, Alerts(s, u).Count));
        Assert.Contains("Повтор: никто не принял тревогу уже 10 мин.", Alerts(s, Scenario.Olga)[1].Text, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));

        s.Advance(TimeSpan.FromMinutes(5));
        var escalated = await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.QuietAsync();

        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", escalated, StringComparison.Ordinal);
        Assert.Contains("Level 2: the coordinators have not acknowledged for 15 min.", escalated, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Single(Alerts(s, u)));
        Assert.Contains("Level 2: the coordinators have not acknowledged for 15 min.", Alerts(s, Scenario.Boris)[0].Text, StringComparison.Ordinal);
        Assert.All(LevelOne, u => Assert.Equal(3, Alerts(s, u).Count));
        Assert.Equal(["ack:C-0001", "res:C-0001"], Buttons(Alerts(s, Scenario.Alexander)[0]));

        var cases = await s.SayAsync(Scenario.Nina, "/cases", "Open cases");
        Assert.Contains("C-0001 · Salek · missed check-in · open, level 2 · opened 02.11 14:30 UTC+3", cases, StringComparison.Ordinal);
        Assert.Contains("taken after: not yet (15 min)", cases, StringComparison.Ordinal);
        Assert.Contains("lawyer told after: 15 min", cases, StringComparison.Ordinal);
        Assert.Contains("lawyer told after: 15 min", await s.SayAsync(Scenario.Alexander, "/cases", "Open cases"), StringComparison.Ordinal);

        // From now on all four are told again every 10 minutes.
        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Alexander, "Reminder: nobody has acknowledged for 25 min.");
        await s.QuietAsync();
        Assert.All(LevelTwo, u => Assert.Equal(2, Alerts(s, u).Count));
        Assert.All(LevelOne, u => Assert.Equal(4, Alerts(s, u).Count));
        AssertSubjectToldNothing(s);
    }

    [Fact]
    public async Task Sos_AlertsBothLevelsAtOnce_SubjectHearsOnlyReceived_LocationJoinsTheCase()
    {
        await using var s = await StartWithChainAsync();
        var subjectBefore = s.MessagesTo(Scenario.Salek).Count;

        var reply = await s.SayAsync(Scenario.Salek, "/sos");
        await s.ExpectAsync(Scenario.Alexander, "C-0001");
        await s.QuietAsync();

        Assert.Equal("Принято.", reply);
        Assert.Equal("🆘 C-0001: Salek sent SOS (02.11 12:00 UTC+3).", Assert.Single(Alerts(s, Scenario.Nina)).Text);
        Assert.Equal("🆘 C-0001: Salek нажал(а) SOS (02.11 12:00 UTC+3).", Assert.Single(Alerts(s, Scenario.Olga)).Text);
        Assert.All(Everyone, u => Assert.Single(Alerts(s, u)));

        s.Advance(TimeSpan.FromMinutes(2));
        s.Telegram.EnqueueLocation(Scenario.Salek.Id, 43.3179, 45.6981, from: Scenario.Salek);
        var told = await s.ExpectAsync(Scenario.Alexander, "shared a location");
        await s.QuietAsync();
        Assert.Equal("C-0001: Salek shared a location: 43.31790, 45.69810 https://www.openstreetmap.org/?mlat=43.31790&mlon=45.69810#map=17/43.31790/45.69810 (02.11 12:02 UTC+3)", told);
        Assert.All(Everyone, u => Assert.Single(s.MessagesTo(u), m => m.Contains("43.31790", StringComparison.Ordinal)));

        s.Advance(TimeSpan.FromMinutes(8));
        await s.ExpectAsync(Scenario.Alexander, "Reminder: nobody has acknowledged for 10 min.");
        await s.QuietAsync();
        Assert.All(Everyone, u => Assert.Equal(2, Alerts(s, u).Count));
        Assert.All(Everyone, u => Assert.Contains("43.31790, 45.69810", Alerts(s, u)[1].Text, StringComparison.Ordinal));
        Assert.Contains("Last known location: 43.31790, 45.69810", Alerts(s, Scenario.Nina)[1].Text, StringComparison.Ordinal);
        var timeline = await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001 · Salek · SOS");
        Assert.Contains("02.11 12:02 UTC+3 Location: 43.31790, 45.69810", timeline, StringComparison.Ordinal);

        Assert.Equal(["Принято.", "Принято."], s.MessagesTo(Scenario.Salek).Skip(subjectBefore));
    }

    [Fact]
    public async Task Missing_ReportedByCoordinator_OpensCaseAtBothLevelsWithItsText()
    {
        await using var s = await StartWithChainAsync();
        var subjectBefore = s.MessagesTo(Scenario.Salek).Count;

        var reply = await s.SayAsync(Scenario.Nina, "/missing Salek call, screaming in the background", "opened about");
        await s.ExpectAsync(Scenario.Alexander, "C-0001");
        await s.QuietAsync();

        Assert.Equal("C-0001 opened about Salek; coordinators and lawyers are alerted.", reply);
        Assert.All(Everyone, u => Assert.Single(Alerts(s, u)));
        Assert.Equal("🚨 C-0001: Nina reports Salek missing (02.11 12:00 UTC+3).\n“call, screaming in the background”", Alerts(s, Scenario.Alexander)[0].Text);
        Assert.Contains("«call, screaming in the background»", Alerts(s, Scenario.Olga)[0].Text, StringComparison.Ordinal);
        Assert.Contains("missing report", await s.SayAsync(Scenario.Boris, "/cases", "Open cases"), StringComparison.Ordinal);
        Assert.Equal(subjectBefore, s.MessagesTo(Scenario.Salek).Count);
    }

    [Fact]
    public async Task Acknowledge_TwoPressesInOneBatch_FirstWinsAndBothCopiesNameTheWinner()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);

        // Offline for a moment, so both presses reach the bot in the same getUpdates answer.
        s.Telegram.SetReachable(false);
        var olgaPress = s.Press(Scenario.Olga, "ack:C-0001");
        var ninaPress = s.Press(Scenario.Nina, "ack:C-0001");
        s.Telegram.SetReachable(true);
        var olgaAnswer = await s.AnswerAsync(olgaPress);
        var ninaAnswer = await s.AnswerAsync(ninaPress);
        await s.QuietAsync();

        Assert.StartsWith("C-0001: дело за вами.", olgaAnswer, StringComparison.Ordinal);
        Assert.Equal("C-0001 was already acknowledged by Olga at 14:30 UTC+3.", ninaAnswer);
        var ninas = Assert.Single(Alerts(s, Scenario.Nina));
        var olgas = Assert.Single(Alerts(s, Scenario.Olga));
        Assert.Equal(1, ninas.EditCount);
        Assert.Equal(1, olgas.EditCount);
        Assert.EndsWith("✋ Acknowledged by Olga at 14:30 UTC+3", ninas.Text, StringComparison.Ordinal);
        Assert.EndsWith("✋ Принято: Olga в 14:30 UTC+3", olgas.Text, StringComparison.Ordinal);
        Assert.Contains("acknowledged by Olga", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseActions_ByStrangerOrUnassignedCoordinator_AreRefusedRevealNothingAndChangeNothing()
    {
        await using var s = await StartWithChainAsync();
        await s.EnrolCoordinatorAsync(Scenario.Vera, "Vera");
        await MissAsync(s);
        var neutral = await s.SayAsync(Scenario.Stranger, "hello");

        var strangerPress = s.Press(Scenario.Stranger, s.Telegram.BotMessagesTo(Scenario.Stranger.Id)[^1].MessageId, "ack:C-0001");
        var strangerAnswer = await s.AnswerAsync(strangerPress);
        var veraPress = await s.AnswerAsync(s.Press(Scenario.Vera, s.Telegram.BotMessagesTo(Scenario.Vera.Id)[^1].MessageId, "ack:C-0001"));
        var veraResolvePress = await s.AnswerAsync(s.Press(Scenario.Vera, s.Telegram.BotMessagesTo(Scenario.Vera.Id)[^1].MessageId, "out:C-0001:Safe"));
        var refusals = new[]
        {
            await s.SayAsync(Scenario.Vera, "/ack C-0001"),
            await s.SayAsync(Scenario.Vera, "/case C-0001"),
            await s.SayAsync(Scenario.Vera, "/note C-0001 I know him"),
            await s.SayAsync(Scenario.Vera, "/resolve C-0001 safe"),
            veraPress!,
            veraResolvePress!,
        };
        await s.QuietAsync();

        Assert.Null(strangerAnswer);
        Assert.Equal([neutral], s.MessagesTo(Scenario.Stranger));
        Assert.All(refusals, r => Assert.Equal("There is no case C-0001 among yours.", r));
        Assert.Equal("No open cases.", await s.SayAsync(Scenario.Vera, "/cases"));
        Assert.DoesNotContain(s.MessagesTo(Scenario.Vera), m => m.Contains("Salek", StringComparison.Ordinal));
        Assert.All(LevelOne, u => Assert.Equal(0, Assert.Single(Alerts(s, u)).EditCount));
        var cases = await s.SayAsync(Scenario.Nina, "/cases", "Open cases");
        Assert.Contains("open, level 1", cases, StringComparison.Ordinal);
        Assert.DoesNotContain("Note", await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001 ·"), StringComparison.Ordinal);

        // Still unacknowledged, so it escalates on time.
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");
    }

    [Theory]
    [MemberData(nameof(CommandOutcomes))]
    public async Task Resolve_ByCommand_EditsCopiesClosesCaseAndNextMissOpensNewCase(string arguments, string english, string russian)
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(5));

        var reply = await s.SayAsync(Scenario.Nina, "/resolve C-0001 " + arguments);
        await s.QuietAsync();

        Assert.Equal($"C-0001 resolved: {english}.", reply);
        await AssertResolvedAsync(s, english, russian);
    }

    [Theory]
    [MemberData(nameof(ButtonOutcomes))]
    public async Task Resolve_ByButtons_EditsCopiesClosesCaseAndNextMissOpensNewCase(string outcome, string english, string russian)
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await s.AnswerAsync(s.Press(Scenario.Nina, "res:C-0001")));
        var choose = await s.ExpectAsync(Scenario.Nina, "how did it end?");
        var chooser = s.MessageWithButton(Scenario.Nina, "out:C-0001:" + outcome);
        Assert.Equal(4, chooser.InlineKeyboard.Count); // "other" needs a note, so it has no button
        var answer = await s.AnswerAsync(s.Press(Scenario.Nina, "out:C-0001:" + outcome));
        await s.QuietAsync();

        Assert.StartsWith("C-0001 (Salek): how did it end?", choose, StringComparison.Ordinal);
        Assert.Equal($"C-0001 resolved: {english}.", answer);
        await AssertResolvedAsync(s, english, russian);
        Assert.Equal("C-0001 уже закрыто.", await s.AnswerAsync(s.Press(Scenario.Olga, Alerts(s, Scenario.Olga)[0].MessageId, "ack:C-0001")));
    }

    [Fact]
    public async Task Resolve_OtherWithoutNote_IsRefusedAndCaseStaysOpen()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);

        var reply = await s.SayAsync(Scenario.Nina, "/resolve C-0001 other");
        await s.QuietAsync();

        Assert.Equal("“Other” needs a note: /resolve C-0001 other what happened", reply);
        Assert.Contains("C-0001 · Salek · missed check-in · open, level 1", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);
        Assert.All(LevelOne, u => Assert.Equal(0, Assert.Single(Alerts(s, u)).EditCount));
        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Nina, "Reminder: nobody has acknowledged for 10 min.");
    }

    [Theory]
    [InlineData("out:C-0001:99")]
    [InlineData("out:C-0001:Other")]
    [InlineData("out:C-0001:4")]
    [InlineData("out:C-0001:Safe:x")]
    [InlineData("res:C-0001:Safe")]
    [InlineData("ack:C-0001 ")]
    public async Task ForgedButton_ByCoordinatorOnTheCase_IsRefusedAndChangesAndSendsNothing(string forged)
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        var before = Counts(s);

        var answer = await s.AnswerAsync(s.Press(Scenario.Nina, Alerts(s, Scenario.Nina)[0].MessageId, forged));
        await s.QuietAsync();

        Assert.Equal("The bot never offered this button; nothing was changed. Use the buttons under the bot's messages, or /resolve.", answer);
        Assert.Equal(before, Counts(s));
        Assert.All(LevelOne, u => Assert.Equal(0, Assert.Single(Alerts(s, u)).EditCount));
        Assert.Contains("C-0001 · Salek · missed check-in · open, level 1", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);

        // Still unacknowledged and unresolved, so it escalates on time.
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");
    }

    [Fact]
    public async Task Acknowledged_ThenQuiet_RemindsTakerAfter30_ThenAlarmsBothLevelsAgainAfter60()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(5));
        await s.AnswerAsync(s.Press(Scenario.Nina, "ack:C-0001"));
        await s.QuietAsync();
        var before = Counts(s);

        s.Advance(TimeSpan.FromMinutes(30));
        var reminder = await s.ExpectAsync(Scenario.Nina, "⏰");
        await s.QuietAsync();
        Assert.StartsWith("⏰ C-0001: you took Salek's case but there is no note or resolution since.", reminder, StringComparison.Ordinal);
        Assert.Equal(before with { Nina = before.Nina + 1 }, Counts(s));

        s.Advance(TimeSpan.FromMinutes(30));
        await s.ExpectAsync(Scenario.Alexander, "nothing since");
        await s.QuietAsync();

        Assert.All(Everyone, u => Assert.Contains("C-0001", Alerts(s, u)[^1].Text, StringComparison.Ordinal));
        Assert.Contains("Acknowledged by Nina at 14:35 UTC+3, but nothing since: the alarm goes to everyone again.", Alerts(s, Scenario.Boris)[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Принято Nina в 14:35 UTC+3, но с тех пор ничего", Alerts(s, Scenario.Olga)[^1].Text, StringComparison.Ordinal);
        Assert.All(Everyone, u => Assert.Equal(["ack:C-0001", "res:C-0001"], Buttons(Alerts(s, u)[^1])));
        Assert.All(LevelTwo, u => Assert.Single(Alerts(s, u)));
        Assert.Contains("open, level 2", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);
        AssertSubjectToldNothing(s);
    }

    [Fact]
    public async Task Acknowledged_NoteBeforeSecondDeadline_PreventsTheAlarmAgain()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(5));
        await s.AnswerAsync(s.Press(Scenario.Nina, "ack:C-0001"));
        s.Advance(TimeSpan.FromMinutes(30));
        await s.ExpectAsync(Scenario.Nina, "⏰");

        s.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("Note added to C-0001.", await s.SayAsync(Scenario.Nina, "/note C-0001 lawyer is on the way to the station"));
        s.Advance(TimeSpan.FromMinutes(20)); // 15:35: when the alarm would have gone to everyone again
        await s.QuietAsync();

        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));
        Assert.Single(Alerts(s, Scenario.Olga));
        Assert.Contains("acknowledged by Nina", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);

        // The note restarted the clock: the next reminder is 30 minutes after it.
        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Nina, "⏰");
        await s.QuietAsync();
        Assert.Equal(2, s.MessagesTo(Scenario.Nina).Count(m => m.StartsWith('⏰')));
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));
    }

    [Fact]
    public async Task Restart_DuringEscalation_SendsWhatFellDueOnceAndKeepsRepeating()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(5));

        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(11)); // 14:46: the 14:40 repeat and the 14:45 level 2 fell due while down
        await s.Sandbox.StartBotAsync();
        var escalated = await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.QuietAsync();

        Assert.Contains("not acknowledged for 16 min", escalated, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Single(Alerts(s, u)));
        Assert.All(LevelOne, u => Assert.Equal(2, Alerts(s, u).Count));
        Assert.Contains("Reminder: nobody has acknowledged for 16 min.", Alerts(s, Scenario.Nina)[1].Text, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Alexander, "Reminder: nobody has acknowledged for 26 min.");
        await s.QuietAsync();
        Assert.All(LevelTwo, u => Assert.Equal(2, Alerts(s, u).Count));
        Assert.All(LevelOne, u => Assert.Equal(3, Alerts(s, u).Count));
    }

    [Fact]
    public async Task Drill_RunsThroughTheChainMarkedAsDrill_AndSubjectReceivesNothing()
    {
        await using var s = await StartWithChainAsync();
        var subjectBefore = s.MessagesTo(Scenario.Salek).Count;

        var started = await s.SayAsync(Scenario.Nina, "/drill Salek", "Drill");
        await s.ExpectAsync(Scenario.Olga, "C-0001");
        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Nina, "nobody has acknowledged for 10 min");
        s.Advance(TimeSpan.FromMinutes(5));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.AnswerAsync(s.Press(Scenario.Alexander, "ack:C-0001"));
        s.Advance(TimeSpan.FromMinutes(30));
        await s.ExpectAsync(Scenario.Alexander, "⏰");
        s.Telegram.EnqueueLocation(Scenario.Salek.Id, 43.3179, 45.6981, from: Scenario.Salek); // real life goes on during a drill
        await s.AnswerAsync(s.Press(Scenario.Alexander, "res:C-0001"));
        await s.ExpectAsync(Scenario.Alexander, "how did it end?");
        var resolved = await s.AnswerAsync(s.Press(Scenario.Alexander, "out:C-0001:Safe"));
        await s.QuietAsync();

        Assert.Equal("Drill C-0001 about Salek started. Nothing is sent to them.", started);
        Assert.Equal("C-0001 resolved: safe.", resolved);
        Assert.StartsWith("[DRILL] 🚨 C-0001: drill about Salek, started by Nina at 02.11 12:00 UTC+3.", Alerts(s, Scenario.Nina)[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("[УЧЕНИЯ] 🚨 C-0001: учебная тревога по Salek", Alerts(s, Scenario.Olga)[0].Text, StringComparison.Ordinal);
        Assert.All(LevelTwo, u => Assert.Single(Alerts(s, u)));
        foreach (var user in Everyone)
        {
            var about = s.MessagesTo(user).Where(m => m.Contains("C-0001", StringComparison.Ordinal) && m != started).ToList();
            Assert.NotEmpty(about);
            Assert.All(about, m => Assert.True(m.StartsWith("[DRILL] ", StringComparison.Ordinal) || m.StartsWith("[УЧЕНИЯ] ", StringComparison.Ordinal), user.FirstName + " got an unmarked message: " + m));
        }

        Assert.Equal(["Принято."], s.MessagesTo(Scenario.Salek).Skip(subjectBefore));
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("shared a location", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_SavedFromNextMessage_ComesWithEveryAlert_AndCaseShowsTimeline()
    {
        await using var s = await StartWithChainAsync();
        const string Plan = "Call Alexander +7 900 000-00-00; ask at the Leninsky district police station";
        Assert.Contains("Send the response plan for Salek", await s.SayAsync(Scenario.Nina, "/plan Salek"), StringComparison.Ordinal);
        Assert.Equal("The plan for Salek is saved; it comes with every alert.", await s.SayAsync(Scenario.Nina, Plan));

        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.QuietAsync(); // deliveries are recorded at 14:45, before the clock moves on
        s.Advance(TimeSpan.FromMinutes(1));
        await s.AnswerAsync(s.Press(Scenario.Boris, "ack:C-0001"));
        await s.QuietAsync();

        Assert.All(Everyone, u => Assert.All(Alerts(s, u), a => Assert.Contains(Plan, a.Text, StringComparison.Ordinal)));
        Assert.EndsWith("\n\nResponse plan:\n" + Plan + "\n\n✋ Acknowledged by Boris at 14:46 UTC+3", Alerts(s, Scenario.Alexander)[0].Text, StringComparison.Ordinal);
        Assert.Contains("План действий:\n" + Plan, Alerts(s, Scenario.Olga)[0].Text, StringComparison.Ordinal);

        var timeline = (await s.SayAsync(Scenario.Nina, "/case C-0001", "C-0001 ·")).Split('\n');
        Assert.StartsWith("C-0001 · Salek · missed check-in · acknowledged by Boris · opened 02.11 14:30 UTC+3 · taken after: 16 min · lawyer told after: 15 min", timeline[0], StringComparison.Ordinal);
        Assert.Equal("02.11 14:30 UTC+3 Opened: missed check-in, deadline 02.11 14:00 UTC+3", timeline[1]);
        Assert.Contains("02.11 14:30 UTC+3 Alert queued — Nina ×2, last 02.11 14:45 UTC+3", timeline); // the alarm and the 14:45 repeat, summarised
        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Nina ×2, last 02.11 14:45 UTC+3", timeline);
        Assert.Contains("02.11 14:30 UTC+3 Alert delivered — Olga ×2, last 02.11 14:45 UTC+3", timeline);
        Assert.Contains("02.11 14:45 UTC+3 Escalated: nobody acknowledged", timeline);
        Assert.Contains("02.11 14:45 UTC+3 Alert queued — Alexander: escalation", timeline);
        Assert.Contains("02.11 14:45 UTC+3 Alert delivered — Alexander: message " + Alerts(s, Scenario.Alexander)[0].MessageId, timeline);
        Assert.Equal("02.11 14:46 UTC+3 Acknowledged — Boris", timeline[^1]);
    }

    [Fact]
    public async Task Checkin_DuringOpenCase_IsToldToEveryoneOnTheCase_AndCaseStaysOpen()
    {
        await using var s = await StartWithChainAsync();
        await s.SayAsync(Scenario.Salek, "/sos");
        await s.ExpectAsync(Scenario.Alexander, "C-0001");
        s.Advance(TimeSpan.FromMinutes(5));

        var reply = await s.SayAsync(Scenario.Salek, "/checkin");
        await s.ExpectAsync(Scenario.Alexander, "checked in");
        await s.QuietAsync();

        Assert.StartsWith("Отметка принята", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("C-0001", reply, StringComparison.Ordinal);
        Assert.All(Everyone, u => Assert.Single(s.MessagesTo(u), m => m.Contains("checked in", StringComparison.Ordinal) || m.Contains("отметился", StringComparison.Ordinal)));
        Assert.Contains("C-0001: Salek checked in at 12:05 UTC+3. The case stays open until someone resolves it: a check-in may be coerced.", s.MessagesTo(Scenario.Boris));
        Assert.Contains("C-0001 · Salek · SOS · open, level 2", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);
        s.Advance(TimeSpan.FromMinutes(5));
        await s.ExpectAsync(Scenario.Alexander, "Reminder: nobody has acknowledged for 10 min.");
    }

    [Fact]
    public async Task LateCheckin_AfterLevelTwo_IsToldToLawyerToo_AndCaseStaysOpen()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");

        s.Advance(TimeSpan.FromMinutes(5));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        var told = await s.ExpectAsync(Scenario.Alexander, "late");
        await s.QuietAsync();

        Assert.Equal("C-0001: Salek checked in at 14:50 UTC+3, 50 min late.", told);
        Assert.All(Everyone, u => Assert.Single(s.MessagesTo(u), m => m.Contains("14:50 UTC+3", StringComparison.Ordinal)));
        Assert.Contains("open, level 2", await s.SayAsync(Scenario.Nina, "/cases", "Open cases"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_ShorterAckTimeout_BringsLevelTwoAfterFiveMinutesForThatSubjectOnly()
    {
        await using var s = await StartWithChainAsync();
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Timur, "Timur");
        await s.AssignAsync("lawyer", "Alexander", "Timur");
        var policy = await s.AdminAsync("policy", "Salek", "--ack-timeout", "5m");
        Assert.Equal(0, policy.ExitCode);
        Assert.Contains("'Salek': level 2 after 5m", policy.Error, StringComparison.Ordinal);
        await s.SayAsync(Scenario.Timur, "/schedule every 2h grace 30m", "Schedule saved");
        await MissAsync(s);
        await s.ExpectAsync(Scenario.Nina, "Timur missed a check-in");

        s.Advance(TimeSpan.FromMinutes(5));
        await s.ExpectAsync(Scenario.Alexander, "Level 2");
        await s.QuietAsync();
        var lawyer = s.MessagesTo(Scenario.Alexander).Where(m => m.Contains("Level 2", StringComparison.Ordinal)).ToList();
        Assert.Contains("Salek missed", Assert.Single(lawyer), StringComparison.Ordinal);
        Assert.Contains("not acknowledged for 5 min", lawyer[0], StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(10));
        await s.ExpectAsync(Scenario.Alexander, "Timur missed");
        await s.QuietAsync();
        lawyer = [.. s.MessagesTo(Scenario.Alexander).Where(m => m.Contains("Level 2", StringComparison.Ordinal))];
        Assert.Equal(2, lawyer.Count);
        Assert.Contains("Timur missed", lawyer[1], StringComparison.Ordinal);
        Assert.Contains("not acknowledged for 15 min", lawyer[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_SetWhileCaseIsOpen_AppliesToThatCase()
    {
        await using var s = await StartWithChainAsync();
        await MissAsync(s);
        s.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, (await s.AdminAsync("policy", "Salek", "--ack-timeout", "5m")).ExitCode);
        s.Advance(TimeSpan.FromMinutes(3));
        var escalated = await s.ExpectAsync(Scenario.Alexander, "Level 2");

        Assert.Contains("not acknowledged for 5 min", escalated, StringComparison.Ordinal);
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

    private static async Task AssertResolvedAsync(Scenario s, string english, string russian)
    {
        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 14:35 UTC+3: " + english, Alerts(s, Scenario.Nina)[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Закрыто: Nina, 02.11 14:35 UTC+3 — " + russian, Alerts(s, Scenario.Olga)[0].Text, StringComparison.Ordinal);
        Assert.All(LevelOne, u => Assert.Empty(Assert.Single(Alerts(s, u)).InlineKeyboard));
        Assert.Equal("No open cases.", await s.SayAsync(Scenario.Nina, "/cases"));

        // Resolved means over: no repeat, no level 2.
        s.Advance(TimeSpan.FromMinutes(20));
        await s.QuietAsync();
        Assert.All(LevelOne, u => Assert.Single(Alerts(s, u)));
        Assert.All(LevelTwo, u => Assert.Empty(Alerts(s, u)));

        // Salek checks in at 14:55 (nobody is told: the case is closed), then misses 17:25 Moscow.
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        await s.QuietAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("checked in", StringComparison.Ordinal));
        s.Advance(TimeSpan.FromMinutes(150));
        var next = await s.ExpectAsync(Scenario.Nina, "C-0002");
        Assert.StartsWith("🚨 C-0002: Salek missed a check-in.", next, StringComparison.Ordinal);
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
