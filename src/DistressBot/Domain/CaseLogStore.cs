using System.Globalization;
using DistressBot.Evidence;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Where a case's log stands: how many entries, how many checkpoints were signed, and when the last one was.</summary>
public sealed class CaseLogHead
{
    /// <summary>Number of entries (the tree size).</summary>
    public long Size { get; set; }

    /// <summary>Number of checkpoints signed so far (the next one's index).</summary>
    public int Checkpoints { get; set; }

    /// <summary>When the last checkpoint was signed; null before the first.</summary>
    public DateTimeOffset? LastCheckpointAt { get; set; }

    /// <summary>The tree's right edge (<see cref="CompactRange.Peaks"/>), so a checkpoint is signed without reading the entries; empty for a log that has none.</summary>
    public List<byte[]> Peaks { get; set; } = [];
}

/// <summary>A place a signed checkpoint was sent or written to.</summary>
/// <param name="Where">"lawyer", "coordinator", "admin", "witness-directory", "witness" or "timestamp".</param>
/// <param name="Detail">The recipient's alias or the service's address; null when none.</param>
/// <param name="At">When it left (for a person: when it was queued for them).</param>
public sealed record CheckpointSent(string Where, string? Detail, DateTimeOffset At);

/// <summary>One signed checkpoint of a case's log (C2SP tlog-checkpoint in a signed note), and where it went.</summary>
public sealed class CheckpointRecord
{
    /// <summary>The case number.</summary>
    public required string CaseId { get; init; }

    /// <summary>Its position among the case's checkpoints, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The tree size it commits to.</summary>
    public required long Size { get; init; }

    /// <summary>The signed note, exactly as signed (text, blank line, signature line).</summary>
    public required string Note { get; init; }

    /// <summary>When it was signed.</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>Why: "step" (the case changed), "hourly", "request" (/checkpoint), "export", "resolved".</summary>
    public required string Reason { get; init; }

    /// <summary>Where it went.</summary>
    public List<CheckpointSent> Sent { get; init; } = [];

    /// <summary>The witness's cosignature lines as returned, LF-ended; null when none.</summary>
    public string? Cosignatures { get; set; }

    /// <summary>The witness verifier key the cosignatures are under; null when none.</summary>
    public string? WitnessKey { get; set; }

    /// <summary>The RFC 3161 TimeStampToken (DER) over SHA-256 of <see cref="Note"/>'s UTF-8 bytes; null when none.</summary>
    public byte[]? TimestampToken { get; set; }

    /// <summary>The record id "C-0042:000003".</summary>
    public string Id => CaseLogStore.CheckpointId(CaseId, Index);
}

/// <summary>
/// Each case's append-only log (docs/evidence.md): the case's timeline steps as canonical entries (<see cref="CaseLogEntry"/>),
/// one record each, sealed under the case's own key, and the checkpoints signed over them with the deployment's log key.
/// </summary>
/// <remarks>
/// Entries are only ever added: <see cref="Sync"/> appends the timeline steps the log does not hold yet, in the unit of
/// work that saves the case, and refuses a timeline that lost steps. A purge of the case key shreds entries and
/// checkpoints with the case.
/// </remarks>
public sealed class CaseLogStore
{
    private readonly SealedCollection<string> _entries;
    private readonly SealedCollection<CaseLogHead> _heads;
    private readonly SealedCollection<CheckpointRecord> _checkpoints;
    private readonly SealedCollection<string> _publish;
    private readonly Func<string, Person?> _people;
    private readonly Func<HandledMessage?> _handling;
    private readonly NoteSigner? _signer;
    private readonly Dictionary<string, DateTimeOffset> _grown = new(StringComparer.Ordinal);

    // Heads read or written in this unit of work: the commit signs each grown log right after its entries were added, and
    // reading the head it just wrote back from the store would cost a read and an open per case.
    private readonly Dictionary<string, CaseLogHead> _headsHere = new(StringComparer.Ordinal);

    internal CaseLogStore(IRecordSession session, CryptoContext crypto, Func<string, Person?> people, Func<HandledMessage?> handling)
    {
        _handling = handling;
        _entries = new SealedCollection<string>(session, crypto, Collections.CaseLog);
        _heads = new SealedCollection<CaseLogHead>(session, crypto, Collections.CaseLogHeads);
        _checkpoints = new SealedCollection<CheckpointRecord>(session, crypto, Collections.Checkpoints);
        _publish = new SealedCollection<string>(session, crypto, Collections.CheckpointQueue);
        _people = people;
        _signer = crypto.LogSigner;
    }

    /// <summary>The verifier key of the log key (signed-note form), or null when this unit of work has no log key.</summary>
    public string? VerifierKey => _signer?.VerifierKey;

    /// <summary>The checkpoint origin line of case <paramref name="caseId"/>: "&lt;key name&gt;/C-0042".</summary>
    /// <exception cref="InvalidOperationException">No log key.</exception>
    public string Origin(string caseId) => RequireSigner().KeyName + "/" + caseId;

    /// <summary>Where the case's log stands (an empty head for a case never logged).</summary>
    public CaseLogHead Head(string caseId)
    {
        if (!_headsHere.TryGetValue(caseId, out var head))
        {
            head = _heads.Find(caseId) ?? new CaseLogHead();
            _headsHere[caseId] = head;
        }

        return head;
    }

    /// <summary>The canonical bytes of every entry of the case's log, in order (line i is leaf i).</summary>
    /// <exception cref="Crypto.RecordIntegrityException">An entry does not open (damaged, or the case was purged).</exception>
    public IReadOnlyList<byte[]> Entries(string caseId)
    {
        var size = Head(caseId).Size;
        var entries = new List<byte[]>((int)size);
        for (long i = 0; i < size; i++)
        {
            var text = _entries.Find(EntryId(caseId, i)) ?? throw new InvalidOperationException($"Entry {i} of case {caseId}'s log is missing.");
            entries.Add(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return entries;
    }

    /// <summary>Every checkpoint of the case, oldest first.</summary>
    public IReadOnlyList<CheckpointRecord> Checkpoints(string caseId)
    {
        var count = Head(caseId).Checkpoints;
        return [.. Enumerable.Range(0, count).Select(i => _checkpoints.Find(CheckpointId(caseId, i))).OfType<CheckpointRecord>()];
    }

    /// <summary>The case's latest checkpoint, or null before the first.</summary>
    public CheckpointRecord? Latest(string caseId) =>
        Head(caseId) is { Checkpoints: > 0 } head ? _checkpoints.Find(CheckpointId(caseId, head.Checkpoints - 1)) : null;

    /// <summary>One checkpoint by record id, or null.</summary>
    public CheckpointRecord? FindCheckpoint(string id) => _checkpoints.Find(id);

    /// <summary>Stores a changed checkpoint record (where it went, cosignatures, timestamp); the note itself never changes.</summary>
    /// <exception cref="InvalidOperationException">The record is not stored, or its note differs from the stored one.</exception>
    public void Update(CheckpointRecord checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var stored = _checkpoints.Find(checkpoint.Id) ?? throw new InvalidOperationException($"No checkpoint {checkpoint.Id}.");
        if (stored.Note != checkpoint.Note || stored.Size != checkpoint.Size)
        {
            throw new InvalidOperationException("A signed checkpoint never changes; only where it went is added.");
        }

        _checkpoints.Put(checkpoint.Id, checkpoint, caseId: checkpoint.CaseId);
    }

    /// <summary>Ids of checkpoints still to be written to the witness directory, witness and timestamp authority, oldest first.</summary>
    public IReadOnlyList<string> ToPublish() => [.. _publish.Records().Select(r => r.Id)];

    /// <summary>Takes a checkpoint off the publishing queue (every configured place has it).</summary>
    public bool Published(string id) => _publish.Delete(id);

    /// <summary>Appends to the case's log the timeline steps it does not hold yet; called by the case store on every save.</summary>
    /// <exception cref="InvalidOperationException">The timeline holds fewer steps than the log: a step was removed, which the log never allows.</exception>
    internal void Sync(Case @case)
    {
        var head = Head(@case.Id);
        if (@case.Timeline.Count < head.Size)
        {
            throw new InvalidOperationException($"Case {@case.Id}'s timeline lost steps its log holds; a log only grows.");
        }

        if (@case.Timeline.Count == head.Size)
        {
            return;
        }

        var subject = _people(@case.SubjectId);
        var range = CompactRange.Restore((ulong)head.Size, head.Peaks);
        for (var i = (int)head.Size; i < @case.Timeline.Count; i++)
        {
            var entry = CaseLogEntries.From(@case, i, subject, _people, _handling()).ToBytes();
            _entries.Put(EntryId(@case.Id, i), System.Text.Encoding.UTF8.GetString(entry), caseId: @case.Id);
            range.Append(entry);
        }

        head.Size = @case.Timeline.Count;
        head.Peaks = [.. range.Peaks];
        _heads.Put(@case.Id, head, caseId: @case.Id);
        _grown[@case.Id] = @case.Timeline[^1].At;
    }

    /// <summary>Signs a checkpoint for each case whose log grew in this unit of work (at its last entry's time); the unit of work calls it before it commits.</summary>
    /// <exception cref="InvalidOperationException">No log key: a case log is never left unsigned.</exception>
    internal void SignGrown()
    {
        foreach (var (caseId, at) in _grown)
        {
            Sign(caseId, at, "step");
        }

        _grown.Clear();
    }

    /// <summary>Signs a checkpoint over the case's whole log now and queues it for the witness directory, witness and timestamp authority.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="now">When it is signed.</param>
    /// <param name="reason">Why (see <see cref="CheckpointRecord.Reason"/>).</param>
    /// <exception cref="InvalidOperationException">No log key, or the case has no log.</exception>
    public CheckpointRecord Sign(string caseId, DateTimeOffset now, string reason)
    {
        var signer = RequireSigner();
        var head = Head(caseId);
        if (head.Size == 0)
        {
            throw new InvalidOperationException($"Case {caseId} has no log to sign.");
        }

        var root = CompactRange.Restore((ulong)head.Size, head.Peaks).RootHash();
        var text = new Checkpoint(Origin(caseId), (ulong)head.Size, root).ToText();
        var record = new CheckpointRecord
        {
            CaseId = caseId,
            Index = head.Checkpoints,
            Size = head.Size,
            Note = signer.Sign(text),
            SignedAt = now,
            Reason = reason,
        };
        _checkpoints.Put(record.Id, record, caseId: caseId);
        _grown.Remove(caseId); // signed over everything so far: the commit need not sign again
        head.Checkpoints++;
        head.LastCheckpointAt = now;
        _heads.Put(caseId, head, caseId: caseId);
        _publish.Put(record.Id, record.Id);
        return record;
    }

    /// <summary>Deletes the case's log, checkpoints and queued publications (a purge: the case key is destroyed next, which shreds any copy left in a backup); returns how many entries there were.</summary>
    /// <exception cref="Crypto.RecordIntegrityException">The log's head does not open (already shredded or damaged): nothing deleted.</exception>
    public long Delete(string caseId)
    {
        var head = Head(caseId);
        for (long i = 0; i < head.Size; i++)
        {
            _entries.Delete(EntryId(caseId, i));
        }

        for (var i = 0; i < head.Checkpoints; i++)
        {
            _checkpoints.Delete(CheckpointId(caseId, i));
            _publish.Delete(CheckpointId(caseId, i));
        }

        _heads.Delete(caseId);
        _headsHere.Remove(caseId);
        _grown.Remove(caseId);
        return head.Size;
    }

    /// <summary>The record id of entry <paramref name="index"/> of a case's log: "C-0042:00000017".</summary>
    public static string EntryId(string caseId, long index) => string.Create(CultureInfo.InvariantCulture, $"{caseId}:{index:D8}");

    /// <summary>The record id of checkpoint <paramref name="index"/> of a case: "C-0042:000003".</summary>
    public static string CheckpointId(string caseId, int index) => string.Create(CultureInfo.InvariantCulture, $"{caseId}:{index:D6}");

    private NoteSigner RequireSigner() =>
        _signer ?? throw new InvalidOperationException("No log key: case logs cannot be signed. Open the keyring with its log key (distressbot keys status).");
}
