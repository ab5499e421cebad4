using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Messages in subjects' chats the bot still has to delete, in one unit of work: kept in the store, so a restart does not forget them.</summary>
public sealed class DeletionStore
{
    // Lookup purpose: a queued deletion by "chat:message id" (a keyed hash, so no Telegram id is readable at rest). Kept here,
    // not in Collections, because only this store uses it.
    private const string MessageLookup = "deletion-message";

    private readonly IRecordSession _session;
    private readonly SealedCollection<PendingDeletion> _rows;
    private readonly Action _queued;

    internal DeletionStore(IRecordSession session, CryptoContext crypto, Action queued)
    {
        _session = session;
        _rows = new SealedCollection<PendingDeletion>(session, crypto, Collections.Deletions, MessageLookup);
        _queued = queued;
    }

    /// <summary>Deletes message <paramref name="messageId"/> of chat <paramref name="chatId"/> (sent at <paramref name="sentAt"/>, Telegram's date) as soon as this unit of work commits, whatever the settings say: for every message that carries a secret.</summary>
    public void Now(long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset now) => After(chatId, messageId, sentAt, now);

    /// <summary>Deletes the message not before <paramref name="notBefore"/>; a message already queued keeps the earlier of the two instants.</summary>
    public void After(long chatId, int messageId, DateTimeOffset sentAt, DateTimeOffset notBefore)
    {
        if (Find(chatId, messageId) is { } queued)
        {
            if (queued.NotBefore is null || notBefore < queued.NotBefore)
            {
                queued.NotBefore = notBefore;
                queued.HeldFor = null;
                Update(queued);
                _queued();
            }

            return;
        }

        Add(new PendingDeletion { ChatId = chatId, MessageId = messageId, SentAt = sentAt, NotBefore = notBefore });
    }

    /// <summary>Keeps the message (the subject's latest reminder) until <see cref="ChatCleanup"/> releases it.</summary>
    public void Hold(long chatId, int messageId, DateTimeOffset sentAt, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        if (Find(chatId, messageId) is null)
        {
            Add(new PendingDeletion { ChatId = chatId, MessageId = messageId, SentAt = sentAt, HeldFor = subjectId });
        }
    }

    /// <summary>Queued deletions passed over by <see cref="All"/> in this unit of work because they no longer open.</summary>
    public int UnreadableRows { get; private set; }

    /// <summary>Every queued deletion, oldest first.</summary>
    /// <remarks>A damaged row can never be sent; it is passed over (counted in <see cref="UnreadableRows"/>), not allowed to stop the rest.</remarks>
    public IReadOnlyList<PendingDeletion> All()
    {
        var deletions = new List<PendingDeletion>();
        UnreadableRows = 0;
        foreach (var record in _rows.Records())
        {
            try
            {
                deletions.Add(_rows.Open(record)!);
            }
            catch (RecordIntegrityException)
            {
                UnreadableRows++;
            }
        }

        return deletions;
    }

    /// <summary>Removes queued deletions that no longer open (damaged): they can never be sent; returns how many.</summary>
    public int DropUnreadable()
    {
        var dropped = 0;
        foreach (var record in _rows.Records())
        {
            try
            {
                _rows.Open(record);
            }
            catch (RecordIntegrityException)
            {
                _rows.Delete(record.Id);
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>Stores a queued deletion again (released, or after a failed attempt).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="deletion"/> is null.</exception>
    public void Update(PendingDeletion deletion)
    {
        ArgumentNullException.ThrowIfNull(deletion);
        _rows.Put(deletion.Id, deletion, Key(deletion.ChatId, deletion.MessageId));
    }

    /// <summary>Removes a deletion done (or given up); false when there was none.</summary>
    public bool Remove(string id) => _rows.Delete(id);

    // By its keyed lookup, not by reading every queued deletion: each subject's message asks (issue 15: the scan made every
    // check-in cost O(deletions queued)). A row queued by an earlier version has no lookup until it is updated, so it is not
    // found here and the message may be queued twice; Telegram's deleteMessages skips an id already gone.
    private PendingDeletion? Find(long chatId, int messageId)
    {
        try
        {
            return _rows.FindByLookup(Key(chatId, messageId));
        }
        catch (RecordIntegrityException)
        {
            return null; // damaged: it can never be sent, and DropUnreadable removes it; a new row takes its place
        }
    }

    private static string Key(long chatId, int messageId) => string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");

    private void Add(PendingDeletion deletion)
    {
        // A sequence, never the chat or message id: record ids are not sealed, and a Telegram id must not be readable at rest.
        deletion.Id = string.Create(CultureInfo.InvariantCulture, $"d{_session.NextSequence("deletions"):D12}");
        _rows.Put(deletion.Id, deletion, Key(deletion.ChatId, deletion.MessageId));
        _queued();
    }
}
