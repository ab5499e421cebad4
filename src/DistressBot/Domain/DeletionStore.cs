using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Messages in subjects' chats the bot still has to delete, in one unit of work: kept in the store, so a restart does not forget them.</summary>
/// <remarks>
/// Two collections, so that what is read often stays small: queued deletions (<see cref="Collections.Deletions"/>, each found by
/// a keyed hash of its chat and message, gone within minutes once sent) and each subject's held latest reminder
/// (<see cref="Collections.HeldDeletions"/>, one per subject, found by the subject's id). With every subject holding a
/// reminder, a network of 100,000 holds 100,000 of them: no pass, check-in or delivery reads them all, only the
/// look at them when one must go, at least daily (<see cref="ChatCleanup.Due"/> with held), does.
/// </remarks>
public sealed class DeletionStore
{
    private readonly IRecordSession _session;
    private readonly SealedCollection<PendingDeletion> _rows;
    private readonly SealedCollection<PendingDeletion> _held;
    private readonly Action _queued;

    internal DeletionStore(IRecordSession session, CryptoContext crypto, Action queued)
    {
        _session = session;
        _rows = new SealedCollection<PendingDeletion>(session, crypto, Collections.Deletions, Collections.DeletionLookup);
        _held = new SealedCollection<PendingDeletion>(session, crypto, Collections.HeldDeletions);
        _queued = queued;
    }

    /// <summary>Deletes message <paramref name="messageId"/> of chat <paramref name="chatId"/> (sent at <paramref name="sentAt"/>, Telegram's date) as soon as this unit of work commits, whatever the settings say: for every message that carries a secret.</summary>
    public void Now(long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset now) => After(chatId, messageId, sentAt, now);

    /// <summary>Deletes the message not before <paramref name="notBefore"/>; a message already queued keeps the earlier of the two instants.</summary>
    public void After(long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset notBefore)
    {
        if (FindQueued(chatId, messageId) is { } queued)
        {
            if (queued.NotBefore is null || notBefore < queued.NotBefore)
            {
                queued.NotBefore = notBefore;
                Update(queued);
                _queued();
            }

            return;
        }

        Add(new PendingDeletion { ChatId = chatId, MessageId = messageId, SentAt = sentAt, NotBefore = notBefore });
    }

    /// <summary>Keeps the message as <paramref name="subjectId"/>'s latest reminder until <see cref="ChatCleanup"/> releases it; the one it replaces must be released first (<see cref="HeldFor"/>).</summary>
    public void Hold(long chatId, int messageId, DateTimeOffset sentAt, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        _held.Put(subjectId, new PendingDeletion { Id = subjectId, ChatId = chatId, MessageId = messageId, SentAt = sentAt, HeldFor = subjectId });
    }

    /// <summary>The reminder held for <paramref name="subjectId"/>, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged).</exception>
    public PendingDeletion? HeldFor(string subjectId) => _held.Find(subjectId);

    /// <summary>Every held reminder, by subject id; one that does not open is dropped (it can never be sent) and counted in <see cref="UnreadableRows"/>.</summary>
    /// <remarks>Reads every subject's held reminder: for the look when one must go (at least daily) only.</remarks>
    public IReadOnlyList<PendingDeletion> Held() => OpenAll(_held);

    /// <summary>Releases a held reminder: it is queued to go not before <paramref name="notBefore"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="held"/> is not held.</exception>
    public void Release(PendingDeletion held, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.HeldFor is null)
        {
            throw new ArgumentException("Only a held reminder is released.", nameof(held));
        }

        _held.Delete(held.Id);
        After(held.ChatId, held.MessageId, held.SentAt, notBefore);
    }

    /// <summary>Queued deletions passed over by <see cref="All"/> or <see cref="Held"/> in this unit of work because they no longer open, and were dropped.</summary>
    public int UnreadableRows { get; private set; }

    /// <summary>Every queued deletion (not the held reminders), oldest first; one that does not open is dropped (it can never be sent) and counted in <see cref="UnreadableRows"/>.</summary>
    public IReadOnlyList<PendingDeletion> All() => OpenAll(_rows);

    /// <summary>The queued deletion with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged).</exception>
    public PendingDeletion? Find(string id) => _rows.Find(id);

    /// <summary>Stores a queued deletion again (after a failed attempt).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="deletion"/> is null.</exception>
    public void Update(PendingDeletion deletion)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        _rows.Put(deletion.Id, deletion, LookupKey(deletion.ChatId, deletion.MessageId));
    }

    /// <summary>Removes a queued deletion done (or given up); false when there was none.</summary>
    public bool Remove(string id) => _rows.Delete(id);

    // A damaged row can never be sent: dropped and counted, not allowed to stop the rest.
    private List<PendingDeletion> OpenAll(SealedCollection<PendingDeletion> rows) =>
        rows.OpenReadable(rows.Records(), record =>
        {
            rows.Delete(record.Id);
            UnreadableRows++;
        });

    private void Add(PendingDeletion deletion)
    {
        // A sequence, never the chat or message id: record ids are not sealed, and a Telegram id must not be readable at rest.
        deletion.Id = string.Create(CultureInfo.InvariantCulture, $"d{_session.NextSequence("deletions"):D12}");
        Update(deletion);
        _queued();
    }

    // A row queued by an earlier version has no lookup and is not found here, so the message may be queued twice; Telegram's
    // deleteMessages skips an id already gone.
    private PendingDeletion? FindQueued(long chatId, int messageId)
    {
        try
        {
            return _rows.FindByLookup(LookupKey(chatId, messageId));
        }
        catch (RecordIntegrityException)
        {
            return null; // damaged: it can never be sent, and the next pass drops it; a new row takes its place
        }
    }

    private static string LookupKey(long chatId, int messageId) => string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");
}
