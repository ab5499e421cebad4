using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace DistressBot.Tests.Telegram;

/// <summary>The outbox dispatcher sending a queued document to the fake Bot API over real HTTP (multipart sendDocument).</summary>
public sealed class OutboxDocumentDispatchTests : IAsyncLifetime, IDisposable
{
    private const string FileName = "export-7f3a.zip";
    private static readonly byte[] Bundle = RandomBytes(700_000);

    private readonly DomainWorld _w = DomainWorld.WithCaseChain();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly OutboxSignal _signal = new();
    private readonly CapturingLogger<OutboxDispatcher> _log = new();
    private readonly TestFolders _folders = new();
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
            _dispatcher.Dispose();
        }

        await _server.DisposeAsync();
    }

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Document_AfterATransientFailure_IsRetried_AndArrivesOnceByteIdenticalAndProtected_WithItsDeliveryInTheCase()
    {
        var nina = _w.Chain.Nina;
        var caseId = OpenCaseWithQuietOutbox();
        var id = _w.Run(db => Notify.SendDocument(db, nina, MessagePriority.Reply, _w.Now, FileName, "application/zip", Bundle, MessageText.Of(TextId.NoteAdded, caseId), caseId));
        _server.Faults.ServerErrorProbability = 1;

        await StartAsync(_w.Bot());
        await RunUntilAsync(() => _w.Queued(nina).SingleOrDefault()?.Attempts == 1);

        Assert.Empty(_server.BotMessagesTo(nina.ChatId)); // failed once, kept for a retry
        Assert.Single(_w.Store.All(Collections.OutboxFiles));
        _server.Faults.ServerErrorProbability = 0;
        _transport.Advance(new TelegramOptions().RetryBase);
        await RunUntilAsync(() => _w.Queued(nina).Count == 0);

        var sent = Assert.Single(_server.BotMessagesTo(nina.ChatId));
        Assert.Equal(FakeEntryKind.Document, sent.Kind);
        Assert.Equal(FileName, sent.Document!.FileName);
        Assert.Equal(Bundle, sent.Document.Content.ToArray());
        Assert.True(sent.ProtectContent);
        Assert.Equal("Note added to " + caseId + ".", sent.Text);
        Assert.Equal([502, 200], _server.Requests.Where(r => r.Method == "sendDocument").Select(r => r.StatusCode));
        Assert.Empty(_w.Store.All(Collections.OutboxFiles));
        var delivered = Assert.Single(_w.Case(caseId).Timeline, e => e.Kind == CaseEntryKind.AlertDelivered);
        Assert.Equal((nina.Id, "telegram message " + sent.MessageId), (delivered.PersonId, delivered.Detail));
        Assert.Contains(_log.Entries, e => e.EventId == 3520 && e["MessageId"] == id && e["Bytes"] == "700000");
        Assert.DoesNotContain(_log.Entries, e => e.Everything.Contains(FileName, StringComparison.Ordinal) || e.Everything.Contains("Note added", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_ToAChatTelegramDoesNotKnow_IsGivenUpAtOnce_AndTheCaseSaysTelegramRefused()
    {
        var nina = _w.Chain.Nina;
        var caseId = OpenCaseWithQuietOutbox();
        _w.Run(db => Notify.SendDocument(db, nina, MessagePriority.Reply, _w.Now, FileName, "application/zip", Bundle, caseId: caseId));
        _server.BlockChat(nina.ChatId, 400, "Bad Request: chat not found");

        await StartAsync(_w.Bot());
        await RunUntilAsync(() => _w.Queued(nina).Count == 0);

        Assert.Single(_server.Requests, r => r.Method == "sendDocument");
        Assert.Empty(_w.Store.All(Collections.OutboxFiles));
        Assert.Contains(_w.Case(caseId).Timeline, e => e.Kind == CaseEntryKind.AlertFailed && e.Detail == "Bad Request: chat not found");
        Assert.NotNull(_w.Fresh(nina).UnreachableSince);
    }

    [Fact]
    public async Task Document_WhoseCaseIsPurgedWhileAPassIsUnderWay_IsDroppedWithTheUnreadableCaseEvent_AndNothingOfItIsSent()
    {
        // The real keyring and case keys: the test cipher of DomainWorld cannot destroy a key.
        var keyring = _folders.NewKeyFileKeyring(out _);
        using var caseKeys = CaseKeyStore.Open(_folders.DataDirectory, keyring);
        var records = new InMemoryRecordSession();
        var store = new BotStore(new InMemoryRecordStore(records), new CryptoContext(keyring.Cipher, keyring.Lookups, caseKeys.Create, keyring.LogSigner));
        var nina = DomainWorld.NewPerson("p1", Role.Coordinator, 1001, "Nina", "UTC", _w.Now);
        var (caseId, alert, document) = await store.RunAsync(db =>
        {
            db.People.Save(nina);
            var caseId = db.Cases.NewId();
            db.Cases.Save(new Case { Id = caseId, SubjectId = "p2", Trigger = CaseTrigger.MissedCheckin, OpenedAt = _w.Now });
            var alert = new OutgoingMessage { ChatId = nina.ChatId, PersonId = nina.Id, Priority = MessagePriority.Alarm, Text = "", Content = MessageContent.Of(TextId.NoteAdded, caseId), CaseId = caseId, QueuedAt = _w.Now };
            db.Outbox.Enqueue(alert);
            return (caseId, alert.Id, Notify.SendDocument(db, nina, MessagePriority.Reply, _w.Now, FileName, "application/zip", Bundle, caseId: caseId));
        });

        // The purge lands between the pass's reading of the outbox and its taking of the document: right after the
        // alert ahead of it was recorded as delivered.
        store.Observer = new PurgeOnDelivery(caseKeys, records, caseId);
        await StartAsync(store);
        await RunUntilAsync(() => records.All(Collections.Outbox).Count == 0);

        Assert.Equal(FakeEntryKind.Text, Assert.Single(_server.BotMessagesTo(nina.ChatId)).Kind); // the alert ahead of it went
        Assert.DoesNotContain(_server.Requests, r => r.Method == "sendDocument");
        Assert.Empty(records.All(Collections.OutboxFiles));
        var dropped = Assert.Single(_log.Entries, e => e.EventId == 3001);
        Assert.Equal((document, caseId), (dropped["MessageId"], dropped["CaseId"]));
        Assert.DoesNotContain(_log.Entries, e => e.EventId == 3001 && e["MessageId"] == alert);
        keyring.Dispose();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    // Salek's case opened, its alerts taken out of the outbox so only what the test queues is sent.
    private string OpenCaseWithQuietOutbox()
    {
        var @case = _w.MissDeadline(_w.Chain.Salek);
        _w.Run(db =>
        {
            foreach (var row in db.Outbox.All())
            {
                db.Outbox.Remove(row.Id);
            }
        });
        return @case.Id;
    }

    private async Task StartAsync(BotStore store)
    {
        // A full pacer (it starts empty, as after a crash): these tests are about sending, not about Telegram's limits.
        var pacer = new SendPacer(_transport, globalPerSecond: 1000, globalBurst: 1000, chatBurst: 1000, chatPerSecond: 1000);
        pacer.TryTake(0, out _);
        _transport.Advance(TimeSpan.FromSeconds(10));
        var options = Options.Create(new TelegramOptions());
        var transport = new TransportClock(_transport);
        var deletions = new DeletionSender(_bot, store, _w.Rules, pacer, _w.Time, transport, options, NullLogger<DeletionSender>.Instance);
        // The dispatcher's index follows the commits, as BotHostFactory wires it.
        var index = new OutboxIndex();
        store.Observer = store.Observer is { } other ? new StoreObservers(index, other) : index;
        _dispatcher = new OutboxDispatcher(_bot, store, _w.Rules, _signal, index, pacer, deletions, _w.Time, transport, options, _log);
        await _dispatcher.StartAsync(CancellationToken.None);
    }

    // Wakes the dispatcher and waits for its passes until the condition holds (a bounded number of passes, not a time).
    private async Task RunUntilAsync(Func<bool> done)
    {
        // The store is read only between passes: a pass still recording a failure would change it under the reader.
        for (var pass = 0; pass < 20; pass++)
        {
            var passed = _dispatcher!.Passed.NextAsync();
            _signal.Notify();
            await passed.WaitAsync(TimeSpan.FromSeconds(30));
            if (done())
            {
                break;
            }
        }

        Assert.True(done(), "The dispatcher did not get there in 20 passes.");
    }

    /// <summary>Destroys the case's key once a delivery in it was recorded, as `cases purge` would at that moment.</summary>
    private sealed class PurgeOnDelivery(CaseKeyStore caseKeys, InMemoryRecordSession records, string caseId) : IStoreObserver
    {
        public void Committed(StoreChanges changes)
        {
            if (changes.Cases.Any(c => c.Case.Id == caseId && c.Case.Timeline.Exists(e => e.Kind == CaseEntryKind.AlertDelivered)))
            {
                caseKeys.Destroy(records, caseId);
            }
        }
    }
}
