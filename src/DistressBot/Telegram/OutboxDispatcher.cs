using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Messages;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace DistressBot.Telegram;

/// <summary>Sends what the domain queued in the outbox: alarms first, within Telegram's limits, retried until Telegram accepts or refuses for good.</summary>
/// <remarks>
/// A row leaves the outbox when Telegram accepted it, refused it for good, or when it can no longer be worded or is no
/// longer needed (its case resolved, an edit the copy already shows, a case record that no longer opens, its reader
/// removed, content this version cannot word; each written into the case or the log). Words are chosen here, at send time
/// (<see cref="OutboxRenderer"/>), from the state as it stands. A document goes with sendDocument, always protected, under the
/// same pacing, failure classes and retries as a text. A crash
/// between sending and recording may send one message twice (alerts carry the case number, so a duplicate is
/// recognisable) but never loses one.
/// A pass chooses rows from the in-memory <see cref="OutboxIndex"/> (loaded from the store at start, kept by the commits)
/// and reads from the store only the rows it sends. Two transient failures in a row mean Telegram is unreachable: sending
/// then stops for a doubling backoff step (<see cref="TelegramOptions.RetryBase"/> to <see cref="TelegramOptions.RetryMax"/>),
/// and each step ends with one probe (the first row due); nothing else is read or tried meanwhile.
/// </remarks>
public sealed partial class OutboxDispatcher(
    ITelegramBotClient bot,
    BotStore store,
    BotRules rules,
    OutboxSignal signal,
    OutboxIndex index,
    SendPacer pacer,
    DeletionSender deletions,
    TimeProvider time,
    TransportClock transport,
    IOptions<TelegramOptions> telegramOptions,
    ILogger<OutboxDispatcher> logger,
    BotMetrics? metrics = null) : BackgroundService
{
    private static readonly TimeSpan IdleRescan = TimeSpan.FromMinutes(1);

    // An upload gets the send timeout plus the time this many bytes a second take (1 Mbit/s), so a slow link still gets a
    // 50 MB document through; the Telegram HTTP client's own timeout still bounds it.
    private const int SlowestUploadBytesPerSecond = 128 * 1024;
    private readonly TimeProvider _clock = transport.Time;
    private readonly TelegramOptions _options = telegramOptions.Value;
    private int _transientInARow;
    private int _outageSteps;
    private DateTimeOffset _outageUntil = DateTimeOffset.MinValue;

    /// <summary>When the last pass finished (transport clock): the health check's sign that dispatching is alive.</summary>
    public DateTimeOffset LastPass { get; private set; } = transport.Time.GetUtcNow();

    /// <summary>Rung after each pass that sent or gave up on something (tests wait on it).</summary>
    internal AsyncSignal Passed { get; } = new();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var storeBackoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        // The one full read of the outbox: rows queued while the bot was stopped. Commits from now on keep the index.
        var rows = await Backoff.RetryAsync(ct => store.RunAsync(
            db =>
            {
                db.Outbox.AddCaseLookups();
                return db.Outbox.All().Select(OutboxEntry.Of).ToList();
            },
            ct), LogStoreError, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), transport, stoppingToken);
        index.Load(rows);
        LogIndexLoaded(index.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = signal.NextAsync();
            TimeSpan wait;
            TimeSpan? cleanupDue = null;
            try
            {
                wait = await PassAsync(woken, stoppingToken);
                storeBackoff.Reset();
                LastPass = _clock.GetUtcNow();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStoreError(ex);
                wait = storeBackoff.Next();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The stop cut a send short (Telegram.Bot may wrap the cancellation in its own RequestException): a stop, not a
                // failure that would make the bot exit 5. The row stays queued for the next start.
                return;
            }

            if (_clock.GetUtcNow() < _outageUntil)
            {
                // Telegram is unreachable: deleting waits too, so an outage costs one probe per backoff step and nothing else.
                Passed.Notify();
                await WaitAsync(woken, wait, null, stoppingToken);
                continue;
            }

            try
            {
                // Deleting messages in subjects' chats comes after what is waiting to be sent, under the same pacing; its
                // failure never holds the outbox back.
                var cleanup = await deletions.PassAsync(stoppingToken);
                wait = cleanup.Transport is { } retry ? Min(wait, retry) : wait;
                cleanupDue = cleanup.Domain;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCleanupError(ex);
            }

            Passed.Notify();
            if (wait > TimeSpan.Zero && (cleanupDue is null || cleanupDue > TimeSpan.Zero))
            {
                await WaitAsync(woken, wait, cleanupDue, stoppingToken);
            }
        }
    }

    // A deletion falls due by domain time; the timers are cancelled when the wait ends, so none piles up.
    private async Task WaitAsync(Task woken, TimeSpan wait, TimeSpan? cleanupDue, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timers = new List<Task> { woken, Task.Delay(wait, _clock, waiting.Token) };
        if (cleanupDue is { } dueIn)
        {
            timers.Add(Task.Delay(dueIn, time, waiting.Token));
        }

        await Task.WhenAny(timers);
        await waiting.CancelAsync();
    }

    // One pass over what is due; returns how long until something else may be sendable.
    private async Task<TimeSpan> PassAsync(Task woken, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (now < _outageUntil)
        {
            // At least once a minute even so: the health check counts a pass that did nothing as a sign of life.
            return Min(_outageUntil - now, IdleRescan);
        }

        var (due, nextAt) = index.Due(now);
        var wait = nextAt is { } at ? Min(IdleRescan, at - now) : IdleRescan;
        var sent = 0;
        var heldChats = new HashSet<long>();
        foreach (var entry in due)
        {
            if (entry.Priority >= MessagePriority.Edit && sent > 0 && woken.IsCompleted)
            {
                // Something was queued since this pass began: it may be an alarm or an answer, and it must not wait
                // behind a long run of edits of old copies or strangers' replies, so choose again (after at least one send,
                // so a stream of such rows cannot keep the dispatcher choosing without sending).
                return TimeSpan.Zero;
            }

            if (pacer.GlobalWait() is { } globalWait && globalWait > TimeSpan.Zero)
            {
                // Nothing goes before the global limit allows: no need to look at the rest.
                return Min(wait, globalWait);
            }

            if (heldChats.Contains(entry.ChatId))
            {
                continue;
            }

            if (pacer.Wait(entry.ChatId) is var pace && pace > TimeSpan.Zero)
            {
                heldChats.Add(entry.ChatId);
                wait = Min(wait, pace);
                continue;
            }

            var (message, ready, protect) = await PrepareAsync(entry, now, ct);
            if (message is not null && ready is not null)
            {
                // Taken only now, just before the request: the time the row took to be worded does not count against the chat.
                if (!pacer.TryTake(entry.ChatId, out pace))
                {
                    heldChats.Add(entry.ChatId);
                    wait = Min(wait, pace);
                    continue;
                }

                await SendOneAsync(message, ready, protect, ct);
                sent++;
            }

            now = _clock.GetUtcNow();
            wait = TimeSpan.Zero;
            if (now < _outageUntil)
            {
                return Min(_outageUntil - now, IdleRescan);
            }
        }

        return wait;
    }

    // The row is read now, in the unit of work that words it, from the state as it stands; a row that is no longer needed or
    // cannot be worded is dropped here. Whatever goes to a subject is protected (no forwarding or saving in the client).
    private async Task<(OutgoingMessage? Message, ReadyMessage? Ready, bool Protect)> PrepareAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        OutgoingMessage? message;
        PreparedMessage? prepared;
        bool protect;
        try
        {
            (message, prepared, protect) = await store.RunAsync<(OutgoingMessage?, PreparedMessage?, bool)>(
                db =>
                {
                    if (db.Outbox.Find(entry.Id) is not { } row)
                    {
                        return (null, null, false);
                    }

                    if (row.NotBefore is { } notBefore && notBefore > now)
                    {
                        return (row, null, false);
                    }

                    // A row without content or case had its words final when queued (rows of an earlier version).
                    var words = row.Content is null && row.CaseId is null
                        ? new PreparedMessage(ReadyMessage.AsQueued(row), DropReason.None)
                        : OutboxRenderer.Prepare(db, row.Id, time.GetUtcNow(), rules.DefaultLanguage, rules.CoverWording);
                    return (row, words, ToSubject(db, row));
                },
                ct);
        }
        catch (RecordIntegrityException)
        {
            // It (or its case, or its reader) no longer opens: purged meanwhile, or damaged. It cannot be worded, and it must
            // not block every row queued after it, alarms about other cases among them.
            await store.RunAsync(db => db.Outbox.Remove(entry.Id), ct);
            index.Remove(entry.Id);
            if (entry.CaseId is null)
            {
                LogUnreadableReader(entry.Id);
            }
            else
            {
                LogUnreadableCase(entry.Id, entry.CaseId);
            }

            return (null, null, false);
        }

        if (message is null)
        {
            // Sent, dropped or purged by a commit the index has not heard of yet.
            index.Remove(entry.Id);
            return (null, null, false);
        }

        if (prepared is null)
        {
            // The row itself says it is not due yet (a retry reported out of order): the index learns its instant.
            index.Set(OutboxEntry.Of(message));
            return (null, null, false);
        }

        switch (prepared.Dropped)
        {
            case DropReason.None:
                break;
            case DropReason.ReaderGone:
                LogReaderGone(message.Id);
                break;
            case DropReason.Unrenderable:
                LogUnrenderable(message.Id, prepared.Problem ?? "");
                break;
            default:
                LogDropped(message.Id, message.CaseId ?? "", prepared.Dropped);
                break;
        }

        return (message, prepared.Ready, protect);
    }

    private static bool ToSubject(DataSession db, OutgoingMessage message) =>
        message.PersonId is { } personId && db.People.Find(personId) is { Role: Role.Subject };

    private async Task SendOneAsync(OutgoingMessage message, ReadyMessage ready, bool protect, CancellationToken ct)
    {
        int messageId;
        DateTimeOffset sentAt;
        try
        {
            // An edit gets the same time limit as a send: a hung edit of an old copy must not hold back alarms behind it.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ready.Document is { } file ? UploadTimeout(file) : _options.SendTimeout);
            if (message.EditMessageId is { } editId)
            {
                await bot.EditMessageText(message.ChatId, editId, ready.Text, replyMarkup: Markup(message, ready) as InlineKeyboardMarkup, cancellationToken: timeout.Token);
                pacer.Ended(message.ChatId);
                TelegramAnswered();
                await store.RunAsync(db => Edited(db, message, ready), ct);
                return;
            }

            var sent = ready.Document is { } document
                ? await SendDocumentAsync(message, ready, document, timeout.Token)
                : await bot.SendMessage(message.ChatId, ready.Text, replyMarkup: Markup(message, ready), protectContent: protect, cancellationToken: timeout.Token);
            pacer.Ended(message.ChatId);
            messageId = sent.Id;
            sentAt = new DateTimeOffset(DateTime.SpecifyKind(sent.Date, DateTimeKind.Utc));
            TelegramAnswered();
        }
        catch (ApiRequestException ex) when (message.EditMessageId is not null && ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            pacer.Ended(message.ChatId);
            TelegramAnswered();
            await store.RunAsync(db => Edited(db, message, ready), ct);
            return;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await RecordFailureAsync(message, ex, ct);
            return;
        }

        // Counted as soon as Telegram has it, so a row gone from the outbox is always counted already.
        metrics?.Sent(message.Priority);
        await store.RunAsync(
            db =>
            {
                db.Outbox.Remove(message.Id);
                if (message.PersonId is { } recipientId && db.People.Find(recipientId) is { } recipient)
                {
                    if (recipient.UnreachableSince is not null)
                    {
                        PersonReachability.Reached(db, recipient);
                    }

                    // In the same commit as the row's removal: a delivered message is never forgotten for deletion.
                    ChatCleanup.Delivered(db, recipient, message.Priority, message.ChatId, messageId, sentAt, time.GetUtcNow(), rules.Cleaning);
                }

                CaseMessages.Delivered(db, message, ready, messageId, sentAt, time.GetUtcNow());

                // A file sent in reply to this message goes to its case (read by id, never by the replied text).
                db.CaseReplies.Delivered(message, messageId);
            },
            CancellationToken.None); // Telegram has it: a stop now must not lose its id (to be deleted) or send it again.
    }

    // A document is always protected (no forwarding or saving in the client): it is a case's evidence or a person's file.
    private async Task<Message> SendDocumentAsync(OutgoingMessage message, ReadyMessage ready, DocumentFile document, CancellationToken ct)
    {
        await using var content = document.OpenRead();
        var sent = await bot.SendDocument(
            message.ChatId,
            InputFile.FromStream(content, document.FileName),
            caption: ready.Text.Length > 0 ? ready.Text : null,
            replyMarkup: Markup(message, ready),
            protectContent: true,
            cancellationToken: ct);
        LogDocumentSent(message.Id, document.Length);
        return sent;
    }

    private TimeSpan UploadTimeout(DocumentFile document) =>
        _options.SendTimeout + TimeSpan.FromSeconds((double)document.Length / SlowestUploadBytesPerSecond);

    private static void Edited(DataSession db, OutgoingMessage message, ReadyMessage ready)
    {
        db.Outbox.Remove(message.Id);
        CaseMessages.Edited(db, message, ready);
    }

    private async Task RecordFailureAsync(OutgoingMessage message, Exception ex, CancellationToken ct)
    {
        var (kind, retryAfter) = SendFailure.Classify(ex);
        var now = _clock.GetUtcNow();
        LogSendFailed(message.Id, kind, ex.GetType().Name);
        metrics?.TelegramError(TelegramErrors.Classify((ex as ApiRequestException)?.ErrorCode ?? 0, ex), "send");
        metrics?.SendFailed(message.Priority, dropped: kind is SendFailureKind.Permanent or SendFailureKind.Rejected);
        if (kind == SendFailureKind.RateLimited)
        {
            // This chat waits; other chats go on, unless the 429 before this one was for another chat (see SendPacer).
            pacer.RateLimited(message.ChatId, retryAfter);
        }
        else
        {
            pacer.Ended(message.ChatId);
        }

        if (kind == SendFailureKind.Transient)
        {
            TransientFailure(now);
        }
        else
        {
            TelegramAnswered();
        }

        if (kind is SendFailureKind.Permanent or SendFailureKind.Rejected)
        {
            var at = time.GetUtcNow();
            await store.RunAsync(
                db =>
                {
                    db.Outbox.Remove(message.Id);
                    AddToCase(db, message, CaseEntryKind.AlertFailed, ex.Message);
                    if (kind == SendFailureKind.Permanent && message.EditMessageId is null && message.PersonId is { } personId && db.People.Find(personId) is { } person)
                    {
                        PersonReachability.Unreachable(db, person, ex.Message, message.CaseId, at);
                    }
                },
                ct);
            return;
        }

        message.Attempts++;
        message.LastError = ex.Message;
        if (kind == SendFailureKind.RateLimited)
        {
            message.NotBefore = now + retryAfter;
        }
        else
        {
            var delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryMax.Ticks, _options.RetryBase.Ticks * Math.Pow(2, Math.Min(message.Attempts - 1, 20))));
            message.NotBefore = now + delay;
        }

        // The row as stored now: a repeat may have given a waiting alert a weightier reason since this pass read it.
        await store.RunAsync(
            db =>
            {
                if (db.Outbox.Find(message.Id) is not { } row)
                {
                    return; // purged with its case meanwhile
                }

                row.Attempts = message.Attempts;
                row.LastError = message.LastError;
                row.NotBefore = message.NotBefore;
                db.Outbox.Update(row);
            },
            ct);
    }

    private void AddToCase(DataSession db, OutgoingMessage message, CaseEntryKind kind, string detail)
    {
        if (message.CaseId is { } caseId && db.Cases.Find(caseId) is { } @case)
        {
            @case.Timeline.Add(new CaseEntry { At = time.GetUtcNow(), Kind = kind, PersonId = message.PersonId, Detail = detail });
            db.Cases.Save(@case);
        }
    }

    // Two transient failures in a row (two different rows): Telegram, not one row, is the problem. Stop for a backoff step
    // that doubles with each failed probe, so an outage costs one send attempt per step.
    private void TransientFailure(DateTimeOffset now)
    {
        if (++_transientInARow < 2)
        {
            return;
        }

        _outageSteps++;
        var step = TimeSpan.FromTicks((long)Math.Min(_options.RetryMax.Ticks, _options.RetryBase.Ticks * Math.Pow(2, Math.Min(_outageSteps - 1, 20))));
        _outageUntil = now + step;
        LogUnreachable(step);
    }

    private void TelegramAnswered()
    {
        _transientInARow = 0;
        _outageSteps = 0;
        _outageUntil = DateTimeOffset.MinValue;
    }

    private static ReplyMarkup? Markup(OutgoingMessage message, ReadyMessage ready)
    {
        if (CallbackData.Keyboard(ready.Buttons) is { Count: > 0 } rows)
        {
            return new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
        }

        if ((ready.ReplyButtons ?? message.ReplyButtons) is { Count: > 0 } buttons)
        {
            return new ReplyKeyboardMarkup(buttons.Select(b => new[] { new KeyboardButton(b) }))
            {
                OneTimeKeyboard = true,
                ResizeKeyboard = true,
            };
        }

        return message.RemoveReplyKeyboard ? new ReplyKeyboardRemove() : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Sending outbox message {MessageId} failed ({Kind}, {Error})")]
    private partial void LogSendFailed(string messageId, SendFailureKind kind, string error);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "The store failed while dispatching the outbox; retrying")]
    private partial void LogStoreError(Exception ex);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Outbox message {MessageId} about case {CaseId} was dropped: the case record does not open (purged meanwhile, or damaged)")]
    private partial void LogUnreadableCase(string messageId, string? caseId);

    [LoggerMessage(EventId = 3424, Level = LogLevel.Error, Message = "The store failed while deleting messages in subjects' chats; retrying with the next pass")]
    private partial void LogCleanupError(Exception ex);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Outbox message {MessageId} about case {CaseId} not sent ({Reason})")]
    private partial void LogDropped(string messageId, string caseId, DropReason reason);

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent: its reader was removed from the bot after it was queued")]
    private partial void LogReaderGone(string messageId);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Outbox message {MessageId} was taken out of the outbox: its stored content cannot be worded by this version ({Problem}); the rows after it are sent")]
    private partial void LogUnrenderable(string messageId, string problem);

    [LoggerMessage(EventId = 3520, Level = LogLevel.Information, Message = "Outbox message {MessageId} was sent as a document of {Bytes} bytes")]
    private partial void LogDocumentSent(string messageId, int bytes);

    [LoggerMessage(EventId = 3651, Level = LogLevel.Information, Message = "Outbox loaded: {Count} messages queued")]
    private partial void LogIndexLoaded(int count);

    [LoggerMessage(EventId = 3652, Level = LogLevel.Warning, Message = "Telegram unreachable: sending paused for {Step}, then one message is tried")]
    private partial void LogUnreachable(TimeSpan step);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Outbox message {MessageId} was dropped: it or its reader's record does not open (damaged)")]
    private partial void LogUnreadableReader(string messageId);
}
