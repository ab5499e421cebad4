using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Evidence;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>The crypto a unit of work needs: seal/open records, keyed lookups, and per-case keys.</summary>
/// <param name="Cipher">Seals and opens record blobs.</param>
/// <param name="Lookups">Keyed hashes for lookups.</param>
/// <param name="EnsureCaseKey">Creates a case's own data key in the unit of work's session if it does not exist yet (idempotent; durable with the unit's commit).</param>
/// <param name="LogSigner">Signs case log checkpoints with the deployment's log key; null only where no case is ever saved (a unit of work that changes a case without it throws).</param>
public sealed record CryptoContext(IRecordCipher Cipher, ILookupHasher Lookups, Action<IRecordSession, string> EnsureCaseKey, NoteSigner? LogSigner = null);

/// <summary>A Telegram message being handled: Telegram's date for it, and the instant the bot handles it at.</summary>
/// <param name="SentAt">Telegram's date of the message, as Telegram gives it (the log keeps Telegram's word beside the server's time).</param>
/// <param name="HandledAt">The unit of work's <c>now</c>: steps taken at this instant come from the message.</param>
public sealed record HandledMessage(DateTimeOffset SentAt, DateTimeOffset HandledAt);

/// <summary>One unit of work over the store: typed stores of sealed records (everything is encrypted before it reaches the backend), new ids, and what happened, for the observer after the commit.</summary>
public sealed class DataSession
{
    private readonly IRecordSession _session;
    private readonly Dictionary<string, Person> _savedSubjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Case> _savedCases = new(StringComparer.Ordinal);
    private readonly List<DomainEvent> _events = [];
    private readonly List<TimerIndexChange> _removed = [];
    private bool _queued;

    /// <summary>A unit of work over <paramref name="session"/> (one backend transaction), sealing with <paramref name="crypto"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DataSession(IRecordSession session, CryptoContext crypto)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(crypto);
        _session = session;
        People = new PeopleStore(session, crypto, person =>
        {
            if (person.Checkin is not null)
            {
                _savedSubjects[person.Id] = person;
            }
        }, id => _removed.Add(new TimerIndexChange(TimerKind.Subject, id, null)));
        Invites = new InviteStore(session, crypto);
        CaseLog = new CaseLogStore(session, crypto, id => People.Peek(id), () => Handling);
        Cases = new CaseStore(session, crypto, @case =>
        {
            _savedCases[@case.Id] = @case;
            CaseLog.Sync(@case);
        }, id => _removed.Add(new TimerIndexChange(TimerKind.Case, id, null)));
        Outbox = new OutboxStore(session, crypto, () => _queued = true, Cases.MadeHere);
        EvidenceFiles = new EvidenceStore(session, crypto);
        EvidenceIntake = new EvidenceIntakeStore(session, crypto);
        CaseReplies = new CaseReplyStore(session, crypto);
        Inbox = new InboxStore(session, crypto);
        Meta = new MetaStore(session, crypto);
        TimerIndex = new TimerIndexStore(session, crypto);
        Pins = new PinVault(crypto.Lookups);

        // A queued deletion rings the outbox like a queued message: the dispatcher sends both.
        Deletions = new DeletionStore(session, crypto, () => _queued = true);
    }

    /// <summary>Enrolled people (subjects' saves are tracked for <see cref="Changes"/>).</summary>
    public PeopleStore People { get; }

    /// <summary>One-time enrollment codes.</summary>
    public InviteStore Invites { get; }

    /// <summary>Cases, each under its own key (saves are tracked for <see cref="Changes"/>).</summary>
    public CaseStore Cases { get; }

    /// <summary>
    /// The Telegram message this unit of work handles, if any (set by the router): the case log gives the person's own steps
    /// taken at its handling instant (a note, an acknowledgement, a read) the message's date as their <c>telegram_date</c>.
    /// </summary>
    public HandledMessage? Handling { get; set; }

    /// <summary>Each case's append-only log and its signed checkpoints (entries are appended when a case is saved).</summary>
    public CaseLogStore CaseLog { get; }

    /// <summary>Messages waiting to be sent (queuing is noted for <see cref="Changes"/>).</summary>
    public OutboxStore Outbox { get; }

    /// <summary>The bytes of evidence files kept with cases, sealed under each case's key.</summary>
    public EvidenceStore EvidenceFiles { get; }

    /// <summary>Evidence files waiting to be downloaded from Telegram.</summary>
    public EvidenceIntakeStore EvidenceIntake { get; }

    /// <summary>Which case each delivered message was about, so a file sent in reply to it goes to that case.</summary>
    public CaseReplyStore CaseReplies { get; }

    /// <summary>Telegram updates received but not handled yet, and failed ones.</summary>
    public InboxStore Inbox { get; }

    /// <summary>Small named values: the Telegram offset, the redemption report.</summary>
    public MetaStore Meta { get; }

    /// <summary>The sealed timer index (every subject's and open case's next look), kept in the unit of work that moves a timer.</summary>
    public TimerIndexStore TimerIndex { get; }

    /// <summary>People and cases deleted in this unit of work, as timer index removals.</summary>
    internal IReadOnlyList<TimerIndexChange> Removed => _removed;

    /// <summary>Hashes and matches subjects' PINs under the keyring.</summary>
    public PinVault Pins { get; }
    /// <summary>Messages in subjects' chats still to be deleted (queuing is noted for <see cref="Changes"/>, as for the outbox).</summary>
    public DeletionStore Deletions { get; }

    /// <summary>The backend session of this unit of work, for the steps that keep records of their own (the case keys).</summary>
    internal IRecordSession Backend => _session;

    /// <summary>A new id "{prefix}{n}" from the named counter.</summary>
    public string NewId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{_session.NextSequence(prefix)}");

    /// <summary>Notes that <paramref name="happened"/>; the observer hears of it only if this unit of work commits.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="happened"/> is null.</exception>
    public void Record(DomainEvent happened)
    {
        ArgumentNullException.ThrowIfNull(happened);
        _events.Add(happened);
    }

    /// <summary>Signs a checkpoint for every case whose log grew in this unit of work; the store calls it just before the commit.</summary>
    /// <exception cref="InvalidOperationException">A case log grew but there is no log key.</exception>
    public void Seal() => CaseLog.SignGrown();

    /// <summary>What this unit of work saved: subjects, cases with their subject's escalation overrides, whether it queued messages, and what happened.</summary>
    public StoreChanges Changes()
    {
        var cases = _savedCases.Values
            .Select(c => (Case: c, (_savedSubjects.GetValueOrDefault(c.SubjectId) ?? People.Find(c.SubjectId))?.Policy))
            .ToList();

        // A subject's policy times its open cases: a subject saved without its case (an admin's `policy`) moves their timers too.
        foreach (var subject in _savedSubjects.Values)
        {
            foreach (var caseId in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
            {
                if (!_savedCases.ContainsKey(caseId) && Cases.Find(caseId) is { } @case)
                {
                    cases.Add((@case, subject.Policy));
                }
            }
        }

        return new StoreChanges([.. _savedSubjects.Values], cases, _queued, [.. _events]) { Outbox = Outbox.Changes };
    }
}
