using System.Text.RegularExpressions;
using DistressBot.Cli;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.EndToEnd;

/// <summary>One end-to-end scenario: the real bot in a sandbox, a fake clock, and the people who talk to it.</summary>
/// <remarks>
/// Domain time is a <see cref="FakeTimeProvider"/> the test moves; the transport clock (pacing, retries, poll floor, and the
/// fake Telegram's request times) runs <see cref="TransportSpeed"/> times faster than real time, so a test does not wait
/// for Telegram's rate limits or the bot's backoff in real time, while every message still goes over real HTTP.
/// </remarks>
internal sealed partial class Scenario : IAsyncDisposable
{
    /// <summary>How many times faster than real time the bot's transport clock runs in end-to-end tests.</summary>
    public const double TransportSpeed = 10;

    public static readonly FakeUser Nina = new(101, "Nina", "en");
    public static readonly FakeUser Olga = new(102, "Olga", "ru");
    public static readonly FakeUser Boris = new(103, "Boris", "en");
    public static readonly FakeUser Vera = new(104, "Vera", "en");
    public static readonly FakeUser Alexander = new(301, "Alexander", "en");
    public static readonly FakeUser Salek = new(201, "Salek", "ru");
    public static readonly FakeUser Timur = new(202, "Timur", "en");
    public static readonly FakeUser Stranger = new(999, "Who", "en");

    private Scenario(BotSandbox sandbox, FakeTimeProvider time, TimeProvider transportTime)
    {
        Sandbox = sandbox;
        Time = time;
        TransportTime = transportTime;
    }

    public BotSandbox Sandbox { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The bot's transport clock, which the fake Telegram stamps requests with.</summary>
    public TimeProvider TransportTime { get; }

    public FakeBotApiServer Telegram => Sandbox.Server;

    /// <summary>Starts the bot at <paramref name="start"/> (UTC) with test-friendly defaults plus <paramref name="settings"/>.</summary>
    public static async Task<Scenario> StartAsync(DateTimeOffset? start = null, IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null)
    {
        var time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?>
        {
            ["Bot:DefaultTimeZone"] = "Europe/Moscow",
            ["Checkins:ReminderLead"] = "00:15:00",

            // Journeys find replies by their place among the visible messages: deletions would move them. The clean chat has
            // its own journey (CleanChatTests), with the deployment's defaults.
            ["Privacy:DeleteSubjectMessages"] = "false",
            ["Privacy:DeleteBotMessagesAfter"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var transportTime = new AcceleratedTimeProvider(TransportSpeed);
        var sandbox = await BotSandbox.StartAsync(new BotSandboxOptions { Time = time, TransportTime = transportTime, Settings = values, Logging = logging });
        return new Scenario(sandbox, time, transportTime);
    }

    /// <summary>An admin command handed to the running bot over its socket (waiting up to 10 s for a bot just started to open it).</summary>
    public async Task<AdminResult> AdminAsync(params string[] args)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            // The socket is opened by a hosted service once the host has started: right after a start it may not be there yet.
            if (await AdminSocketClient.TryExecuteAsync(Sandbox.DataDirectory, args, CancellationToken.None) is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException("The bot did not answer on its admin socket.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sends <paramref name="text"/> from <paramref name="user"/> and returns the bot's first reply after it.</summary>
    public async Task<string> SayAsync(FakeUser user, string text, string? expect = null)
    {
        // Earlier replies (an error followed by the usage) must not be taken for the answer to this message.
        await SettleAsync();
        var before = Telegram.BotMessagesTo(user.Id).Count;
        Telegram.EnqueueMessage(user.Id, text, user);
        return await NextAsync(user, before, expect);
    }

    /// <summary>The first bot message to <paramref name="user"/> after the first <paramref name="after"/> ones that contains <paramref name="expect"/>.</summary>
    public async Task<string> NextAsync(FakeUser user, int after, string? expect = null)
    {
        var entry = await Telegram.WaitForBotMessageAsync(
            user.Id,
            m => Index(user, m) >= after && (expect is null || m.Text?.Contains(expect, StringComparison.Ordinal) == true));
        return entry.Text ?? "";
    }

    /// <summary>Waits for a bot message to <paramref name="user"/> containing <paramref name="expect"/>.</summary>
    public async Task<string> ExpectAsync(FakeUser user, string expect) =>
        (await Telegram.WaitForBotMessageAsync(user.Id, m => m.Text?.Contains(expect, StringComparison.Ordinal) == true)).Text ?? "";

    /// <summary>Bot messages to <paramref name="user"/> so far.</summary>
    public IReadOnlyList<string> MessagesTo(FakeUser user) => [.. Telegram.BotMessagesTo(user.Id).Select(m => m.Text ?? "")];

    /// <summary>Enrols a coordinator through the admin command and /start.</summary>
    public async Task EnrolCoordinatorAsync(FakeUser user, string name)
    {
        var invite = await AdminAsync("invite", "coordinator", "--name", name);
        Assert.Equal(0, invite.ExitCode);
        await SayAsync(user, "/start " + invite.Output.Trim(), user.LanguageCode == "ru" ? "координатор" : "coordinator");
    }

    /// <summary>Enrols a subject invited by <paramref name="coordinator"/> under <paramref name="alias"/>.</summary>
    public async Task EnrolSubjectAsync(FakeUser coordinator, FakeUser subject, string alias)
    {
        var codeMessage = await SayAsync(coordinator, "/invite " + alias, "/start ");
        // The welcome in plain or cover wording: "Вы подключены" / "Готово, вы подключены", "You are connected" / "You are all set".
        await SayAsync(subject, "/start " + CodeIn(codeMessage), subject.LanguageCode == "ru" ? "ы подключены" : "You are ");
    }

    /// <summary>Enrols a lawyer through the admin command and /start.</summary>
    public async Task EnrolLawyerAsync(FakeUser user, string name)
    {
        var invite = await AdminAsync("invite", "lawyer", "--name", name);
        Assert.Equal(0, invite.ExitCode);
        await SayAsync(user, "/start " + invite.Output.Trim(), user.LanguageCode == "ru" ? "юрист" : "lawyer");
    }

    /// <summary>Runs `assign coordinator|backup|lawyer NAME --subject ALIAS` and checks that it was done.</summary>
    public async Task AssignAsync(string kind, string name, string subjectAlias)
    {
        var result = await AdminAsync("assign", kind, name, "--subject", subjectAlias);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>The newest bot message to <paramref name="user"/> that carries a button with <paramref name="data"/>.</summary>
    public FakeChatEntry MessageWithButton(FakeUser user, string data) =>
        Telegram.BotMessagesTo(user.Id).LastOrDefault(m => m.InlineKeyboard.SelectMany(r => r).Any(b => b.CallbackData == data))
        ?? throw new InvalidOperationException(Telegram.RenderConversation(user.Id, $"no button {data} for {user.FirstName}"));

    /// <summary>Presses the button with <paramref name="data"/> on the newest bot message to <paramref name="user"/> that has it; returns the query id.</summary>
    public string Press(FakeUser user, string data) => Press(user, MessageWithButton(user, data).MessageId, data);

    /// <summary>Sends a button press with <paramref name="data"/> on bot message <paramref name="messageId"/> (any data: a forged press too); returns the query id.</summary>
    public string Press(FakeUser user, int messageId, string data) =>
        Telegram.EnqueueCallbackQuery(user.Id, messageId, data, user).CallbackQuery!.Id;

    /// <summary>Waits for the bot to answer the callback query (the notice on the presser's screen) and returns its text.</summary>
    public async Task<string?> AnswerAsync(string callbackQueryId)
    {
        await SettleAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        FakeCallbackAnswer? answer;
        while ((answer = Telegram.CallbackAnswer(callbackQueryId)) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot did not answer callback query {callbackQueryId}.");
            }

            await Task.Delay(20);
        }

        return answer.Text;
    }

    /// <summary>
    /// Waits until the deadline and escalation monitors have acted on everything due at the current fake time and the
    /// outbox is empty: after it, a message that did not arrive is not on its way.
    /// </summary>
    public async Task QuietAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var indexes = new TimerIndex[] { Sandbox.Get<DeadlineIndex>(), Sandbox.Get<EscalationIndex>() };
        while (indexes.Any(i => i.Peek().Earliest is { } at && at <= Time.GetUtcNow()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The monitors did not act on what is due.");
            }

            await Task.Delay(20);
        }

        // A record taken off the index is being processed in a store call queued before this one: wait it out.
        await Sandbox.Runtime.Store.RunAsync(_ => { });
        await SettleAsync();
    }

    /// <summary>Moves the clock and lets the bot act on it; waits for a message when one is expected.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Settles, then waits (10 s at most, else fails with the chat of <paramref name="user"/>) until no deletion due by now is still queued.</summary>
    public async Task DeletionsDoneAsync(FakeUser user)
    {
        await SettleAsync();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await Sandbox.Runtime.Store.RunAsync(db => db.Deletions.All().Any(d => d.NotBefore <= Time.GetUtcNow())))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Deletions due by now are still queued:\n" + Telegram.RenderConversation(user.Id, user.FirstName));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every injected update is consumed and handled and the outbox is empty: nothing more is on its way.</summary>
    public async Task SettleAsync()
    {
        await Telegram.WaitUntilUpdatesConsumedAsync();
        var store = Sandbox.Runtime.Store;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await store.RunAsync(db => db.Inbox.All().Count + db.Outbox.All().Count) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The bot did not settle: updates or messages are still queued.");
            }

            await Task.Delay(20);
        }
    }

    public static string CodeIn(string text) => Code().Match(text).Value;

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();

    private int Index(FakeUser user, FakeChatEntry entry)
    {
        var messages = Telegram.BotMessagesTo(user.Id);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].MessageId == entry.MessageId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [GeneratedRegex("[0-9A-Z]{20}")]
    private static partial Regex Code();
}
