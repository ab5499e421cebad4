using System.Globalization;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// Check-in journeys that need the real bot: the monitor's timers and the outbox on the host, Telegram's message shapes and
/// dates, reply keyboards, restarts with updates queued at Telegram, and the host's log. Every single step of these journeys
/// also has a unit test over the in-memory session (Checkins/CheckinCommandTests, DeadlineProcessorTests, Telegram/UpdateRouterTests).
/// </summary>
public sealed class CheckinTests
{
    [Fact]
    public async Task Journey_RemindersWithAButton_MissedDeadline_LateCheckin_AckAndResolve_LoggedWithoutNamesOrIds()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs));
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание"); // deadline 11:00 UTC, grace until 11:30

        s.Advance(TimeSpan.FromMinutes(105));
        await s.ExpectAsync(Scenario.Salek, "Напоминание");
        s.Advance(TimeSpan.FromMinutes(15));
        await s.ExpectAsync(Scenario.Salek, "Срок отметки наступил");
        var reminder = s.Telegram.BotMessagesTo(Scenario.Salek.Id)[^1];
        s.Advance(TimeSpan.FromMinutes(30));
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        var missed = await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
        s.Advance(TimeSpan.FromMinutes(5));
        var confirmed = await s.SayAsync(Scenario.Salek, "✅ Отметиться", "Отметка принята");
        var late = await s.ExpectAsync(Scenario.Nina, "late");
        var ok = await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
        await s.SayAsync(Scenario.Nina, "/ack C-0001", "C-0001");
        await s.SayAsync(Scenario.Nina, "/resolve C-0001 safe", "C-0001");
        await s.SettleAsync();

        Assert.Equal("✅ Отметиться", Assert.Single(Assert.Single(reminder.ReplyKeyboard)));
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 11:00 UTC (grace until 02.11 11:30 UTC)", alert, StringComparison.Ordinal); // Nina reads UTC
        Assert.Contains("Salek — MISSED", missed, StringComparison.Ordinal);
        Assert.Contains("через 2 ч", confirmed, StringComparison.Ordinal);
        Assert.Equal("C-0001: Salek checked in at 11:35 UTC, 35 min late.", late);
        Assert.Contains("Salek — checked in, but a case is open", ok, StringComparison.Ordinal); // never "ok" while the case stands
        Assert.DoesNotContain(s.MessagesTo(Scenario.Salek), m => m.Contains("C-0001", StringComparison.Ordinal));

        var cases = logs.Entries.Where(e => e.EventId is >= 3300 and < 3400).ToList();
        Assert.Equal([3300, 3306, 3308], cases.Select(e => e.EventId));
        Assert.Equal("MissedCheckin", cases[0]["Kind"]);
        Assert.All(cases, e => Assert.Equal("C-0001", e["CaseId"]));
        foreach (var secret in new[] { "Nina", "Salek", Scenario.Nina.Id.ToString(CultureInfo.InvariantCulture), Scenario.Salek.Id.ToString(CultureInfo.InvariantCulture), s.Telegram.Token })
        {
            Assert.All(logs.Entries, e => Assert.DoesNotContain(secret, e.Everything, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Checkin_DatedByTelegramIn1970_CountsAtNowWithoutAnAlarm()
    {
        // Seen: the deadline moved into the past, a case opened at once, and the reply said "(in 20759 d)".
        await using var s = await StartWithSubjectAsync(reminderLead: "00:15:00");
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
    public async Task Restarts_KeepTheSchedule_ACheckinQueuedAtTelegramCountsAtItsDate_ADeadlinePassedWhileDownAlarmsOnce()
    {
        await using var s = await StartWithSubjectAsync();
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание"); // deadline 11:00 UTC, grace until 11:30

        // Sent in time while the bot was down, handled after the grace had passed: counted at Telegram's date, no alarm.
        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(100));
        s.Telegram.EnqueueMessage(Scenario.Salek.Id, "/checkin", Scenario.Salek); // dated 13:40 Moscow, queued at Telegram
        s.Advance(TimeSpan.FromMinutes(60)); // 14:40: the old deadline plus grace is long past
        await s.Sandbox.StartBotAsync();
        var inTime = await s.ExpectAsync(Scenario.Salek, "Отметка принята");
        await s.QuietAsync();
        var alarmsAfterFirst = s.MessagesTo(Scenario.Nina).Count(m => m.Contains("missed", StringComparison.Ordinal));

        // The next deadline (12:40 UTC, grace until 13:10) passes while the bot is down again: the alarm comes on start.
        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromMinutes(101)); // 13:21 UTC
        await s.Sandbox.StartBotAsync();
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        await s.QuietAsync();
        var status = await s.SayAsync(Scenario.Salek, "/status", "Отметка просрочена");
        await s.SettleAsync();

        Assert.Contains("02.11 15:40", inTime, StringComparison.Ordinal);
        Assert.Equal(0, alarmsAfterFirst);
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        Assert.Contains("Missed deadline: 02.11 12:40 UTC", alert, StringComparison.Ordinal);
        Assert.Single(s.MessagesTo(Scenario.Nina), m => m.Contains("missed a check-in", StringComparison.Ordinal));
        Assert.StartsWith("Отметка просрочена (срок был 02.11 15:40", status, StringComparison.Ordinal);
        Assert.DoesNotContain("ПРОПУСТИЛ", status, StringComparison.Ordinal); // whoever holds the phone learns nothing of the alarm
    }

    private static async Task<Scenario> StartWithSubjectAsync(string reminderLead = "00:00:00")
    {
        var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Checkins:ReminderLead"] = reminderLead });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        return s;
    }
}
