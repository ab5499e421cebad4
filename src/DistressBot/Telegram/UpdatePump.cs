using System.Text.Json;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DistressBot.Telegram;

/// <summary>
/// Polls Telegram and handles each getUpdates batch in one transaction with the offset that confirms it, so nothing is
/// confirmed to Telegram, and no one is told anything, before it is durable; updates from people not enrolled are never kept.
/// </summary>
/// <remarks>
/// One transaction per batch (more only when its <see cref="HandlingBound"/> splits it) handles its updates inline, with their
/// effects and replies, stores in the inbox those of enrolled people behind earlier ones of the inbox, and moves the offset:
/// a batch costs one fsync, however many check-ins it carries. The offset is only sent to Telegram after that
/// commit, so a crash at any line loses nothing, and handled updates are confirmed in the same commit as their effects, so
/// nothing is done twice. A batch whose transaction fails is stored whole and handled from the inbox, in groups; a group
/// that fails is redone one update at a time, where a poison update is set aside after a few attempts.
/// </remarks>
public sealed partial class UpdatePump(
    ITelegramBotClient bot,
    BotStore store,
    UpdateRouter router,
    OutboxSignal outbox,
    InboundCatchUp catchUp,
    DowntimeLog downtime,
    TimeProvider time,
    TransportClock transport,
    IOptions<TelegramOptions> options,
    TelegramLink link,
    BotMetrics metrics,
    ILogger<UpdatePump> logger) : BackgroundService
{
    private const string OffsetKey = "telegram.offset";
    private const int BatchLimit = 100;
    private const int MaxAttempts = 3;

    /// <summary>The least transport-clock time from one getUpdates call to the next when the first came back empty.</summary>
    /// <remarks>Telegram holds an empty long poll for PollTimeout; a server (or an emulator) that answers at once must not make the bot spin.</remarks>
    public static readonly TimeSpan EmptyPollFloor = TimeSpan.FromSeconds(1);

    private readonly Dictionary<long, int> _attempts = [];
    private readonly StrangerLedger _strangers = new();

    // Telegram ids a committed unit of the pump found not enrolled, none enrolled since (only the pump's units enroll anyone,
    // and a unit that saves a person leaves none of them known): a flood of strangers' messages costs one keyed lookup per
    // sender, not one per message. In memory only, like the stranger ledger; forgotten whole past its capacity.
    private const int KnownStrangersCapacity = 10_000;
    private HashSet<long> _knownStrangers = [];

    // Whether the inbox may hold updates not handled yet: true at start (a crash may have left some) and whenever one is
    // stored; false once a pass emptied it. The pump alone writes the inbox.
    private bool _inboxMayHoldUpdates = true;

    private DateTimeOffset? _failingSince;
    private bool _outageRecorded;

    // An outage recorded before a crash may still be in the store: the first successful poll looks for it.
    private bool _outageMayBeStored = true;
    private bool _connected;
    private DateTimeOffset? _lostAt;
    private DateTimeOffset? _fullReportedAt;

    /// <summary>Signals each completed getUpdates round trip (tests wait on it).</summary>
    internal AsyncSignal Polled { get; } = new();

    /// <summary>When getUpdates last succeeded (transport clock): the health check's sign that polling is alive.</summary>
    public DateTimeOffset LastPoll { get; private set; } = transport.Time.GetUtcNow();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var retryMax = options.Value.RetryMax < TimeSpan.FromSeconds(30) ? options.Value.RetryMax : TimeSpan.FromSeconds(30);
        var backoff = new Backoff(options.Value.RetryBase < retryMax ? options.Value.RetryBase : retryMax, retryMax);

        // Updates stored before a crash are handled before anything new is fetched.
        var offset = await Backoff.RetryAsync(
            async ct =>
            {
                await HandleInboxAsync(ct);
                return await store.RunAsync(db => db.Meta.Number(OffsetKey) ?? 0, ct);
            },
            LogStoreError,
            options.Value.RetryBase,
            retryMax,
            transport,
            stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            JsonElement[] batch;
            var pollStarted = transport.Time.GetTimestamp();
            try
            {
                batch = await bot.SendRequest(
                    new RawGetUpdatesRequest { Offset = offset, Limit = BatchLimit, Timeout = PollSeconds(catchUp, options.Value.PollTimeout) },
                    stoppingToken);
                backoff.Reset();
                if (link.Answered(transport.Time.GetUtcNow()))
                {
                    LogTokenAccepted();
                }

                NoteConnected();
                await EndOutageAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var errorClass = TelegramErrors.Classify((ex as ApiRequestException)?.ErrorCode ?? 0, ex);
                metrics.TelegramError(errorClass, "poll");
                var verdict = link.Failed(errorClass, transport.Time.GetUtcNow(), backoff.Next());
                if (verdict.TokenNewlyRevoked)
                {
                    // A revoked token never comes back by itself: said once, loudly, then asked again only every 10 minutes.
                    LogTokenRevoked(TelegramLink.RevokedTokenRetry);
                }
                else if (errorClass != TelegramErrorClass.Unauthorized)
                {
                    LogPollFailed(ex.GetType().Name, ex.Message);
                }

                NoteLost(ex);
                await NoteFailureAsync(stoppingToken);
                Polled.Notify();
                await Task.Delay(verdict.Wait, transport.Time, stoppingToken);
                continue;
            }

            try
            {
                offset = await TakeBatchAsync(batch, offset, stoppingToken);
                await HandleInboxAsync(stoppingToken);

                // Healthy means stored and handled, not merely answered by Telegram.
                LastPoll = transport.Time.GetUtcNow();
                if (batch.Length < BatchLimit)
                {
                    catchUp.MarkDone();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is confirmed to Telegram until stored: an unstored batch comes again, stored updates wait in the inbox.
                LogStoreError(ex);
                await Task.Delay(backoff.Next(), transport.Time, stoppingToken);
            }

            Polled.Notify();
            if (batch.Length == 0)
            {
                // Pacing of real traffic, so the wall clock, as the outbox's pacer does.
                var rest = EmptyPollFloor - transport.Time.GetElapsedTime(pollStarted);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, transport.Time, stoppingToken);
                }
            }
        }
    }

    // "Connected" on the first answer and on the first after any failure; "lost" once per run of failures.
    private void NoteConnected()
    {
        if (_connected)
        {
            return;
        }

        _connected = true;
        if (_lostAt is { } since)
        {
            LogReconnected(transport.Time.GetUtcNow() - since);
            _lostAt = null;
        }
        else
        {
            LogConnected();
        }
    }

    private void NoteLost(Exception ex)
    {
        if (!_connected && _lostAt is not null)
        {
            return;
        }

        _connected = false;
        _lostAt = transport.Time.GetUtcNow();
        LogLost(ex.GetType().Name);
    }

    // Telegram unreachable for longer than OutageAlertAfter is an outage: recorded durably, reported when it ends.
    private async Task NoteFailureAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        _failingSince ??= now;
        if (_outageRecorded || now - _failingSince < options.Value.OutageAlertAfter)
        {
            return;
        }

        var since = _failingSince.Value;
        try
        {
            await store.RunAsync(db => db.Meta.SetNumber(DowntimeLog.OutageKey, since.UtcTicks), ct);
            downtime.OutageStarted(since);
            _outageRecorded = true;
            LogOutage();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStoreError(ex);
        }
    }

    private async Task EndOutageAsync(CancellationToken ct)
    {
        _failingSince = null;
        if (!_outageRecorded && !_outageMayBeStored)
        {
            return; // nothing to end: no store round trip after every poll
        }

        var now = time.GetUtcNow();
        var since = await store.RunAsync(
            db =>
            {
                if (db.Meta.Number(DowntimeLog.OutageKey) is not { } ticks)
                {
                    return (DateTimeOffset?)null;
                }

                var from = new DateTimeOffset(ticks, TimeSpan.Zero);
                Checkins.OutageReport.Queue(db, from, now, now);
                db.Meta.Delete(DowntimeLog.OutageKey);
                return from;
            },
            ct);
        _outageMayBeStored = false;
        if (since is not null)
        {
            downtime.OutageEnded(now);
            _outageRecorded = false;
            LogOutageOver();
        }
    }

    // Handles the batch inline with the new offset, in one transaction unless the bound splits it (enrolled people's updates
    // behind earlier ones in the inbox are stored there instead).
    private async Task<long> TakeBatchAsync(JsonElement[] batch, long offset, CancellationToken ct)
    {
        var fresh = new List<(long Id, string Json)>();
        var next = offset;
        foreach (var element in batch)
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("update_id", out var idElement)
                || !idElement.TryGetInt64(out var id))
            {
                // Without an id it cannot be confirmed or stored; Telegram never sends such a thing.
                LogMalformed(-1);
                continue;
            }

            if (id >= offset)
            {
                fresh.Add((id, element.GetRawText()));
            }

            next = Math.Max(next, id + 1);
        }

        if (next == offset)
        {
            return offset;
        }

        var parsed = fresh.Select(f => new ReceivedUpdate(f.Id, f.Json, Parse(f.Id, f.Json))).ToList();
        var at = 0;
        do
        {
            // Usually one unit for the whole batch; a unit past its bound confirms (stores the offset of) only what it took,
            // so a crash between units loses nothing: Telegram sends the rest again.
            var rest = parsed.GetRange(at, parsed.Count - at);
            var now = time.GetUtcNow();
            var inboxHoldsEarlier = _inboxMayHoldUpdates;
            var known = _knownStrangers;
            (StrangerLedger.Draft Draft, TakenBatch Taken, HashSet<long> Strangers) inline;
            try
            {
                inline = await store.RunAsync(
                    db =>
                    {
                        var draft = _strangers.Begin(now);
                        db.People.KnownNotEnrolled(known);
                        var taken = InboundBatch.Take(db, rest, router, draft, now, new HandlingBound(transport.Time), inboxHoldsEarlier);
                        db.Meta.SetNumber(OffsetKey, taken.Taken < rest.Count ? rest[taken.Taken].Id : next);
                        return (draft, taken, db.People.NotEnrolled.Count <= KnownStrangersCapacity ? db.People.NotEnrolled.ToHashSet() : []);
                    },
                    ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One update that cannot be handled inline must not hold the batch back: keep the rest of it and handle it
                // from the inbox, where a poison update is found, tried on its own and set aside after a few attempts.
                LogInlineFailed(ex.GetType().Name);
                await store.RunAsync(
                    db =>
                    {
                        foreach (var received in rest)
                        {
                            db.Inbox.Save(received.Id, received.Json);
                        }

                        db.Meta.SetNumber(OffsetKey, next);
                    },
                    ct);
                _inboxMayHoldUpdates = true;
                return next;
            }

            _inboxMayHoldUpdates |= inline.Taken.Stored;
            _knownStrangers = inline.Strangers;
            KeepStrangers(inline.Draft, now);
            await AnswerAllAsync(inline.Taken.Handled, ct);
            at += inline.Taken.Taken;
        }
        while (at < parsed.Count);

        return next;
    }

    // Handles what waits in the inbox, in update id order, many updates to a unit of work. A unit that fails is redone one
    // update at a time up to the one it failed on; an update that keeps failing holds back only its own sender's later
    // updates (their order), until it is set aside after MaxAttempts.
    private async Task HandleInboxAsync(CancellationToken ct)
    {
        if (!_inboxMayHoldUpdates)
        {
            return; // nothing was stored since the inbox was last emptied: no store round trip after every poll
        }

        var pending = (await store.RunAsync(db => db.Inbox.All(), ct))
            .Select(p => new ReceivedUpdate(p.UpdateId, p.Json, Parse(p.UpdateId, p.Json)))
            .ToList();
        var heldSenders = new HashSet<long>();
        Exception? failure = null;

        // A stored update may be a stranger's code that enrols them (a failed batch keeps strangers' updates too).
        _knownStrangers = [];
        while (pending.Count > 0)
        {
            var reached = 0;
            var now = time.GetUtcNow();
            try
            {
                var (draft, taken) = await store.RunAsync(
                    db =>
                    {
                        var draft = _strangers.Begin(now);
                        return (draft, InboundBatch.HandleStored(db, pending, router, draft, now, new HandlingBound(transport.Time), at => reached = at));
                    },
                    ct);
                KeepStrangers(draft, now);
                foreach (var done in pending.Take(taken.Taken))
                {
                    _attempts.Remove(done.Id);
                }

                pending.RemoveRange(0, taken.Taken);
                await AnswerAllAsync(taken.Handled, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                if (reached > 0)
                {
                    LogGroupFailed(reached + 1, ex.GetType().Name);
                }

                // Every update before the one that failed, then that one, each in a unit of its own.
                for (var i = 0; i <= reached; i++)
                {
                    var received = pending[0];
                    pending.RemoveAt(0);
                    if (received.SenderId is { } earlier && heldSenders.Contains(earlier))
                    {
                        continue;
                    }

                    if (await HandleAloneAsync(received, ct) is { } failed)
                    {
                        failure ??= failed;
                        if (received.SenderId is { } sender)
                        {
                            heldSenders.Add(sender);
                        }
                    }
                }
            }

            // A sender whose update failed keeps their later updates in the inbox, in order, for the next attempt.
            pending.RemoveAll(p => p.SenderId is { } sender && heldSenders.Contains(sender));
        }

        if (failure is not null)
        {
            // Left in the inbox for the next attempt, after the pump's backoff.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        _inboxMayHoldUpdates = false;
    }

    // One stored update in a unit of its own; the exception when it failed and stays in the inbox for another attempt.
    private async Task<Exception?> HandleAloneAsync(ReceivedUpdate received, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (received.Update is not { } update)
        {
            await store.RunAsync(db => db.Inbox.MoveToFailed(received.Id, received.Json, "malformed update", now, senderId: null), ct);
            return null;
        }

        HandledUpdate handled;
        try
        {
            StrangerLedger.Draft? draft = null;
            handled = await store.RunAsync(
                db =>
                {
                    draft = _strangers.Begin(now);
                    var result = router.Handle(db, update, now, draft);
                    db.Inbox.Remove(received.Id);
                    return result;
                },
                ct);
            KeepStrangers(draft!, now);
            _attempts.Remove(received.Id);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return await GiveUpAfterRepeatedFailureAsync(received.Id, received.Json, update, now, ex, ct) ? null : ex;
        }

        await AnswerAllAsync([handled], ct);
        return null;
    }

    // Together, not one after another: a batch of pressed buttons must not hold the next getUpdates back by a round trip each.
    private Task AnswerAllAsync(IEnumerable<HandledUpdate> handled, CancellationToken ct) =>
        Task.WhenAll(handled
            .Where(h => h.CallbackQueryId is not null)
            .Select(h => AnswerQuietlyAsync(h.CallbackQueryId!, h.CallbackText, ct)));

    // Decisions about strangers count only once their unit of work committed.
    private void KeepStrangers(StrangerLedger.Draft draft, DateTimeOffset now)
    {
        _strangers.Apply(draft);
        if (draft.WasFull && (_fullReportedAt is not { } reported || now - reported >= StrangerLedger.ReplyEvery))
        {
            _fullReportedAt = now;
            LogStrangersUnanswered(StrangerLedger.Capacity);
        }
    }

    private async Task<bool> GiveUpAfterRepeatedFailureAsync(long updateId, string json, Update update, DateTimeOffset now, Exception ex, CancellationToken ct)
    {
        var count = _attempts[updateId] = _attempts.GetValueOrDefault(updateId) + 1;
        LogHandlingFailed(updateId, count, ex is Crypto.RecordIntegrityException integrity ? "record " + integrity.Address + " failed authentication" : ex.GetType().Name);
        if (count < MaxAttempts)
        {
            return false;
        }

        // A poison update must not block every later check-in: set it aside for the admin and tell the sender.
        _attempts.Remove(updateId);
        await store.RunAsync(
            db =>
            {
                db.Inbox.MoveToFailed(updateId, json, ex.GetType().Name, now, SenderOf(db, update));
                // Only enrolled people hear of it: a stranger learns nothing, not even that something failed.
                if (update.Message is { Chat.Type: global::Telegram.Bot.Types.Enums.ChatType.Private } message
                    && db.People.FindByTelegramUser(message.Chat.Id) is { } sender)
                {
                    Notify.Send(db, sender, MessagePriority.Reply, now, TextId.InternalError);

                    // It may have been an SOS: the subject's own coordinators hear of it at alarm priority, in words that
                    // need no case record (a damaged one may be what failed).
                    if (sender.Role == Role.Subject)
                    {
                        foreach (var coordinator in sender.CoordinatorIds.Select(db.People.Find).OfType<Person>())
                        {
                            Notify.Send(db, coordinator, MessagePriority.Alarm, now, TextId.SubjectMessageFailed, sender.Name);
                        }
                    }
                }
            },
            ct);
        outbox.Notify();
        return true;
    }

    // Who sent a set-aside update, for retention's legal hold: an enrolled person's id, else null (a damaged record must not stop setting it aside).
    /// <summary>The long poll's seconds: 0 until the backlog is handled, so an empty queue says so at once and the timers start without waiting out a long poll.</summary>
    internal static int PollSeconds(InboundCatchUp catchUp, TimeSpan pollTimeout) =>
        catchUp.Completed.IsCompleted ? (int)pollTimeout.TotalSeconds : 0;

    private static string? SenderOf(DataSession db, Update update)
    {
        if ((update.Message?.From ?? update.CallbackQuery?.From ?? update.EditedMessage?.From) is not { } from)
        {
            return null;
        }

        try
        {
            return db.People.FindByTelegramUser(from.Id)?.Id;
        }
        catch (Crypto.RecordIntegrityException)
        {
            return null;
        }
    }

    private Update? Parse(long updateId, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // Whatever a converter throws, one odd update must not block every later check-in.
            LogMalformed(updateId);
            return null;
        }
    }

    private async Task AnswerQuietlyAsync(string queryId, string? text, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId, text, cancellationToken: ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The spinner on the person's button stops by itself; nothing depends on this answer.
            LogAnswerFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "getUpdates failed ({Kind}: {Reason}); retrying")]
    private partial void LogPollFailed(string kind, string reason);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "The store failed while receiving updates; nothing was confirmed to Telegram, retrying")]
    private partial void LogStoreError(Exception ex);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Update {UpdateId} is malformed; set aside for the admin")]
    private partial void LogMalformed(long updateId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Handling update {UpdateId} failed (attempt {Attempt}, {Kind})")]
    private partial void LogHandlingFailed(long updateId, int attempt, string kind);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Error, Message = "Telegram has been unreachable longer than Telegram:OutageAlertAfter: outage recorded; deadlines keep running")]
    private partial void LogOutage();

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "Telegram is reachable again; coordinators are told which deadlines fell inside the outage")]
    private partial void LogOutageOver();

    [LoggerMessage(EventId = 2204, Level = LogLevel.Debug, Message = "answerCallbackQuery failed ({Kind})")]
    private partial void LogAnswerFailed(string kind);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Connected to Telegram: getUpdates answered")]
    private partial void LogConnected();

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Lost Telegram: getUpdates failed ({Kind}); retrying with backoff")]
    private partial void LogLost(string kind);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Connected to Telegram again after {Down} without it")]
    private partial void LogReconnected(TimeSpan down);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "Handling a batch of updates inline failed ({Kind}); every update of it is kept in the inbox and handled from there, a failing one on its own")]
    private partial void LogInlineFailed(string kind);

    [LoggerMessage(EventId = 3660, Level = LogLevel.Warning, Message = "Handling {Count} stored updates in one unit of work failed ({Kind}); each is handled on its own up to the one that failed")]
    private partial void LogGroupFailed(int count, string kind);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "More than {Capacity} people not enrolled wrote within the hour: the rest get no reply until the hour is over (a flood?)")]
    private partial void LogStrangersUnanswered(int capacity);

    [LoggerMessage(EventId = 3620, Level = LogLevel.Critical, Message = "Telegram refuses the bot token (401 Unauthorized): it was revoked or is wrong. Nothing can be received or sent until the admin sets a valid Telegram:BotToken and restarts the bot; asking again every {RetryEvery}")]
    private partial void LogTokenRevoked(TimeSpan retryEvery);

    [LoggerMessage(EventId = 3621, Level = LogLevel.Warning, Message = "Telegram accepts the bot token again")]
    private partial void LogTokenAccepted();
}
