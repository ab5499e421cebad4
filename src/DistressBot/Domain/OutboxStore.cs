using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Messages waiting to be sent, in one unit of work; a case's rows are sealed under the case's own key.</summary>
public sealed class OutboxStore
{
    private readonly IRecordSession _session;
    private readonly SealedCollection<OutgoingMessage> _rows;
    private readonly Action _queued;

    internal OutboxStore(IRecordSession session, CryptoContext crypto, Action queued)
    {
        _session = session;
        _rows = new SealedCollection<OutgoingMessage>(session, crypto, Collections.Outbox);
        _queued = queued;
    }

    /// <summary>Outbox rows passed over by <see cref="All"/> in this unit of work because they no longer open.</summary>
    public int UnreadableRows { get; private set; }

    /// <summary>Queues a message under a new id "o000000000042" (text cut to Telegram's limit); it is sent after this unit of work commits.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Enqueue(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Id = string.Create(CultureInfo.InvariantCulture, $"o{_session.NextSequence("outbox"):D12}");
        message.Text = OutgoingMessage.Fit(message.Text);

        // Sealed under the case's own key, so purging a case also makes its queued and freed alert rows unreadable.
        _rows.Put(message.Id, message, caseId: message.CaseId);
        _queued();
    }

    /// <summary>Stores a queued message again (after a failed attempt, or a changed content).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Update(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _rows.Put(message.Id, message, caseId: message.CaseId);
    }

    /// <summary>Every queued message, oldest first.</summary>
    /// <remarks>A row whose case was purged meanwhile can never be read or sent; it is passed over (counted in <see cref="UnreadableRows"/>), not allowed to stop the rest.</remarks>
    public IReadOnlyList<OutgoingMessage> All()
    {
        var messages = new List<OutgoingMessage>();
        foreach (var record in _rows.Records())
        {
            try
            {
                messages.Add(_rows.Open(record)!);
            }
            catch (RecordIntegrityException)
            {
                UnreadableRows++;
            }
        }

        return messages;
    }

    /// <summary>The queued message with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its case was purged).</exception>
    public OutgoingMessage? Find(string id) => _rows.Find(id);

    /// <summary>Removes a sent (or given-up) message; false when there was none.</summary>
    public bool Remove(string id) => _rows.Delete(id);
}
