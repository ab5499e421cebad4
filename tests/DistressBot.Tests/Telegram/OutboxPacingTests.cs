using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// The dispatcher against the fake Bot API on a fake transport clock: one chat gets one message a second with no 429 from a
/// fake that enforces Telegram's limits, and a 429 for one chat holds back that chat only.
/// </summary>
public sealed class OutboxPacingTests : IAsyncLifetime, IDisposable
{
    private readonly DomainWorld _w = new();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly OutboxSignal _signal = new();
    private FakeBotApiServer _server = null!;
    private OutboxDispatcher? _dispatcher;

    public async Task InitializeAsync() =>
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _w.Time, TransportTime = _transport, RateLimits = FakeRateLimits.Telegram });

    public async Task DisposeAsync()
    {
        if (_dispatcher is not null)
        {
            await _dispatcher.StopAsync(CancellationToken.None);
        }

        await _server.DisposeAsync();
    }

    public void Dispose() => _dispatcher?.Dispose();

    [Fact]
    public async Task Dispatcher_FiveMessagesToOneChat_OneASecond_AndTelegramNeverAnswers429()
    {
        var nina = _w.Coordinator();
        QueueTo(nina, 5);
        await StartAsync();

        for (var step = 0; step < 40 && _w.Queued(nina).Count > 0; step++)
        {
            await PassAsync();
            _transport.Advance(TimeSpan.FromMilliseconds(250));
        }

        var sends = _server.Requests.Where(r => r.Method == "sendMessage").ToList();
        Assert.Empty(_w.Queued(nina));
        Assert.All(sends, r => Assert.Equal(200, r.StatusCode)); // no burst that Telegram refuses
        Assert.Equal(5, sends.Count);
        var gaps = sends.Zip(sends.Skip(1), (a, b) => b.ReceivedAt - a.ReceivedAt).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25))); // one a second, not slower than the steps
    }

    [Fact]
    public async Task Dispatcher_A429ForOneChat_HoldsBackThatChatOnly_TheOthersAreSentAtOnce()
    {
        var nina = _w.Coordinator();
        var olga = _w.Coordinator("Olga");
        var boris = _w.Coordinator("Boris");
        QueueTo(nina, 2);
        QueueTo(olga, 1);
        QueueTo(boris, 1);
        _server.BlockChat(nina.ChatId, 429, "Too Many Requests");
        await StartAsync();
        var start = _transport.GetUtcNow();

        for (var pass = 0; pass < 20 && (_w.Queued(olga).Count + _w.Queued(boris).Count) > 0; pass++)
        {
            await PassAsync();
        }

        Assert.Equal(start, _transport.GetUtcNow()); // no time had to pass
        Assert.Empty(_w.Queued(olga));
        Assert.Empty(_w.Queued(boris));
        Assert.Single(_server.BotMessagesTo(olga.ChatId));
        Assert.Single(_server.BotMessagesTo(boris.ChatId));
        Assert.Equal(2, _w.Queued(nina).Count); // kept, and tried once only until its retry_after
        Assert.Single(_server.Requests, r => r.ChatId == nina.ChatId);
        Assert.All(_w.Queued(nina).Where(m => m.Attempts > 0), m => Assert.Equal(start + TimeSpan.FromSeconds(5), m.NotBefore));
    }

    private void QueueTo(Person person, int count) =>
        _w.Run(db => Enumerable.Range(0, count).ToList().ForEach(_ => Notify.Send(db, person, MessagePriority.Alarm, _w.Now, TextId.NoteAdded, "C-0001")));

    private async Task StartAsync()
    {
        // The pacer as the bot makes it (Telegram's limits); its first second is waited out before the test begins.
        var pacer = new SendPacer(_transport);
        _transport.Advance(TimeSpan.FromSeconds(10));
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
        var options = Options.Create(new TelegramOptions());
        var transport = new TransportClock(_transport);
        var index = new OutboxIndex();
        var store = new BotStore(new InMemoryRecordStore(_w.Store), _w.Crypto) { Observer = index };
        var deletions = new DeletionSender(bot, store, _w.Rules, pacer, _w.Time, transport, options, NullLogger<DeletionSender>.Instance);
        _dispatcher = new OutboxDispatcher(bot, store, _w.Rules, _signal, index, pacer, deletions, _w.Time, transport, options, NullLogger<OutboxDispatcher>.Instance);
        await _dispatcher.StartAsync(CancellationToken.None);
    }

    private async Task PassAsync()
    {
        var passed = _dispatcher!.Passed.NextAsync();
        _signal.Notify();
        await passed.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
