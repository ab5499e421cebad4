namespace DistressBot.Tests.EndToEnd;

public sealed class CheckinTests
{

    [Fact]
    public async Task Schedule_Every_ConfirmsAndSetsFirstDeadline()
    {
        await using var s = await StartWithSubjectAsync();

        var reply = await s.SayAsync(Scenario.Salek, "/schedule every 12h grace 30m", "Расписание");

        // 09:00 UTC is 12:00 in Moscow; the first deadline is 12 hours later. The schedule is said in Russian, the time carries its zone.
        Assert.Contains("Расписание сохранено: раз в 12 ч, запас 30 мин (часовой пояс Europe/Moscow)", reply, StringComparison.Ordinal);
        Assert.Contains("до 03.11 00:00 UTC+3 (через 12 ч)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("every", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("grace", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkin_BeforeDeadline_ConfirmsAndMovesDeadline()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 12h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromHours(3));

        var reply = await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");

        Assert.Contains("03.11 03:00", reply, StringComparison.Ordinal);
        var status = await s.SayAsync(Scenario.Salek, "/status", "Состояние");
        Assert.Contains("в порядке", status, StringComparison.Ordinal);
        Assert.Contains("02.11 15:00", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_GoOutBeforeAndAtDeadline_WithOneTapButton()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        s.Advance(TimeSpan.FromMinutes(105));
        await s.ExpectAsync(Scenario.Salek, "Напоминание");
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Salek, "Срок отметки наступил");

        var reminder = s.Telegram.BotMessagesTo(Scenario.Salek.Id)[^1];
        Assert.Equal("✅ Отметиться", Assert.Single(Assert.Single(reminder.ReplyKeyboard)));
        var confirmed = await s.SayAsync(Scenario.Salek, "✅ Отметиться", "Отметка принята");
        Assert.Contains("через 2 ч", confirmed, StringComparison.Ordinal);
        await s.SettleAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissedDeadline_AlertsCoordinatorWithCaseNumber_ThenLateCheckinIsTold()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(30));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята"); // at 09:30 UTC; deadline 11:30, grace to 12:00

        s.Advance(TimeSpan.FromMinutes(150));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");

        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        Assert.Contains("Salek", alert, StringComparison.Ordinal);
        // Nina's Telegram is in English: she starts in UTC, and every time says so.
        Assert.Contains("Last check-in: 02.11 09:30 UTC\n", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 11:30 UTC (grace until 02.11 12:00 UTC)", alert, StringComparison.Ordinal);
        var overview = await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
        Assert.Contains("Salek — MISSED", overview, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(5));
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        var late = await s.ExpectAsync(Scenario.Nina, "late");
        Assert.Equal("C-0001: Salek checked in at 12:05 UTC, 35 min late.", late);
        overview = await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
        Assert.Contains("Salek — ok", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondMiss_WhileCaseOpen_JoinsTheSameCase()
    {
        await using var s = await StartWithSubjectAsync(reminderLead: "00:00:00", quietEscalation: true);
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(150));
        await s.ExpectAsync(Scenario.Nina, "C-0001");
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");

        s.Advance(TimeSpan.FromMinutes(150));
        await s.SettleAsync();

        var alerts = s.MessagesTo(Scenario.Nina).Where(m => m.Contains("missed a check-in", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.StartsWith("🚨 C-0001:", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckinSentBeforeDeadline_ButReadAfterAlert_IsToldAsArrivedLate()
    {
        await using var s = await StartWithSubjectAsync(reminderLead: "00:00:00");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        var sentAt = s.Time.GetUtcNow() + TimeSpan.FromMinutes(100);

        s.Advance(TimeSpan.FromMinutes(150));
        await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek, sentAt);

        var told = await s.ExpectAsync(Scenario.Nina, "in time");
        Assert.Contains("10:40 UTC", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_InSubjectsZone_AndTooEarlyCheckinDoesNotCoverNextDeadline()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/timezone Asia/Tbilisi", "Tbilisi");

        var set = await s.SayAsync(Scenario.Salek, "/schedule daily 09:00 21:00 grace 45m", "Расписание");
        Assert.Contains("02.11 21:00", set, StringComparison.Ordinal); // 09:00 UTC is 13:00 in Tbilisi

        var early = await s.SayAsync(Scenario.Salek, "/checkin");
        Assert.Contains("ещё рано", early, StringComparison.Ordinal);
        Assert.Contains("02.11 15:00", early, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromHours(3));
        var counted = await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        Assert.Contains("03.11 09:00", counted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_AcrossSpringForward_StaysAtLocalWallClock()
    {
        // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026.
        await using var s = await StartWithSubjectAsync(start: new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero), reminderLead: "00:00:00");
        await s.SayAsync(Scenario.Salek, "/timezone Europe/Berlin", "Berlin");
        await s.SayAsync(Scenario.Salek, "/schedule daily 09:00 grace 30m", "28.03 09:00");

        s.Advance(TimeSpan.FromHours(19)); // 07:00 UTC = 08:00 Berlin on the 28th
        var first = await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        Assert.Contains("29.03 09:00", first, StringComparison.Ordinal);
        Assert.Contains("через 1 д", first, StringComparison.Ordinal);

        // 09:00 Berlin on the 29th is 07:00 UTC: 23 real hours after the 28th's deadline (08:00 UTC), 24 after our check-in.
        s.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(29));
        await s.SettleAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("missed", StringComparison.Ordinal));
        s.Advance(TimeSpan.FromMinutes(2));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.Contains("Missed deadline: 29.03 07:00 UTC", alert, StringComparison.Ordinal); // Nina reads UTC
    }

    [Fact]
    public async Task Schedule_BadInput_GetsClearReplyAndKeepsOldSchedule()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 12h grace 30m", "Расписание");

        Assert.Contains("длительность «12x»", await s.SayAsync(Scenario.Salek, "/schedule every 12x"), StringComparison.Ordinal);
        Assert.Contains("Слишком часто", await s.SayAsync(Scenario.Salek, "/schedule every 10m"), StringComparison.Ordinal);
        Assert.Contains("время «25:00»", await s.SayAsync(Scenario.Salek, "/schedule daily 25:00"), StringComparison.Ordinal);
        Assert.Contains("Формат", await s.SayAsync(Scenario.Salek, "/schedule"), StringComparison.Ordinal);
        Assert.Contains("короче", await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 3h"), StringComparison.Ordinal);
        Assert.Contains("Не знаю часовой пояс «Mars/Base»", await s.SayAsync(Scenario.Salek, "/timezone Mars/Base"), StringComparison.Ordinal);

        var status = await s.SayAsync(Scenario.Salek, "/status", "Расписание");
        Assert.Contains("Расписание: раз в 12 ч, запас 30 мин", status, StringComparison.Ordinal);
        Assert.Contains("Europe/Moscow", await s.SayAsync(Scenario.Salek, "/timezone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_KeepsEnrollmentScheduleAndDeadline()
    {
        await using var s = await StartWithSubjectAsync(reminderLead: "00:00:00");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(151)); // the deadline passes while the bot is down
        await s.Sandbox.StartBotAsync();

        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        var status = await s.SayAsync(Scenario.Salek, "/status", "Расписание");
        Assert.Contains("Расписание: раз в 2 ч, запас 30 мин", status, StringComparison.Ordinal);
        Assert.Contains("Salek — MISSED", await s.SayAsync(Scenario.Nina, "/subjects", "Your people"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckinSentWhileBotWasDown_CountsAtItsTelegramDate_NoAlert()
    {
        await using var s = await StartWithSubjectAsync(reminderLead: "00:00:00");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(100));
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek); // dated 13:40 Moscow, queued at Telegram
        s.Advance(TimeSpan.FromMinutes(60)); // 14:40: the old deadline plus grace is long past
        await s.Sandbox.StartBotAsync();

        var reply = await s.ExpectAsync(Scenario.Salek, "Отметка принята");
        Assert.Contains("02.11 15:40", reply, StringComparison.Ordinal);
        await s.SettleAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckinSentAfterGraceWhileBotWasDown_StillAlertsWithCaseNumber_ThenTellsItLate()
    {
        await using var s = await StartWithSubjectAsync(reminderLead: "00:00:00");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(160)); // deadline 11:00 UTC, grace until 11:30: ten minutes past it
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek); // queued at Telegram, 10 min too late
        s.Advance(TimeSpan.FromMinutes(5));
        await s.Sandbox.StartBotAsync();

        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        var late = await s.ExpectAsync(Scenario.Nina, "late");
        Assert.Contains("C-0001: Salek checked in at", late, StringComparison.Ordinal);
        await s.ExpectAsync(Scenario.Salek, "Отметка принята");
        await s.SettleAsync();
        Assert.Single(s.MessagesTo(Scenario.Nina), m => m.Contains("missed a check-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checkin_DatedByTelegramIn1970_CountsAtNowWithoutAnAlarm()
    {
        // Seen: the deadline moved into the past, a case opened at once, and the reply said "(in 20759 d)".
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(30));
        await s.SettleAsync();
        var before = s.Telegram.BotMessagesTo(Scenario.Salek.Id).Count;

        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek, DateTimeOffset.UnixEpoch);
        var reply = await s.NextAsync(Scenario.Salek, before, "Отметка принята");

        Assert.Contains("через 2 ч", reply, StringComparison.Ordinal);
        await s.QuietAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_ResentInsideGrace_DoesNotSilenceTheAlarm()
    {
        // Seen: the same schedule re-sent 5 minutes after the deadline announced a new deadline; no alarm ever came.
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(125));
        await s.QuietAsync();

        var reply = await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        Assert.Contains("после вашей следующей отметки", reply, StringComparison.Ordinal);

        s.Advance(TimeSpan.FromMinutes(25));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissedDeadline_OnASecondsSchedule_EveryTimeShowsSecondsAndTheReadersZone()
    {
        var s = await Scenario.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Checkins:MinimumInterval"] = "00:00:10",
            ["Checkins:DefaultGrace"] = "00:00:05",
            ["Checkins:ReminderLead"] = "00:00:00",
        });
        await using var _ = s;
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        var set = await s.SayAsync(Scenario.Salek, "/schedule every 15s grace 5s", "Расписание");
        s.Advance(TimeSpan.FromSeconds(21));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");

        Assert.Contains("Расписание сохранено: раз в 15 с, запас 5 с (часовой пояс Europe/Moscow).", set, StringComparison.Ordinal);
        Assert.Contains("до 02.11 12:00:15 UTC+3 (через 15 с)", set, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 09:00:15 UTC (grace until 02.11 09:00:20 UTC)", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("12:00:15", alert, StringComparison.Ordinal); // Nina is not in Moscow time
    }

    [Fact]
    public async Task Welcome_TellsEachPersonTheirZone_EnglishSpeakersStartInUtc()
    {
        await using var s = await StartWithSubjectAsync();

        var nina = s.MessagesTo(Scenario.Nina).First(m => m.Contains("connected as a coordinator", StringComparison.Ordinal));
        var salek = s.MessagesTo(Scenario.Salek).First(m => m.Contains("Вы подключены", StringComparison.Ordinal));

        Assert.Contains("Times in messages are in the time zone UTC (it is 09:00 UTC there now).", nina, StringComparison.Ordinal);
        Assert.Contains("/timezone Europe/Berlin", nina, StringComparison.Ordinal);
        Assert.Contains("Время в сообщениях — по часовому поясу Europe/Moscow (сейчас там 12:00 UTC+3).", salek, StringComparison.Ordinal);
        Assert.DoesNotContain("Moscow", nina, StringComparison.Ordinal);
    }

    private static async Task<Scenario> StartWithSubjectAsync(DateTimeOffset? start = null, string reminderLead = "00:15:00", bool quietEscalation = false)
    {
        var settings = new Dictionary<string, string?> { ["Checkins:ReminderLead"] = reminderLead };
        if (quietEscalation)
        {
            // Only the check-in alarms themselves, no escalation repeats, so they can be counted.
            settings["Escalation:AcknowledgeTimeout"] = "10.00:00:00";
            settings["Escalation:RepeatEvery"] = "10.00:00:00";
        }

        var s = await Scenario.StartAsync(start, settings);
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        return s;
    }

}
