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
/// While Telegram is unreachable the dispatcher does no work beyond one probe per backoff step: no outbox row is read
/// and no send is tried between probes, however often commits wake it (issue 15: 0.75 of a core with 10,000 queued).
/// </summary>
public sealed class OutboxOutageTests : IAsyncLifetime, IDisposable
{
    private const int Queued = 50;

    private readonly DomainWorld _w = new();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly OutboxSignal _signal = new();
    private readonly TelegramOptions _options = new();
    private readonly OutboxIndex _index = new();
    private CountingRecordStore _counted = null!;
    private FakeBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;
    private OutboxDispatcher? _dispatcher;

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _w.Time, TransportTime = _transport });
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
    }

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
    public async Task Dispatcher_WhileTelegramIsUnreachable_ReadsNoOutboxRowAndTriesNoSend_BeyondOneProbePerBackoffStep()
    {
        var nina = _w.Coordinator();
        _w.Run(db => Enumerable.Range(0, Queued).ToList().ForEach(_ => Notify.Send(db, nina, MessagePriority.Reply, _w.Now, TextId.NoteAdded, "C-0001")));
        _server.Faults.ServerErrorProbability = 1;
        await StartAsync();

        // Two rows fail in a row: Telegram, not a row, is the problem, and sending stops for RetryBase.
        await PassUntilAsync(() => Sends() == 2);
        var reads = _counted.Reads.Rows(Collections.Outbox);

        // Commits keep waking it: each pass reads nothing and tries nothing.
        for (var wake = 0; wake < 10; wake++)
        {
            await new BotStore(_counted, _w.Crypto) { Observer = _index }.RunAsync(db => Notify.Send(db, nina, MessagePriority.Reply, _w.Now, TextId.NoteAdded, "C-0001"));
            await PassAsync();
        }

        Assert.Equal(2, Sends());
        Assert.Equal(reads, _counted.Reads.Rows(Collections.Outbox));

        // Each backoff step ends with one probe, and a failed probe doubles the step.
        _transport.Advance(_options.RetryBase);
        await PassUntilAsync(() => Sends() == 3);
        Assert.InRange(_counted.Reads.Rows(Collections.Outbox) - reads, 1, 4); // the probe's row, read to word it and to record its failure
        reads = _counted.Reads.Rows(Collections.Outbox);
        _transport.Advance(_options.RetryBase);
        await PassAsync();
        await PassAsync();
        Assert.Equal(3, Sends());
        Assert.Equal(reads, _counted.Reads.Rows(Collections.Outbox));
        _transport.Advance(_options.RetryBase);
        await PassUntilAsync(() => Sends() == 4);

        // Telegram back: the next probe goes through and everything queued follows; nothing was lost.
        _server.Faults.ServerErrorProbability = 0;
        _transport.Advance(_options.RetryBase * 4);
        await PassUntilAsync(() => _w.Queued(nina).Count == 0);
        Assert.Equal(Queued + 10, _server.BotMessagesTo(nina.ChatId).Count);
    }

    private int Sends() => _server.Requests.Count(r => r.Method == "sendMessage");

    private async Task StartAsync()
    {
        // A full pacer: this test is about an outage, not about Telegram's limits.
        var pacer = new SendPacer(_transport, globalPerSecond: 1000, globalBurst: 1000, chatBurst: 1000, chatPerSecond: 1000);
        pacer.TryTake(0, out _);
        _transport.Advance(TimeSpan.FromSeconds(10));
        var options = Options.Create(_options);
        var transport = new TransportClock(_transport);
        _counted = new CountingRecordStore(new InMemoryRecordStore(_w.Store));
        var store = new BotStore(_counted, _w.Crypto) { Observer = _index };
        var deletions = new DeletionSender(_bot, store, _w.Rules, pacer, _w.Time, transport, options, NullLogger<DeletionSender>.Instance);
        _dispatcher = new OutboxDispatcher(_bot, store, _w.Rules, _signal, _index, pacer, deletions, _w.Time, transport, options, NullLogger<OutboxDispatcher>.Instance);
        await _dispatcher.StartAsync(CancellationToken.None);
    }

    private async Task PassAsync()
    {
        var passed = _dispatcher!.Passed.NextAsync();
        _signal.Notify();
        await passed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // A bounded number of passes, not a time.
    private async Task PassUntilAsync(Func<bool> done)
    {
        for (var pass = 0; pass < 20 && !done(); pass++)
        {
            await PassAsync();
        }

        Assert.True(done(), "The dispatcher did not get there in 20 passes.");
    }

}
