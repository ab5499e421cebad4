using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Hosting;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Storage.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.EndToEnd;

public sealed class StrangerTests
{
    [Fact]
    public async Task GuessingCodes_IsLimitedPerSenderAndOverall_AndTheAdminSeesItRunningAndStopped()
    {
        await using var s = await Scenario.StartAsync();
        var code = (await s.AdminAsync("invite", "coordinator", "--name", "Nina")).Output.Trim();

        // One sender: five wrong codes, then the right one, which is no longer even checked.
        for (var i = 0; i < StrangerLedger.FailuresPerSender; i++)
        {
            s.Telegram.EnqueueMessage(Scenario.Stranger.Id, $"/start ZQ{i:D18}", Scenario.Stranger);
        }

        s.Telegram.EnqueueMessage(Scenario.Stranger.Id, "/start " + code, Scenario.Stranger);
        await s.SettleAsync();
        var heldBack = await s.AdminAsync("people");

        // Many senders together reach the overall limit: now the right code from anyone who already failed is refused
        // unchecked, while a real invitee's first try still works.
        for (var i = StrangerLedger.FailuresPerSender; i < RedemptionReport.OverallLimit; i++)
        {
            var guesser = new FakeUser(5000 + i, "Guesser", "en");
            s.Telegram.EnqueueMessage(guesser.Id, $"/start ZQ{i:D18}", guesser);
        }

        await s.SettleAsync();
        var failedBefore = new FakeUser(5000 + StrangerLedger.FailuresPerSender, "Guesser", "en");
        s.Telegram.EnqueueMessage(failedBefore.Id, "/start " + code, failedBefore);
        await s.SettleAsync();
        var people = await s.AdminAsync("people");
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        await s.Sandbox.StopBotAsync();
        AdminResult offline;
        using (var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!))
        {
            await using var runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, s.Time);
            offline = await AdminCommands.ExecuteAsync(["people"], new AdminContext(runtime, settings.ToRules(), s.Time, new Dictionary<string, string>()), CancellationToken.None);
        }

        await s.Sandbox.StartBotAsync();
        var invitee = await s.SayAsync(Scenario.Nina, "/start " + code, "coordinator");

        Assert.Equal(["This bot is not available."], s.MessagesTo(Scenario.Stranger));
        Assert.Equal("", heldBack.Output);
        Assert.Contains("GUESSING: a sender was held back after 5 wrong codes in an hour 1 time", heldBack.Error, StringComparison.Ordinal);
        Assert.Equal(["This bot is not available."], s.MessagesTo(failedBefore)); // refused unchecked, and told nothing new
        Assert.Contains($"Enrollment codes that did not work: {RedemptionReport.OverallLimit},", people.Error, StringComparison.Ordinal);
        Assert.Contains("Refused unchecked for guessing: 2.", people.Error, StringComparison.Ordinal);
        Assert.Contains("Guessers' codes are refused now, until 2026-11-02 10:00 UTC", people.Error, StringComparison.Ordinal);
        Assert.Equal(people.Error, offline.Error);
        Assert.DoesNotContain(code, people.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQ0", people.Error, StringComparison.Ordinal);
        Assert.Contains("coordinator", invitee, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrangersUpdates_LeaveNothingInTheStore_WhileAnEnrolledPersonsAreHandled()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.SettleAsync();

        for (var i = 0; i < 300; i++)
        {
            var stranger = new FakeUser(7000 + (i % 30), "Who", "en");
            s.Telegram.EnqueueMessage(stranger.Id, "flood " + i, stranger);
        }

        var answer = await s.SayAsync(Scenario.Nina, "/subjects");
        await s.SettleAsync();

        var left = await s.Sandbox.Runtime.Records.ExecuteAsync(session =>
            (Inbox: session.All(Collections.Inbox).Count, Failed: session.All(Collections.FailedUpdates).Count, Outbox: session.All(Collections.Outbox).Count));
        Assert.Equal((0, 0, 0), left);
        Assert.Equal(30, Enumerable.Range(7000, 30).Count(id => s.Telegram.BotMessagesTo(id).Count == 1));
        Assert.DoesNotContain("not available", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrangerWhoWroteBefore_RedeemsACodeInALaterBatch_AndIsThenAnsweredAsEnrolled()
    {
        // The pump remembers, across batches, who it found not enrolled (issue 15: one lookup per stranger, not per message);
        // a code redeemed in a later batch must end that.
        await using var s = await Scenario.StartAsync();
        Assert.Equal("This bot is not available.", await s.SayAsync(Scenario.Vera, "hello"));
        s.Telegram.EnqueueMessage(Scenario.Vera.Id, "again", Scenario.Vera); // no reply within the hour; remembered as not enrolled
        await s.SettleAsync();
        var invite = await s.AdminAsync("invite", "coordinator", "--name", "Vera");

        Assert.Contains("coordinator", await s.SayAsync(Scenario.Vera, "/start " + invite.Output.Trim(), "coordinator"), StringComparison.Ordinal);
        var subjects = await s.SayAsync(Scenario.Vera, "/subjects");

        Assert.DoesNotContain("not available", subjects, StringComparison.Ordinal);
        Assert.Single(s.MessagesTo(Scenario.Vera), m => m.Contains("not available", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyPolls_AnsweredAtOnce_ArePacedByTheFloor()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:PollTimeout"] = "00:00:00" });
        var window = 10 * UpdatePump.EmptyPollFloor;

        // The window is measured on the transport clock the floor is kept on (and the fake Telegram stamps requests with).
        var from = s.TransportTime.GetUtcNow();
        await Task.Delay(window, s.TransportTime);
        var polls = s.Telegram.Requests.Count(r => r.Method == "getUpdates" && r.ReceivedAt >= from && r.ReceivedAt < from + window);

        // Without the floor the bot polls thousands of times in this window; with it, at most once a floor (plus one at the
        // edge). How few it manages on a loaded machine is not the point: that it still polls, the answer below shows.
        Assert.InRange(polls, 0, 11);
        Assert.Equal("This bot is not available.", await s.SayAsync(Scenario.Stranger, "still there?"));
    }

    [Fact]
    public async Task TelegramConnectedLostAndBack_AreLogEventsWithoutTheToken()
    {
        var logger = new RecordingLogger();
        await using var sandbox = await BotSandbox.StartAsync(new BotSandboxOptions
        {
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
            TransportTime = new AcceleratedTimeProvider(Scenario.TransportSpeed),
            Settings = new Dictionary<string, string?> { ["Telegram:RetryBase"] = "00:00:00.100" },
            Logging = b => b.ClearProviders().AddProvider(new Provider(logger)).SetMinimumLevel(LogLevel.Debug),
        });

        await WaitForEventAsync(logger, 3100);
        sandbox.Server.SetReachable(false);
        await WaitForEventAsync(logger, 3101);
        sandbox.Server.SetReachable(true);
        await WaitForEventAsync(logger, 3106);

        var events = logger.Entries.Where(e => e.EventId.Id is 3100 or 3101 or 3106).Select(e => e.EventId.Id).ToList();
        Assert.Equal([3100, 3101, 3106], events);
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(sandbox.Server.Token.Split(':')[1], StringComparison.Ordinal));
    }

    private static async Task WaitForEventAsync(RecordingLogger logger, int eventId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!logger.Entries.Any(e => e.EventId.Id == eventId))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Log event {eventId} did not come.");
            }

            await Task.Delay(20);
        }
    }

    private sealed class Provider(RecordingLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
