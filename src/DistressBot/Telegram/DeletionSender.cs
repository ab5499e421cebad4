using DistressBot.Domain;
using DistressBot.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DistressBot.Telegram;

/// <summary>How long until the deletion queue needs another pass: by domain time (a deletion falls due) and by the transport clock (a retry or the pacer).</summary>
/// <param name="Domain">Until the next deletion falls due; null when none waits.</param>
/// <param name="Transport">Until a retry or the pacer allows the next call; null when none waits.</param>
public sealed record DeletionWait(TimeSpan? Domain, TimeSpan? Transport);

/// <summary>Sends deleteMessages for what is due in subjects' chats, in the outbox dispatcher's loop, pacing and failure handling.</summary>
/// <remarks>
/// A deletion leaves the store only after Telegram accepted it (or refused it for good): a crash between the call and the
/// commit deletes again, which is harmless. What Telegram no longer allows (48 h) is given up with a count in the log, never an id.
/// </remarks>
public sealed partial class DeletionSender(
    ITelegramBotClient bot,
    BotStore store,
    BotRules rules,
    SendPacer pacer,
    TimeProvider time,
    TransportClock transport,
    IOptions<TelegramOptions> telegramOptions,
    ILogger<DeletionSender> logger)
{
    /// <summary>Held reminders are read at least this often, and else only when the earliest of them must go.</summary>
    public static readonly TimeSpan HeldLookAtLeast = TimeSpan.FromHours(24);

    /// <summary>The queued deletions are read at most once in this time (transport clock), however often the outbox passes.</summary>
    public static readonly TimeSpan LookGap = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock = transport.Time;
    private readonly TelegramOptions _options = telegramOptions.Value;

    // When the held reminders must be read next (domain time); null until read once since start.
    private DateTimeOffset? _lookAtHeld;
    private long? _lookedAt;
    private DeletionWait _lastWait = new(null, null);

    /// <summary>Deletes what is due now; returns when to look again.</summary>
    /// <remarks>
    /// The outbox passes after every send; this reads the queued deletions at most once per <see cref="LookGap"/> and every
    /// subject's held reminder only when one of them may have to go, so a network whose every subject holds a reminder does not
    /// read them all on each send (100,000 records at 100,000 subjects).
    /// </remarks>
    public async Task<DeletionWait> PassAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lookHeld = _lookAtHeld is not { } heldAt || now >= heldAt;
        if (!lookHeld && _lookedAt is { } lookedAt && _clock.GetElapsedTime(lookedAt) < LookGap)
        {
            var gap = LookGap - _clock.GetElapsedTime(lookedAt);
            return _lastWait with { Transport = _lastWait.Transport is { } t && t < gap ? t : gap };
        }

        _lookedAt = _clock.GetTimestamp();
        var (due, unreadable) = await store.RunAsync(db => (ChatCleanup.Due(db, now, rules.Cleaning, lookHeld), db.Deletions.UnreadableRows), ct);
        if (lookHeld)
        {
            _lookAtHeld = due.HeldNextAt is { } heldNext && heldNext < now + HeldLookAtLeast ? heldNext : now + HeldLookAtLeast;
        }

        if (due.GivenUp > 0)
        {
            LogTooOld(due.GivenUp);
        }

        if (unreadable > 0)
        {
            LogUnreadable(unreadable);
        }

        TimeSpan? transportWait = null;
        var transportNow = _clock.GetUtcNow();
        var ready = new List<PendingDeletion>();
        foreach (var deletion in due.Due)
        {
            if (deletion.RetryAt is { } retryAt && retryAt > transportNow)
            {
                transportWait = Min(transportWait, retryAt - transportNow);
            }
            else
            {
                ready.Add(deletion);
            }
        }

        foreach (var batch in ChatCleanup.Batches(ready))
        {
            if (!pacer.TryTake(batch.ChatId, out var pace))
            {
                transportWait = Min(transportWait, pace);
                continue;
            }

            if (await DeleteAsync(batch, ct) is { } retry)
            {
                transportWait = Min(transportWait, retry);
            }
        }

        var domainNext = due.NextAt is { } next && next < _lookAtHeld ? next : _lookAtHeld;
        _lastWait = new DeletionWait(domainNext is { } at ? at - now : null, transportWait);
        return _lastWait;
    }

    // Returns how long until this batch may be tried again, or null when it is done with.
    private async Task<TimeSpan?> DeleteAsync(DeletionBatch batch, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.SendTimeout);
            await bot.DeleteMessages(batch.ChatId, batch.Deletions.Select(d => d.MessageId), timeout.Token);
            pacer.Ended(batch.ChatId);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return await RecordFailureAsync(batch, ex, ct);
        }

        await store.RunAsync(db => Forget(db, batch), ct);
        LogDeleted(batch.Deletions.Count);
        return null;
    }

    private async Task<TimeSpan?> RecordFailureAsync(DeletionBatch batch, Exception ex, CancellationToken ct)
    {
        var (kind, retryAfter) = SendFailure.Classify(ex);
        if (kind == SendFailureKind.RateLimited)
        {
            pacer.RateLimited(batch.ChatId, retryAfter);
        }
        else
        {
            pacer.Ended(batch.ChatId);
        }

        LogDeleteFailed(batch.Deletions.Count, kind, ex.GetType().Name);
        if (kind is SendFailureKind.Rejected && batch.Deletions.Count > 1)
        {
            // One message Telegram will not delete must not hold back the rest: each is tried on its own.
            await store.RunAsync(db => Save(db, batch, d => d.Alone = true), ct);
            return TimeSpan.Zero;
        }

        if (kind is SendFailureKind.Permanent or SendFailureKind.Rejected)
        {
            await store.RunAsync(db => Forget(db, batch), ct);
            LogRefused(batch.Deletions.Count, kind);
            return null;
        }

        var now = _clock.GetUtcNow();
        var attempts = batch.Deletions.Max(d => d.Attempts) + 1;
        var delay = kind == SendFailureKind.RateLimited
            ? retryAfter
            : TimeSpan.FromTicks((long)Math.Min(_options.RetryMax.Ticks, _options.RetryBase.Ticks * Math.Pow(2, Math.Min(attempts - 1, 20))));
        await store.RunAsync(
            db => Save(db, batch, d =>
            {
                d.Attempts = attempts;
                d.RetryAt = now + delay;
            }),
            ct);
        return delay;
    }

    private static void Forget(DataSession db, DeletionBatch batch)
    {
        foreach (var deletion in batch.Deletions)
        {
            db.Deletions.Remove(deletion.Id);
        }
    }

    // Changes the rows as stored now: a row already done with (deleted by a pass before a crash) stays gone.
    private static void Save(DataSession db, DeletionBatch batch, Action<PendingDeletion> change)
    {
        foreach (var stored in batch.Deletions.Select(d => db.Deletions.Find(d.Id)).OfType<PendingDeletion>())
        {
            change(stored);
            db.Deletions.Update(stored);
        }
    }

    private static TimeSpan Min(TimeSpan? a, TimeSpan b) => a is { } value && value < b ? value : b;

    [LoggerMessage(EventId = 3420, Level = LogLevel.Debug, Message = "Deleted {Count} messages in a subject's chat")]
    private partial void LogDeleted(int count);

    [LoggerMessage(EventId = 3421, Level = LogLevel.Warning, Message = "Deleting {Count} messages in a subject's chat failed ({Kind}, {Error})")]
    private partial void LogDeleteFailed(int count, SendFailureKind kind, string error);

    [LoggerMessage(EventId = 3422, Level = LogLevel.Warning, Message = "Gave up deleting {Count} messages in a subject's chat: Telegram refused ({Kind}); they may still show")]
    private partial void LogRefused(int count, SendFailureKind kind);

    [LoggerMessage(EventId = 3425, Level = LogLevel.Error, Message = "{Count} queued deletions in subjects' chats do not open (damaged) and were dropped; those messages may still show")]
    private partial void LogUnreadable(int count);

    [LoggerMessage(EventId = 3423, Level = LogLevel.Warning, Message = "Gave up deleting {Count} messages in subjects' chats: older than 48 hours, Telegram no longer allows it; they may still show")]
    private partial void LogTooOld(int count);
}
