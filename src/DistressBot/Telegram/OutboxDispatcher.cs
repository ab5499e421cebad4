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
/// </remarks>
public sealed partial class OutboxDispatcher(
    ITelegramBotClient bot,
    BotStore store,
    BotRules rules,
    OutboxSignal signal,
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

    /// <summary>When the last pass finished (transport clock): the health check's sign that dispatching is alive.</summary>
    public DateTimeOffset LastPass { get; private set; } = transport.Time.GetUtcNow();

    /// <summary>Rung after each pass that sent or gave up on something (tests wait on it).</summary>
    internal AsyncSignal Passed { get; } = new();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var storeBackoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
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
                // A deletion falls due by domain time; the timers are cancelled when the wait ends, so none piles up.
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var timers = new List<Task> { woken, Task.Delay(wait, _clock, waiting.Token) };
                if (cleanupDue is { } dueIn)
                {
                    timers.Add(Task.Delay(dueIn, time, waiting.Token));
                }

                await Task.WhenAny(timers);
                await waiting.CancelAsync();
            }
        }
    }

    // One pass over what is due; returns how long until something else may be sendable.
    private async Task<TimeSpan> PassAsync(Task woken, CancellationToken ct)
    {
        var queued = await store.RunAsync(db => db.Outbox.All(), ct);
        var now = _clock.GetUtcNow();
        var wait = IdleRescan;
        var sent = 0;
        foreach (var message in queued.OrderBy(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            if (message.Priority >= MessagePriority.Edit && sent > 0 && woken.IsCompleted)
            {
                // Something was queued since this pass began: it may be an alarm or an answer, and it must not wait
                // behind a long run of edits of old copies or strangers' replies, so read again (after at least one send,
                // so a stream of such rows cannot keep the dispatcher re-reading without sending).
                return TimeSpan.Zero;
            }

            if (message.NotBefore is { } notBefore && notBefore > now)
            {
                wait = Min(wait, notBefore - now);
                continue;
            }

            if (!pacer.TryTake(message.ChatId, out var pace))
            {
                wait = Min(wait, pace);
                continue;
            }

            var (ready, protect) = await PrepareAsync(message, ct);
            if (ready is not null)
            {
                await SendOneAsync(message, ready, protect, ct);
                sent++;
            }

            now = _clock.GetUtcNow();
            wait = TimeSpan.Zero;
        }

        return wait;
    }

    // The words are chosen now, from the state as it stands; a row that is no longer needed or cannot be worded is dropped here.
    // Whatever goes to a subject is protected (no forwarding or saving in the client).
    private async Task<(ReadyMessage? Ready, bool Protect)> PrepareAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (message.Content is null && message.CaseId is null)
        {
            // Its words were final when queued (rows of an earlier version).
            return (ReadyMessage.AsQueued(message), await store.RunAsync(db => ToSubject(db, message), ct));
        }

        PreparedMessage prepared;
        bool protect;
        try
        {
            (prepared, protect) = await store.RunAsync(db => (OutboxRenderer.Prepare(db, message.Id, time.GetUtcNow(), rules.DefaultLanguage, rules.CoverWording), ToSubject(db, message)), ct);
        }
        catch (RecordIntegrityException)
        {
            // Its case (or reader) no longer opens: purged meanwhile, or damaged. It cannot be worded, and it must not
            // block every row queued after it, alarms about other cases among them.
            await store.RunAsync(db => db.Outbox.Remove(message.Id), ct);
            if (message.CaseId is null)
            {
                LogUnreadableReader(message.Id);
            }
            else
            {
                LogUnreadableCase(message.Id, message.CaseId);
            }

            return (null, false);
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

        return (prepared.Ready, protect);
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
                await store.RunAsync(db => Edited(db, message, ready), ct);
                return;
            }

            var sent = ready.Document is { } document
                ? await SendDocumentAsync(message, ready, document, timeout.Token)
                : await bot.SendMessage(message.ChatId, ready.Text, replyMarkup: Markup(message, ready), protectContent: protect, cancellationToken: timeout.Token);
            messageId = sent.Id;
            sentAt = new DateTimeOffset(DateTime.SpecifyKind(sent.Date, DateTimeKind.Utc));
        }
        catch (ApiRequestException ex) when (message.EditMessageId is not null && ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
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
            pacer.PauseUntil(now + retryAfter);
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

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Outbox message {MessageId} was dropped: it or its reader's record does not open (damaged)")]
    private partial void LogUnreadableReader(string messageId);
}
