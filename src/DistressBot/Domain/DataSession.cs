using System.Globalization;
using System.Text.Json;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>The crypto a unit of work needs: seal/open records, keyed lookups, and per-case keys.</summary>
/// <param name="Cipher">Seals and opens record blobs.</param>
/// <param name="Lookups">Keyed hashes for lookups.</param>
/// <param name="EnsureCaseKey">Creates a case's own data key if it does not exist yet (idempotent, durable).</param>
public sealed record CryptoContext(IRecordCipher Cipher, ILookupHasher Lookups, Action<string> EnsureCaseKey);

/// <summary>Typed, sealed access to the store inside one unit of work: everything is encrypted before it reaches the backend.</summary>
public sealed class DataSession(IRecordSession session, CryptoContext crypto)
{
    private readonly Dictionary<string, Person> _savedSubjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Case> _savedCases = new(StringComparer.Ordinal);
    private readonly List<DomainEvent> _events = [];
    private readonly HashSet<long> _notEnrolled = [];
    private bool _queued;

    /// <summary>The raw session (for maintenance such as re-encryption).</summary>
    public IRecordSession Raw => session;

    /// <summary>A new id "{prefix}{n}" from the named counter.</summary>
    public string NewId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{session.NextSequence(prefix)}");

    /// <summary>The person enrolled with this Telegram user id, or null.</summary>
    /// <remarks>A miss is remembered until a person is saved: a flood of strangers costs one keyed lookup per sender and unit of work.</remarks>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Person? PersonByTelegramUser(long userId)
    {
        if (_notEnrolled.Contains(userId))
        {
            return null;
        }

        var person = Open<Person>(session.FindByLookup(Collections.People, TelegramUserLookup(userId)));
        if (person is null)
        {
            _notEnrolled.Add(userId);
        }

        return person;
    }

    /// <summary>The person with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Person? Person(string id) => Open<Person>(session.Find(Collections.People, id));

    /// <summary>Every enrolled person.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed).</exception>
    public IEnumerable<Person> People() => session.All(Collections.People).Select(r => Open<Person>(r)!);

    /// <summary>Stores a person, findable by Telegram user id.</summary>
    public void Save(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        _notEnrolled.Clear();
        Seal(Collections.People, person.Id, person, TelegramUserLookup(person.TelegramUserId));
        if (person.Checkin is not null)
        {
            _savedSubjects[person.Id] = person;
        }
    }

    /// <summary>The invite for a code, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Invite? InviteByCode(string code) =>
        Open<Invite>(session.FindByLookup(Collections.Invites, crypto.Lookups.Compute(Collections.InviteCodeLookup, code)));

    /// <summary>Stores a new invite findable by <paramref name="code"/>.</summary>
    public void Insert(Invite invite, string code) =>
        Seal(Collections.Invites, invite.Id, invite, crypto.Lookups.Compute(Collections.InviteCodeLookup, code));

    /// <summary>Updates an existing invite, keeping its lookup.</summary>
    /// <exception cref="InvalidOperationException">No invite with this id is stored.</exception>
    public void Update(Invite invite)
    {
        var existing = session.Find(Collections.Invites, invite.Id)
            ?? throw new InvalidOperationException($"Invite {invite.Id} does not exist.");
        Seal(Collections.Invites, invite.Id, invite, existing.Lookup);
    }

    /// <summary>Every invite.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed).</exception>
    public IEnumerable<Invite> Invites() => session.All(Collections.Invites).Select(r => Open<Invite>(r)!);

    /// <summary>Deletes an invite record.</summary>
    public void DeleteInvite(string id) => session.Delete(Collections.Invites, id);

    /// <summary>A new case number "C-0042" whose own key exists.</summary>
    public string NewCaseId()
    {
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"C-{session.NextSequence("case"):D4}");
            try
            {
                crypto.EnsureCaseKey(id);
                return id;
            }
            catch (InvalidOperationException)
            {
                // That number belonged to a purged case (a database restored from before the purge): never reuse it.
            }
        }
    }

    /// <summary>The case with this number, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or the case was purged and its key destroyed).</exception>
    public Case? Case(string id) => Open<Case>(session.Find(Collections.Cases, id));

    /// <summary>Stores a case under its own key.</summary>
    public void Save(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        Seal(Collections.Cases, @case.Id, @case, lookup: null, caseId: @case.Id);
        _savedCases[@case.Id] = @case;
    }

    /// <summary>Queues a message; it is sent after this unit of work commits.</summary>
    public void Enqueue(OutgoingMessage message)
    {
        message.Id = string.Create(CultureInfo.InvariantCulture, $"o{session.NextSequence("outbox"):D12}");
        message.Text = OutgoingMessage.Fit(message.Text);

        // Sealed under the case's own key, so purging a case also makes its queued and freed alert rows unreadable.
        Seal(Collections.Outbox, message.Id, message, lookup: null, caseId: message.CaseId);
        _queued = true;
    }

    /// <summary>Stores an outbox message again (after a failed attempt).</summary>
    public void Update(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Seal(Collections.Outbox, message.Id, message, lookup: null, caseId: message.CaseId);
    }

    /// <summary>Every queued message, oldest first.</summary>
    /// <remarks>A row whose case was purged meanwhile can never be read or sent; it is passed over, not allowed to stop the rest.</remarks>
    public IReadOnlyList<OutgoingMessage> Outbox()
    {
        var messages = new List<OutgoingMessage>();
        foreach (var record in session.All(Collections.Outbox))
        {
            try
            {
                messages.Add(Open<OutgoingMessage>(record)!);
            }
            catch (RecordIntegrityException)
            {
                UnreadableOutboxRows++;
            }
        }

        return messages;
    }

    /// <summary>Outbox rows passed over by <see cref="Outbox"/> because they no longer open.</summary>
    public int UnreadableOutboxRows { get; private set; }

    /// <summary>The queued message with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its case was purged).</exception>
    public OutgoingMessage? OutboxMessage(string id) => Open<OutgoingMessage>(session.Find(Collections.Outbox, id));

    /// <summary>Removes a sent (or given-up) message.</summary>
    public void RemoveFromOutbox(string id) => session.Delete(Collections.Outbox, id);

    /// <summary>Stores a received update (its raw JSON) before it is handled.</summary>
    public void SaveInbound(long updateId, string json) =>
        SealBytes(Collections.Inbox, InboxId(updateId), JsonSerializer.SerializeToUtf8Bytes(json, StoreJson.Options), null);

    /// <summary>Received updates not handled yet, in update id order.</summary>
    public IReadOnlyList<(long UpdateId, string Json)> Inbound() =>
        [.. session.All(Collections.Inbox).Select(r => (long.Parse(r.Id, CultureInfo.InvariantCulture), Open<string>(r)!))];

    /// <summary>Marks an update handled.</summary>
    public void RemoveInbound(long updateId) => session.Delete(Collections.Inbox, InboxId(updateId));

    /// <summary>Moves an update that kept failing aside for the admin.</summary>
    public void MoveInboundToFailed(long updateId, string json, string error)
    {
        Seal(Collections.FailedUpdates, InboxId(updateId), new FailedUpdate(json, error), null);
        RemoveInbound(updateId);
    }

    /// <summary>A stored number (the Telegram offset), or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public long? MetaNumber(string key) => Open<long?>(session.Find(Collections.Meta, key));

    /// <summary>Stores a number.</summary>
    public void SetMetaNumber(string key, long value) => Seal(Collections.Meta, key, value, null);

    /// <summary>Removes a stored value.</summary>
    public void DeleteMeta(string key) => session.Delete(Collections.Meta, key);

    /// <summary>Notes that <paramref name="happened"/>; the observer hears of it only if this unit of work commits.</summary>
    public void Record(DomainEvent happened)
    {
        ArgumentNullException.ThrowIfNull(happened);
        _events.Add(happened);
    }

    /// <summary>The admin's report on enrollment codes that did not work; an empty one when none was stored.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public RedemptionReport RedemptionReport() =>
        Open<RedemptionReport>(session.Find(Collections.Meta, Domain.RedemptionReport.StoreKey)) ?? new RedemptionReport();

    /// <summary>Stores the report on enrollment codes that did not work (one small record, replaced in place).</summary>
    public void Save(RedemptionReport report) => Seal(Collections.Meta, Domain.RedemptionReport.StoreKey, report, null);

    /// <summary>What this unit of work saved: subjects, cases with their subject's escalation overrides, whether it queued messages, and what happened.</summary>
    public StoreChanges Changes()
    {
        var cases = _savedCases.Values
            .Select(c => (Case: c, (_savedSubjects.GetValueOrDefault(c.SubjectId) ?? Person(c.SubjectId))?.Policy))
            .ToList();

        // A subject's policy times its open cases: a subject saved without its case (an admin's `policy`) moves their timers too.
        foreach (var subject in _savedSubjects.Values)
        {
            foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
            {
                if (!_savedCases.ContainsKey(caseId) && Case(caseId) is { } @case)
                {
                    cases.Add((@case, subject.Policy));
                }
            }
        }

        return new StoreChanges([.. _savedSubjects.Values], cases, _queued, [.. _events]);
    }

    private static string InboxId(long updateId) => updateId.ToString("D19", CultureInfo.InvariantCulture);

    private byte[] TelegramUserLookup(long userId) =>
        crypto.Lookups.Compute(Collections.TelegramUserLookup, userId.ToString(CultureInfo.InvariantCulture));

    private T? Open<T>(StoredRecord? record)
    {
        if (record is null)
        {
            return default;
        }

        var plain = crypto.Cipher.Open(record.Blob, new RecordAddress(record.Collection, record.Id, Collections.DataField));
        return JsonSerializer.Deserialize<T>(plain, StoreJson.Options);
    }

    private void Seal<T>(string collection, string id, T value, byte[]? lookup, string? caseId = null) =>
        SealBytes(collection, id, JsonSerializer.SerializeToUtf8Bytes(value, StoreJson.Options), lookup, caseId);

    private void SealBytes(string collection, string id, byte[] plain, byte[]? lookup, string? caseId = null)
    {
        var blob = crypto.Cipher.Seal(plain, new RecordAddress(collection, id, Collections.DataField), caseId);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
        session.Put(new StoredRecord(collection, id, lookup, blob));
    }

    private sealed record FailedUpdate(string Json, string Error);
}
