using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.EndToEnd;
using DistressBot.Transport;

namespace DistressBot.Tests.Resilience;

public sealed partial class DeliveryTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Checkins:ReminderLead"] = "00:00:00",
        ["Telegram:RetryBase"] = "00:00:00.200",
        ["Telegram:RetryMax"] = "00:00:01",
        ["Telegram:SendTimeout"] = "00:00:01",
        ["Escalation:AcknowledgeTimeout"] = "10.00:00:00",
        ["Escalation:RepeatEvery"] = "10.00:00:00",
    };

    [Fact]
    public async Task FaultyTelegram_EveryAlertArrives_DuplicatesCarryTheCaseNumber_WithinRateLimits()
    {
        await using var s = await Scenario.StartAsync(settings: FastRetries);
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolCoordinatorAsync(Scenario.Olga, "Olga");
        var subjects = Enumerable.Range(0, 8).Select(i => new FakeUser(300 + i, "S" + i, "ru")).ToList();
        foreach (var subject in subjects)
        {
            await s.EnrolSubjectAsync(Scenario.Nina, subject, "Subject" + subject.Id);
            await s.AdminAsync("assign", "coordinator", "Olga", "--subject", "Subject" + subject.Id);
            await s.SayAsync(subject, "/schedule every 2h grace 30m", "Расписание");
        }

        s.Telegram.Faults.ServerErrorProbability = 0.25;
        s.Telegram.Faults.TooManyRequestsProbability = 0.1;
        s.Telegram.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        s.Telegram.Faults.AbortProbability = 0.1;
        s.Telegram.Faults.DelayProbability = 0.05;
        s.Telegram.Faults.Delay = TimeSpan.FromSeconds(2);
        var start = s.TransportTime.GetUtcNow(); // requests are stamped on the transport clock, the one the bot paces by
        s.Advance(TimeSpan.FromMinutes(151));

        foreach (var coordinator in new[] { Scenario.Nina, Scenario.Olga })
        {
            for (var n = 1; n <= subjects.Count; n++)
            {
                var caseId = $"C-{n:D4}";
                await s.Telegram.WaitForBotMessageAsync(coordinator.Id, m => m.Text?.StartsWith("🚨 " + caseId, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
            }
        }

        s.Telegram.Faults.ServerErrorProbability = 0;
        s.Telegram.Faults.TooManyRequestsProbability = 0;
        s.Telegram.Faults.AbortProbability = 0;
        s.Telegram.Faults.DelayProbability = 0;
        await s.SettleAsync();

        foreach (var coordinator in new[] { Scenario.Nina, Scenario.Olga })
        {
            var alerts = s.MessagesTo(coordinator).Where(m => m.StartsWith("🚨", StringComparison.Ordinal)).ToList();
            var byCase = alerts.GroupBy(a => CaseNumber().Match(a).Value).ToList();
            Assert.Equal(subjects.Count, byCase.Count);
            Assert.All(byCase, g => Assert.Matches("^C-\\d{4}$", g.Key));

            // A duplicate can only come from a send Telegram applied but whose answer was lost; it is the same text, case number included.
            Assert.All(byCase, g => Assert.Single(g.Distinct()));
        }

        var sends = s.Telegram.Requests.Where(r => r.Method == "sendMessage" && r.ReceivedAt >= start && r.StatusCode == 200).ToList();
        Assert.True(sends.Count >= 2 * subjects.Count, $"only {sends.Count} accepted sends measured"); // the limits below are checked on real traffic
        Assert.True(MaxInWindow(sends.Select(r => r.ReceivedAt), TimeSpan.FromSeconds(1)) <= 30, "more than 30 sends in one second");
        foreach (var chat in sends.GroupBy(r => r.ChatId))
        {
            // The pacer promises one send a second to a chat, counted from when the last request ended; measured where Telegram sees it.
            Assert.True(MaxInWindow(chat.Select(r => r.ReceivedAt), TimeSpan.FromSeconds(1)) <= 1, $"chat {chat.Key} got more than 1 send in one second: sends at {string.Join(", ", chat.Select(r => (r.ReceivedAt - start).TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s");
        }
    }

    [Fact]
    public async Task BlockedCoordinator_AlertMovesToLevelTwoAtOnce_ChainToldAndCoverageReported()
    {
        await using var s = await Scenario.StartAsync(settings: FastRetries);
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolCoordinatorAsync(Scenario.Olga, "Olga");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        var lawyer = new FakeUser(150, "Alexander", "en");
        var code = (await s.AdminAsync("invite", "lawyer", "--name", "Alexander")).Output.Trim();
        await s.SayAsync(lawyer, "/start " + code, "lawyer");
        await s.AdminAsync("assign", "lawyer", "Alexander", "--subject", "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        s.Telegram.BlockChat(Scenario.Nina.Id);
        s.Advance(TimeSpan.FromMinutes(151));

        var alert = await s.ExpectAsync(lawyer, "Level 2");
        Assert.Contains("C-0001", alert, StringComparison.Ordinal);
        await s.ExpectAsync(lawyer, "Nina cannot be reached");
        await s.ExpectAsync(lawyer, "No coordinator can receive alerts about: Salek"); // coverage, told within Salek's own chain
        await s.SettleAsync();
        Assert.DoesNotContain(s.MessagesTo(Scenario.Olga), m => m.Contains("Salek", StringComparison.Ordinal)); // not in his chain: learns nothing
        var people = (await s.AdminAsync("people")).Output;
        Assert.Contains("Nina\tUNREACHABLE since", people, StringComparison.Ordinal);

        // Nina unblocks and writes again: she is reachable, and nothing more is reported about her.
        s.Telegram.Unblock(Scenario.Nina.Id);
        await s.SayAsync(Scenario.Nina, "/cases", "C-0001");
    }

    [Fact]
    public async Task Outage_DeadlinesKeepRunning_CoordinatorsToldWhichFellInside()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?>(FastRetries) { ["Telegram:OutageAlertAfter"] = "00:05:00" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Timur, "Timur");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        await s.SayAsync(Scenario.Timur, "/schedule every 12h grace 30m", "Schedule");
        var pump = s.Sandbox.Get<global::DistressBot.Telegram.UpdatePump>();

        s.Telegram.SetReachable(false);
        await pump.Polled.NextAsync().WaitAsync(TimeSpan.FromSeconds(10)); // the poll in flight (it may have succeeded)
        await pump.Polled.NextAsync().WaitAsync(TimeSpan.FromSeconds(10)); // a failure: the clock of the outage starts
        s.Advance(TimeSpan.FromMinutes(6));
        await pump.Polled.NextAsync().WaitAsync(TimeSpan.FromSeconds(10)); // recorded as an outage
        s.Advance(TimeSpan.FromMinutes(145)); // Salek's deadline and grace pass inside the outage
        await pump.Polled.NextAsync().WaitAsync(TimeSpan.FromSeconds(10));
        s.Telegram.SetReachable(true);

        var report = await s.Telegram.WaitForBotMessageAsync(Scenario.Nina.Id, m => m.Text?.StartsWith("⚠ The bot could not reach Telegram", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));
        Assert.Contains("Salek: deadline", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Timur", report.Text, StringComparison.Ordinal);
        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.True(alert.Contains("could not reach Telegram", StringComparison.Ordinal), alert + "\n" + report.Text);
    }

    [Fact]
    public async Task HealthService_PingsTheHeartbeatWhileHealthy_AndAfterARestartTheCatchUpAlarmSaysTheBotWasDown()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpListener();
        http.Prefixes.Add($"http://127.0.0.1:{port}/");
        http.Start();
        var firstPing = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            try
            {
                while (http.IsListening)
                {
                    var context = await http.GetContextAsync();
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                    firstPing.TrySetResult(context.Request.Url!.AbsolutePath);
                }
            }
            catch (HttpListenerException)
            {
                // The listener was closed at the end of the test.
            }
            catch (ObjectDisposedException)
            {
            }
        });

        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?>(FastRetries) { ["Health:HeartbeatUrl"] = $"http://127.0.0.1:{port}/ping/abc" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("/ping/abc", await firstPing.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await AliveNotedAsync(s); // what the next start measures the downtime from

        await s.Sandbox.StopBotAsync();
        s.Advance(TimeSpan.FromHours(5));
        await s.Sandbox.StartBotAsync();

        var alert = await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        Assert.Contains("The bot was down", alert, StringComparison.Ordinal);
        var timeline = await s.SayAsync(Scenario.Nina, "/case C-0001", "Outage");
        Assert.Contains("bot or Telegram link down", timeline, StringComparison.Ordinal);
    }

    // Waits until the health service's first round has noted that the bot is alive.
    private static async Task AliveNotedAsync(Scenario s)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await s.Sandbox.Runtime.Store.RunAsync(db => db.Meta.Number(DowntimeLog.AliveKey)) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The health service did not note that the bot is alive.");
            }

            await Task.Delay(20);
        }
    }

    private static int MaxInWindow(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var best = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    [GeneratedRegex("C-\\d{4}")]
    private static partial Regex CaseNumber();
}
