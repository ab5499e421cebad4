using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Checkins;

/// <summary>
/// A subject's check-in commands as they come from Telegram, through the router, with the deadline monitor's step run on
/// the fake clock. Nina (English, reads UTC) coordinates Salek (Russian, Moscow time); it is 2 Nov 2026 09:00 UTC, 12:00 in Moscow.
/// </summary>
public sealed class CheckinCommandTests
{
    private readonly BotChat _chat = new();
    private readonly Person _nina;
    private readonly Person _salek;

    public CheckinCommandTests()
    {
        _nina = _chat.EnrolCoordinator(101, "Nina");
        _salek = _chat.EnrolSubject(_nina, 201, "Salek");
    }

    [Fact]
    public void Schedule_Every_ConfirmsInTheSubjectsLanguageAndZone_AndSetsTheFirstDeadline()
    {
        var reply = _chat.OwnReply(_salek, "/schedule every 12h grace 30m");

        // 09:00 UTC is 12:00 in Moscow; the first deadline is 12 hours later. The schedule is said in Russian, the time carries its zone.
        Assert.Contains("Расписание сохранено: раз в 12 ч, запас 30 мин (часовой пояс Europe/Moscow)", reply, StringComparison.Ordinal);
        Assert.Contains("до 03.11 00:00 UTC+3 (через 12 ч)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("every", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("grace", reply, StringComparison.Ordinal);
        Assert.Equal(_chat.Now + TimeSpan.FromHours(12), _chat.World.Fresh(_salek).Checkin!.OwedDeadline);
    }

    [Fact]
    public void Checkin_BeforeTheDeadline_ConfirmsAndMovesTheDeadline_NobodyElseIsTold()
    {
        _chat.Say(_salek, "/schedule every 12h grace 30m");
        var ninaBefore = _chat.MessagesTo(_nina).Count;
        _chat.World.Time.Advance(TimeSpan.FromHours(3));

        var reply = _chat.Reply(_salek, "/checkin");
        var status = _chat.Reply(_salek, "/status");

        Assert.Contains("Отметка принята", reply, StringComparison.Ordinal);
        Assert.Contains("03.11 03:00", reply, StringComparison.Ordinal);
        Assert.StartsWith("Следующая отметка до: ", status, StringComparison.Ordinal);
        Assert.DoesNotContain("в порядке", status, StringComparison.Ordinal);
        Assert.Contains("03.11 03:00", status, StringComparison.Ordinal);
        Assert.Equal(ninaBefore, _chat.MessagesTo(_nina).Count);
    }

    [Fact]
    public void Reminders_BeforeAndAtTheDeadline_ThenTheButtonsText_ChecksInAndNoAlarmFollows()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        var ninaBefore = _chat.MessagesTo(_nina).Count;

        var early = _chat.Tick(TimeSpan.FromMinutes(105));
        var due = _chat.Tick(TimeSpan.FromMinutes(15));
        var confirmed = _chat.Reply(_salek, "✅ Отметиться");
        var later = _chat.Tick(TimeSpan.FromMinutes(30));

        Assert.Contains("Напоминание", Assert.Single(early, m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.Contains("Срок отметки наступил", Assert.Single(due, m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.Single(early);
        Assert.Single(due);
        Assert.Contains("Отметка принята", confirmed, StringComparison.Ordinal);
        Assert.Contains("через 2 ч", confirmed, StringComparison.Ordinal);
        Assert.Empty(later);
        Assert.Equal(ninaBefore, _chat.MessagesTo(_nina).Count);
    }

    [Fact]
    public void MissedDeadline_AlertsTheCoordinatorInHerZone_NotTheSubject_ThenTheLateCheckinIsTold()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        _chat.World.Time.Advance(TimeSpan.FromMinutes(30));
        _chat.Say(_salek, "/checkin"); // at 09:30 UTC; deadline 11:30, grace to 12:00

        var alarm = _chat.Tick(TimeSpan.FromMinutes(150));
        var missed = _chat.Reply(_nina, "/subjects");
        _chat.World.Time.Advance(TimeSpan.FromMinutes(5));
        var checkin = _chat.Say(_salek, "/checkin");
        var ok = _chat.Reply(_nina, "/subjects");

        var alert = Assert.Single(alarm).Text;
        Assert.Equal(_nina.ChatId, alarm[0].ChatId);
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        Assert.Contains("Salek", alert, StringComparison.Ordinal);
        Assert.Contains("missed a check-in", alert, StringComparison.Ordinal);
        // Nina's Telegram is in English: she starts in UTC, and every time says so.
        Assert.Contains("Last check-in: 02.11 09:30 UTC\n", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 11:30 UTC (grace until 02.11 12:00 UTC)", alert, StringComparison.Ordinal);
        Assert.Contains("Salek — MISSED", missed, StringComparison.Ordinal);
        Assert.Equal(
            [(_nina.ChatId, "C-0001: Salek checked in at 12:05 UTC, 35 min late.")],
            checkin.Where(m => m.ChatId != _salek.ChatId).Select(m => (m.ChatId, m.Text)));
        Assert.Contains("Отметка принята", Assert.Single(checkin, m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.MessagesTo(_salek), m => m.Contains("C-0001", StringComparison.Ordinal));
        Assert.Contains("Salek — checked in, but a case is open", ok, StringComparison.Ordinal); // never "ok" while the case stands
    }

    [Fact]
    public void SecondMiss_WhileTheCaseIsOpen_JoinsTheSameCase()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        var first = _chat.Tick(TimeSpan.FromMinutes(150));
        _chat.Say(_salek, "/checkin");

        var second = _chat.Tick(TimeSpan.FromMinutes(150));

        var alerts = first.Concat(second).Where(m => m.Text.Contains("missed a check-in", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(_nina.ChatId, a.ChatId));
        Assert.All(alerts, a => Assert.StartsWith("🚨 C-0001:", a.Text, StringComparison.Ordinal));
        Assert.Null(_chat.World.Run(db => db.Cases.Find("C-0002")));
    }

    [Fact]
    public void Checkin_SentBeforeTheDeadlineButReadAfterTheAlarm_IsToldAsArrivedLate()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        var sentAt = _chat.Now + TimeSpan.FromMinutes(100);
        _chat.Tick(TimeSpan.FromMinutes(150));

        var sent = _chat.Say(_salek, "/checkin", sentAt);

        var told = Assert.Single(sent, m => m.ChatId == _nina.ChatId).Text;
        Assert.Contains("in time", told, StringComparison.Ordinal);
        Assert.Contains("10:40 UTC", told, StringComparison.Ordinal);
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public void Checkin_SentWhileTheBotWasDown_CountsAtItsTelegramDate_NoAlarm()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m"); // deadline 11:00 UTC, grace until 11:30
        var sentAt = _chat.Now + TimeSpan.FromMinutes(100); // 13:40 Moscow
        _chat.World.Time.Advance(TimeSpan.FromMinutes(160)); // the bot is back at 11:40, the grace long past

        var reply = _chat.Reply(_salek, "/checkin", sentAt);
        var after = _chat.Tick(TimeSpan.Zero);

        Assert.Contains("Отметка принята", reply, StringComparison.Ordinal);
        Assert.Contains("02.11 15:40", reply, StringComparison.Ordinal);
        Assert.Empty(after);
        Assert.DoesNotContain(_chat.MessagesTo(_nina), m => m.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public void Checkin_SentAfterTheGraceWhileTheBotWasDown_StillAlarmsWithTheCaseNumber_ThenTellsItLate_Once()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m"); // deadline 11:00 UTC, grace until 11:30
        var sentAt = _chat.Now + TimeSpan.FromMinutes(160); // ten minutes too late
        _chat.World.Time.Advance(TimeSpan.FromMinutes(165));

        var sent = _chat.Say(_salek, "/checkin", sentAt);
        var after = _chat.Tick(TimeSpan.Zero);

        var toNina = sent.Where(m => m.ChatId == _nina.ChatId).Select(m => m.Text).ToList();
        Assert.Equal(2, toNina.Count);
        Assert.Contains("missed a check-in", toNina[0], StringComparison.Ordinal);
        Assert.Contains("C-0001", toNina[0], StringComparison.Ordinal);
        Assert.StartsWith("C-0001: Salek checked in at 11:40 UTC", toNina[1], StringComparison.Ordinal);
        Assert.Contains("Отметка принята", Assert.Single(sent, m => m.ChatId == _salek.ChatId).Text, StringComparison.Ordinal);
        Assert.Empty(after);
    }

    [Fact]
    public void Checkin_DatedByTelegramIn1970_CountsAtNow_NoAlarm()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        _chat.World.Time.Advance(TimeSpan.FromMinutes(30));

        var reply = _chat.Reply(_salek, "/checkin", DateTimeOffset.UnixEpoch);
        var after = _chat.Tick(TimeSpan.Zero);

        Assert.Contains("через 2 ч", reply, StringComparison.Ordinal);
        Assert.Equal(_chat.Now, _chat.World.Fresh(_salek).Checkin!.LastCheckinAt);
        Assert.Empty(after);
    }

    [Fact]
    public void Daily_InTheSubjectsZone_ACheckinTooEarlyDoesNotCoverTheNextDeadline()
    {
        Assert.Contains("Tbilisi", _chat.OwnReply(_salek, "/timezone Asia/Tbilisi"), StringComparison.Ordinal);

        var set = _chat.OwnReply(_salek, "/schedule daily 09:00 21:00 grace 45m");
        var early = _chat.Reply(_salek, "/checkin");
        _chat.World.Time.Advance(TimeSpan.FromHours(3));
        var counted = _chat.Reply(_salek, "/checkin");

        Assert.Contains("02.11 21:00", set, StringComparison.Ordinal); // 09:00 UTC is 13:00 in Tbilisi
        Assert.Contains("ещё рано", early, StringComparison.Ordinal);
        Assert.Contains("02.11 15:00", early, StringComparison.Ordinal);
        Assert.Contains("Отметка принята", counted, StringComparison.Ordinal);
        Assert.Contains("03.11 09:00", counted, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_BadInput_GetsAClearReplyAndKeepsTheOldSchedule()
    {
        _chat.Say(_salek, "/schedule every 12h grace 30m");
        var before = _chat.World.Fresh(_salek).Checkin!;

        Assert.Contains("длительность «12x»", Texts(_chat.Say(_salek, "/schedule every 12x")), StringComparison.Ordinal);
        Assert.Contains("Слишком часто", Texts(_chat.Say(_salek, "/schedule every 10m")), StringComparison.Ordinal);
        Assert.Contains("время «25:00»", Texts(_chat.Say(_salek, "/schedule daily 25:00")), StringComparison.Ordinal);
        Assert.Contains("Формат", Texts(_chat.Say(_salek, "/schedule")), StringComparison.Ordinal);
        Assert.Contains("короче", Texts(_chat.Say(_salek, "/schedule every 2h grace 3h")), StringComparison.Ordinal);
        Assert.Contains("Не знаю часовой пояс «Mars/Base»", _chat.Reply(_salek, "/timezone Mars/Base"), StringComparison.Ordinal);

        var after = _chat.World.Fresh(_salek).Checkin!;
        Assert.Equal((before.Schedule, before.OwedDeadline), (after.Schedule, after.OwedDeadline));
        Assert.StartsWith("Следующая отметка до: ", _chat.Reply(_salek, "/status"), StringComparison.Ordinal);
        Assert.Contains("Europe/Moscow", _chat.Reply(_salek, "/timezone"), StringComparison.Ordinal);
        Assert.All(_chat.MessagesTo(_salek).Skip(2), m => Assert.DoesNotContain("сохранено", m, StringComparison.Ordinal));
    }

    [Fact]
    public void Schedule_ResentInsideTheGrace_DoesNotSilenceTheAlarm()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        _chat.Tick(TimeSpan.FromMinutes(125));

        var reply = _chat.OwnReply(_salek, "/schedule every 2h grace 30m");
        var alarm = _chat.Tick(TimeSpan.FromMinutes(25));

        Assert.Contains("после вашей следующей отметки", reply, StringComparison.Ordinal);
        var alert = Assert.Single(alarm);
        Assert.Equal(_nina.ChatId, alert.ChatId);
        Assert.Contains("C-0001", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MissedDeadline_StaysMissedInTheOverviewWithItsCase_ButTheSubjectsStatusOnlySaysCheckInNow()
    {
        _chat.Say(_salek, "/schedule every 2h grace 30m");
        _chat.Tick(TimeSpan.FromMinutes(151));

        var status = _chat.Reply(_salek, "/status");
        Assert.StartsWith("Отметка просрочена (срок был 02.11 14:00", status, StringComparison.Ordinal);
        Assert.EndsWith("отметьтесь сейчас.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("ПРОПУСТИЛ", status, StringComparison.Ordinal);
        Assert.DoesNotContain("C-0001", status, StringComparison.Ordinal);
        var overview = _chat.Reply(_nina, "/subjects");
        Assert.Contains("Salek — MISSED", overview, StringComparison.Ordinal);
        Assert.Contains("⚠ case C-0001 is open — /case C-0001\n    nobody has taken it yet", overview, StringComparison.Ordinal);
        Assert.Equal("C-0001", _chat.World.Fresh(_salek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Daily_AcrossSpringForward_StaysAtTheLocalWallClock()
    {
        // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026.
        var chat = new BotChat(new DomainWorld(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero), Settings(reminderLead: TimeSpan.Zero)));
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");
        Assert.Contains("Berlin", chat.OwnReply(salek, "/timezone Europe/Berlin"), StringComparison.Ordinal);
        Assert.Contains("28.03 09:00", chat.OwnReply(salek, "/schedule daily 09:00 grace 30m"), StringComparison.Ordinal);

        chat.World.Time.Advance(TimeSpan.FromHours(19)); // 07:00 UTC = 08:00 Berlin on the 28th
        var first = chat.Reply(salek, "/checkin");
        // 09:00 Berlin on the 29th is 07:00 UTC: 23 real hours after the 28th's deadline (08:00 UTC), 24 after our check-in.
        var quiet = chat.Tick(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(29));
        var alarm = chat.Tick(TimeSpan.FromMinutes(2));

        Assert.Contains("29.03 09:00", first, StringComparison.Ordinal);
        Assert.Contains("через 1 д", first, StringComparison.Ordinal);
        Assert.DoesNotContain(quiet, m => m.ChatId == nina.ChatId); // only Salek's reminder at the deadline
        var alert = Assert.Single(alarm);
        Assert.Equal(nina.ChatId, alert.ChatId);
        Assert.Contains("Missed deadline: 29.03 07:00 UTC", alert.Text, StringComparison.Ordinal); // Nina reads UTC
    }

    [Fact]
    public void MissedDeadline_OnASecondsSchedule_EveryTimeShowsSecondsAndTheReadersZone()
    {
        var settings = Settings(reminderLead: TimeSpan.Zero, minimumInterval: TimeSpan.FromSeconds(10), defaultGrace: TimeSpan.FromSeconds(5));
        var chat = new BotChat(new DomainWorld(rules: settings));
        var nina = chat.EnrolCoordinator(101, "Nina");
        var salek = chat.EnrolSubject(nina, 201, "Salek");

        var set = chat.OwnReply(salek, "/schedule every 15s grace 5s");
        var alert = Assert.Single(chat.Tick(TimeSpan.FromSeconds(21))).Text;

        Assert.Contains("Расписание сохранено: раз в 15 с, запас 5 с (часовой пояс Europe/Moscow).", set, StringComparison.Ordinal);
        Assert.Contains("до 02.11 12:00:15 UTC+3 (через 15 с)", set, StringComparison.Ordinal);
        Assert.Contains("missed a check-in", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 09:00:15 UTC (grace until 02.11 09:00:20 UTC)", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("12:00:15", alert, StringComparison.Ordinal); // Nina is not in Moscow time
    }

    private static BotRules Settings(TimeSpan reminderLead, TimeSpan? minimumInterval = null, TimeSpan? defaultGrace = null)
    {
        var settings = new BotSettings();
        settings.Checkins.ReminderLead = reminderLead;
        settings.Checkins.MinimumInterval = minimumInterval ?? settings.Checkins.MinimumInterval;
        settings.Checkins.DefaultGrace = defaultGrace;
        return settings.ToRules();
    }

    private static string Texts(IEnumerable<BotChat.Delivered> sent) => string.Join("\n", sent.Select(m => m.Text));
}
