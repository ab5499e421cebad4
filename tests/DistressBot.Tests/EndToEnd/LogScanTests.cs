using System.Globalization;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.EndToEnd;

/// <summary>The whole log of a whole journey, at Trace level and with exceptions as the console writes them, holds no name, alias, Telegram id, note text, coordinate, token or invite code.</summary>
public sealed class LogScanTests
{
    // Names and numbers that occur nowhere in the code, so any hit is a leak.
    private static readonly FakeUser Coordinator = new(771_234_567, "Qurbonova", "en", "qurbonova_tg");
    private static readonly FakeUser Lawyer = new(772_345_678, "Yusupaliev", "en", "yusupaliev_tg");
    private static readonly FakeUser Subject = new(773_456_789, "Shohruxbek", "ru", "shohruxbek_tg");

    [Fact]
    public async Task Journey_EnrolScheduleCheckinMissNoteLocationAckResolveExport_WholeTraceLog_RevealsNothing()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));

        // Some sends fail and are retried, so the failure paths' lines (with their exceptions) are scanned too.
        s.Telegram.Faults.ServerErrorProbability = 0.1;
        var coordinatorCode = (await s.AdminAsync("invite", "coordinator", "--name", "Dilfuza-Koordinator")).Output.Trim();
        await s.SayAsync(Coordinator, "/start " + coordinatorCode, "coordinator");
        var lawyerCode = (await s.AdminAsync("invite", "lawyer", "--name", "Advokat Mahmudov")).Output.Trim();
        await s.SayAsync(Lawyer, "/start " + lawyerCode, "lawyer");
        var subjectCode = Scenario.CodeIn(await s.SayAsync(Coordinator, "/invite Zarafshon", "/start "));
        await s.SayAsync(Subject, "/start " + subjectCode, "ы подключены");
        Assert.Equal(0, (await s.AdminAsync("assign", "lawyer", "Advokat Mahmudov", "--subject", "Zarafshon")).ExitCode);
        await s.SayAsync(Subject, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(105));
        await s.ExpectAsync(Subject, "Напоминание");
        await s.SayAsync(Subject, "/checkin", "Отметка принята");
        s.Advance(TimeSpan.FromHours(3));
        await s.ExpectAsync(Coordinator, "missed a check-in");
        await s.SayAsync(Coordinator, "/note C-0001 Kvartira 58, sosedka Gulnora videla mashinu", "C-0001");
        s.Telegram.EnqueueLocation(Subject.Id, 39.654321, 66.975432);
        await s.SettleAsync();
        await s.SayAsync(Coordinator, "/ack C-0001", "C-0001");
        await s.SayAsync(Coordinator, "/resolve C-0001 detained Samarqand shahar IIB", "C-0001 resolved");
        await s.SayAsync(Lawyer, "/export C-0001");
        await s.Telegram.WaitForBotMessageAsync(Lawyer.Id, m => m.Document?.FileName == "C-0001-bundle.zip", TimeSpan.FromSeconds(30));
        await s.QuietAsync();
        await s.Sandbox.StopBotAsync(); // the stop's own lines too

        var secrets = new List<string>
        {
            "Qurbonova", "Yusupaliev", "Shohruxbek", "qurbonova_tg", "yusupaliev_tg", "shohruxbek_tg",
            "Dilfuza", "Mahmudov", "Zarafshon",
            "Kvartira 58", "Gulnora", "Samarqand",
            "39.654321", "66.975432", "39,654321", "66,975432", "39.65", "66.97",
            coordinatorCode, lawyerCode, subjectCode,
            s.Telegram.Token, s.Telegram.Token.Split(':')[1],
        };
        secrets.AddRange(new[] { Coordinator.Id, Lawyer.Id, Subject.Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)));

        var entries = logs.Entries.ToList();
        Assert.True(entries.Count > 20, $"only {entries.Count} log entries: is the capture working? " + string.Join(", ", entries.Select(e => e.EventId)));
        Assert.Contains(entries, e => e.Level == LogLevel.Debug || e.Level == LogLevel.Trace); // the capture did reach below Information
        Assert.Contains(entries, e => e.EventId == 3300); // the case's own events are in it
        foreach (var secret in secrets)
        {
            var leak = entries.FirstOrDefault(e => e.Everything.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' is in log event {leak?.EventId}: {leak?.Everything}");
        }
    }
}
