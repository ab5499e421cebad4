using System.Globalization;
using System.Security.Cryptography;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Messages waiting to be sent, in one unit of work; a case's rows are sealed under the case's own key.</summary>
public sealed class OutboxStore
{
    private readonly IRecordSession _session;
    private readonly CryptoContext _crypto;
    private readonly SealedCollection<OutgoingMessage> _rows;
    private readonly Action _queued;
    private readonly Dictionary<string, OutboxEntry?> _changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutgoingMessage> _queuedHere = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _caseMadeHere;

    internal OutboxStore(IRecordSession session, CryptoContext crypto, Action queued, Func<string, bool> caseMadeHere)
    {
        _session = session;
        _crypto = crypto;
        _rows = new SealedCollection<OutgoingMessage>(session, crypto, Collections.Outbox, Collections.OutboxCaseLookup);
        _queued = queued;
        _caseMadeHere = caseMadeHere;
    }

    /// <summary>Every row this unit of work stored or removed, as it left it (for the dispatcher's in-memory index, told after the commit).</summary>
    public IReadOnlyList<OutboxChange> Changes => [.. _changes.Select(c => new OutboxChange(c.Key, c.Value))];

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
        _rows.Put(message.Id, message, message.CaseId, message.CaseId);
        _changes[message.Id] = OutboxEntry.Of(message);
        _queuedHere[message.Id] = message;
        _queued();
    }

    /// <summary>
    /// Queues a document row (content of kind <see cref="MessageKind.Document"/> describing <paramref name="file"/>) and its
    /// bytes, in parts of <see cref="QueuedDocument.PartBytes"/> sealed like the row (under the case's key when it has a
    /// case), all in this unit of work; returns the new outbox id.
    /// </summary>
    /// <exception cref="ArgumentException">The row's content does not describe <paramref name="file"/>.</exception>
    public string Enqueue(OutgoingMessage message, DocumentFile file)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(file);
        if (message.Content is not { Kind: MessageKind.Document, Document: { } document } || document.Length != file.Length || document.Sha256 != file.Sha256Hex())
        {
            throw new ArgumentException("A document row must describe the file queued with it.", nameof(message));
        }

        Enqueue(message);
        var content = file.Content;
        for (var part = 0; part < document.Parts; part++)
        {
            var id = PartId(message.Id, part);
            var bytes = content.Slice(part * QueuedDocument.PartBytes, Math.Min(QueuedDocument.PartBytes, content.Length - (part * QueuedDocument.PartBytes)));
            _session.Put(new StoredRecord(Collections.OutboxFiles, id, null, _crypto.Cipher.Seal(bytes, PartAddress(id), message.CaseId)));
        }

        return message.Id;
    }

    /// <summary>The file of document row <paramref name="message"/>, read back from its parts and checked against its length and SHA-256.</summary>
    /// <exception cref="ArgumentException">The row is not a document.</exception>
    /// <exception cref="RecordIntegrityException">A part is missing or does not open (damaged, or its case was purged), or the bytes are not those queued.</exception>
    public DocumentFile ReadDocument(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Content is not { Kind: MessageKind.Document, Document: { } document })
        {
            throw new ArgumentException("Outbox row " + message.Id + " is not a document.", nameof(message));
        }

        var content = new byte[document.Length];
        var at = 0;
        for (var part = 0; part < document.Parts; part++)
        {
            var address = PartAddress(PartId(message.Id, part));
            var record = _session.Find(address.Collection, address.Id) ?? throw new RecordIntegrityException(address, "a part of the document is missing");
            var plain = _crypto.Cipher.Open(record.Blob, address);
            try
            {
                if (plain.Length > content.Length - at)
                {
                    throw new RecordIntegrityException(address, "the document is longer than queued");
                }

                plain.CopyTo(content, at);
                at += plain.Length;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }

        var first = PartAddress(PartId(message.Id, 0));
        if (at != content.Length || Convert.ToHexStringLower(SHA256.HashData(content)) != document.Sha256)
        {
            throw new RecordIntegrityException(first, "the document's bytes are not those queued");
        }

        try
        {
            return DocumentFile.FromStored(document.FileName, document.MimeType, content);
        }
        catch (DocumentRefusedException ex)
        {
            throw new RecordIntegrityException(first, "the stored document cannot be sent (" + ex.Reason + ")");
        }
    }

    /// <summary>Stores a queued message again (after a failed attempt, or a changed content).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Update(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _rows.Put(message.Id, message, message.CaseId, message.CaseId);
        _changes[message.Id] = OutboxEntry.Of(message);
        if (_queuedHere.ContainsKey(message.Id))
        {
            _queuedHere[message.Id] = message;
        }
    }

    /// <summary>
    /// The queued rows about case <paramref name="caseId"/>, oldest first. For a case numbered in this unit of work only the rows
    /// queued in it are looked at (nothing about it can be queued before it existed), so opening a case costs no read of the
    /// outbox; for any other case only its own rows are read, found by a keyed hash of the case number, so an escalation
    /// costs no read of the whole outbox either (which a long Telegram outage can fill). A row that no longer opens is passed
    /// over and counted in <see cref="UnreadableRows"/>.
    /// </summary>
    public IReadOnlyList<OutgoingMessage> AboutCase(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if (_caseMadeHere(caseId))
        {
            return [.. _queuedHere.Values.Where(m => m.CaseId == caseId).OrderBy(m => m.Id, StringComparer.Ordinal)];
        }

        return [.. _rows.OpenReadable(_rows.RecordsByLookup(caseId), _ => UnreadableRows++).Where(m => m.CaseId == caseId)];
    }

    /// <summary>
    /// Gives every queued row about a case that has no case lookup (queued by a version before it) its lookup, so
    /// <see cref="AboutCase"/> finds it; returns how many. Called once at start with the dispatcher's one full read.
    /// </summary>
    public int AddCaseLookups()
    {
        // A row that does not open is passed over: the dispatcher's read counts it.
        var unindexed = _rows.OpenReadable(_rows.Records().Where(r => r.Lookup is null)).Where(m => m.CaseId is not null).ToList();
        foreach (var message in unindexed)
        {
            _rows.Put(message.Id, message, message.CaseId, message.CaseId);
        }

        return unindexed.Count;
    }

    /// <summary>Every queued message, oldest first.</summary>
    /// <remarks>A row whose case was purged meanwhile can never be read or sent; it is passed over (counted in <see cref="UnreadableRows"/>), not allowed to stop the rest.</remarks>
    public IReadOnlyList<OutgoingMessage> All() => _rows.OpenReadable(_rows.Records(), _ => UnreadableRows++);

    /// <summary>The queued message with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its case was purged).</exception>
    public OutgoingMessage? Find(string id) => _rows.Find(id);

    /// <summary>Removes a sent (or given-up) message, and a document's stored bytes; false when there was no such row.</summary>
    public bool Remove(string id)
    {
        var removed = _rows.Delete(id);
        _changes[id] = null;
        _queuedHere.Remove(id);

        // Parts are numbered from 0 without gaps, so the first miss ends them (a row that is not a document costs one miss).
        var part = 0;
        while (_session.Delete(Collections.OutboxFiles, PartId(id, part)))
        {
            part++;
        }

        return removed;
    }

    private static string PartId(string messageId, int part) => string.Create(CultureInfo.InvariantCulture, $"{messageId}.{part}");

    private static RecordAddress PartAddress(string partId) => new(Collections.OutboxFiles, partId, Collections.DataField);
}
