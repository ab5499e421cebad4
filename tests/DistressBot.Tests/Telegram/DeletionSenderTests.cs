using DistressBot.Domain;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace DistressBot.Tests.Telegram;

/// <summary>The deletion sender against the fake Bot API over HTTP: what is deleted, retried or given up, and what stays queued.</summary>
public sealed class DeletionSenderTests : IAsyncLifetime
{
    private const long Alice = 1001;
    private const long Bob = 1002;
    private readonly DomainWorld _w = new();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;
    private DeletionSender _sender = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _w.Time });
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });

        // A full pacer (it starts empty, as after a crash), so these tests are about failures, not about Telegram's limits.
        var pacer = new SendPacer(_transport, globalPerSecond: 1000, globalBurst: 1000, chatBurst: 1000, chatPerSecond: 1000);
        pacer.TryTake(0, out _);
        _transport.Advance(TimeSpan.FromSeconds(10));
        _sender = new DeletionSender(
            _bot, _w.Bot(), _w.Rules, pacer, _w.Time, new TransportClock(_transport),
            Options.Create(new TelegramOptions()), NullLogger<DeletionSender>.Instance);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PassAsync_DueInTwoChats_DeletesEach_AndForgetsThem_LeavingWhatIsNotDue()
    {
        var a = await SendAsync(Alice, "a");
        var b = await SendAsync(Bob, "b");
        var later = await SendAsync(Alice, "later");
        _w.Run(db =>
        {
            db.Deletions.Now(Alice, a, _w.Now, _w.Now);
            db.Deletions.Now(Bob, b, _w.Now, _w.Now);
            db.Deletions.After(Alice, later, _w.Now, _w.Now + TimeSpan.FromMinutes(10));
        });

        var wait = await _sender.PassAsync(CancellationToken.None);

        Assert.Equal([later], _server.BotMessagesTo(Alice).Select(m => m.MessageId));
        Assert.Empty(_server.BotMessagesTo(Bob));
        Assert.Equal([later], _w.Run(db => db.Deletions.All()).Select(d => d.MessageId));
        Assert.Equal(TimeSpan.FromMinutes(10), wait.Domain);
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "deleteMessages"));
    }

    [Fact]
    public async Task PassAsync_ServerError_KeepsTheDeletionForARetry_NothingIsLost()
    {
        var a = await SendAsync(Alice, "a");
        _w.Run(db => db.Deletions.Now(Alice, a, _w.Now, _w.Now));
        _server.Faults.ServerErrorProbability = 1;

        var wait = await _sender.PassAsync(CancellationToken.None);

        var kept = Assert.Single(_w.Run(db => db.Deletions.All()));
        Assert.Equal(1, kept.Attempts);
        Assert.Equal(_transport.GetUtcNow() + new TelegramOptions().RetryBase, kept.RetryAt);
        Assert.Equal(new TelegramOptions().RetryBase, wait.Transport);
        Assert.Single(_server.BotMessagesTo(Alice));

        // Not tried again before its retry instant; then deleted.
        _server.Faults.ServerErrorProbability = 0;
        await _sender.PassAsync(CancellationToken.None);
        Assert.Single(_server.BotMessagesTo(Alice));
        _transport.Advance(new TelegramOptions().RetryBase);
        await _sender.PassAsync(CancellationToken.None);
        Assert.Empty(_server.BotMessagesTo(Alice));
        Assert.Empty(_w.Run(db => db.Deletions.All()));
    }

    [Fact]
    public async Task PassAsync_ChatBlocked_GivesUpThatChatOnly()
    {
        var a = await SendAsync(Alice, "a");
        var b = await SendAsync(Bob, "b");
        _w.Run(db =>
        {
            db.Deletions.Now(Alice, a, _w.Now, _w.Now);
            db.Deletions.Now(Bob, b, _w.Now, _w.Now);
        });
        _server.BlockChat(Alice);

        await _sender.PassAsync(CancellationToken.None);

        Assert.Empty(_w.Run(db => db.Deletions.All()));
        Assert.Empty(_server.BotMessagesTo(Bob));
    }

    [Fact]
    public async Task PassAsync_AgainWithinTheLookGap_DoesNotReadTheQueue_ButAsksToBeCalledWhenTheGapEnds()
    {
        var a = await SendAsync(Alice, "a");
        var b = await SendAsync(Alice, "b");
        _w.Run(db => db.Deletions.Now(Alice, a, _w.Now, _w.Now));
        await _sender.PassAsync(CancellationToken.None);
        _w.Run(db => db.Deletions.Now(Alice, b, _w.Now, _w.Now));

        var throttled = await _sender.PassAsync(CancellationToken.None);
        var queuedMeanwhile = _w.Run(db => db.Deletions.All().Select(d => d.MessageId).ToList());
        _transport.Advance(DeletionSender.LookGap);
        await _sender.PassAsync(CancellationToken.None);

        Assert.Equal([b], queuedMeanwhile); // the outbox may pass after every send: the queue is not read each time
        Assert.True(throttled.Transport <= DeletionSender.LookGap);
        Assert.Empty(_w.Run(db => db.Deletions.All()));
        Assert.Equal(2, _server.Requests.Count(r => r.Method == "deleteMessages"));
    }

    [Fact]
    public async Task PassAsync_DeletedBeforeACrashButNotForgotten_IsTriedOneByOneWhenRefused_ThenForgotten()
    {
        var a = await SendAsync(Alice, "a");
        var b = await SendAsync(Alice, "b");
        _w.Run(db =>
        {
            db.Deletions.Now(Alice, a, _w.Now, _w.Now);
            db.Deletions.Now(Alice, b, _w.Now, _w.Now);
        });
        await _bot.DeleteMessages(Alice, [a, b]); // the crash came after Telegram deleted them, before the store forgot them

        await _sender.PassAsync(CancellationToken.None);
        Assert.All(_w.Run(db => db.Deletions.All()), d => Assert.True(d.Alone));
        _transport.Advance(DeletionSender.LookGap);
        await _sender.PassAsync(CancellationToken.None);

        Assert.Empty(_w.Run(db => db.Deletions.All()));
        Assert.Equal(4, _server.Requests.Count(r => r.Method == "deleteMessages")); // the crashed pass's, the batch, then one each
    }

    [Fact]
    public async Task PassAsync_OlderThan48Hours_IsGivenUpWithoutACall()
    {
        var a = await SendAsync(Alice, "a");
        _w.Run(db => db.Deletions.Now(Alice, a, _w.Now, _w.Now));
        _w.Time.Advance(ChatCleaning.DeletableFor);

        await _sender.PassAsync(CancellationToken.None);

        Assert.Empty(_w.Run(db => db.Deletions.All()));
        Assert.DoesNotContain(_server.Requests, r => r.Method == "deleteMessages");
        Assert.Single(_server.BotMessagesTo(Alice));
    }

    private async Task<int> SendAsync(long chatId, string text) => (await _bot.SendMessage(chatId, text)).Id;
}
