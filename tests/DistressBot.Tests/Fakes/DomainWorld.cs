using System.Security.Cryptography;
using System.Text;
using DistressBot.Checkins;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Messages;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace DistressBot.Tests.Fakes;

/// <summary>
/// The domain over an in-memory store, a fake clock and a test cipher: the one fixture for domain unit tests. Each
/// <see cref="Run{T}"/> is one unit of work, as on the store's thread; <see cref="Db"/> is one session held across steps
/// for tests that drive processors by hand; <see cref="Bot"/> is the store as the host sees it, with commit and rollback.
/// </summary>
/// <remarks>Records are "sealed" by a test cipher that binds each blob to its address but does not encrypt; crypto has its own tests.</remarks>
public sealed class DomainWorld
{
    private long _nextTelegramId = 1000;
    private int _nextMessageId = 100;
    private DataSession? _db;
    private CryptoContext? _crypto;
    private CaseChain? _chain;

    /// <summary>Starts at <paramref name="start"/> (UTC, default 2 Nov 2026 09:00) with <paramref name="rules"/> (default <see cref="TestRules"/>).</summary>
    public DomainWorld(DateTimeOffset? start = null, BotRules? rules = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        Rules = rules ?? TestRules();
    }

    /// <summary>The store's records.</summary>
    public InMemoryRecordSession Store { get; } = new();

    /// <summary>The test cipher and lookups every session uses; every case key exists; case logs are signed by <see cref="LogKey"/>.</summary>
    public CryptoContext Crypto => _crypto ??= new(new AddressBoundCipher(), new HashLookups(), (_, _) => { }, new NoteSigner(LogKeyName, LogKey));

    /// <summary>The key name of the world's log key.</summary>
    public const string LogKeyName = "distressbot-test";

    /// <summary>The world's log key (Ed25519), made fresh for each world.</summary>
    public Key LogKey { get; } = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    /// <summary>Domain time.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The rules every step runs by.</summary>
    public BotRules Rules { get; }

    /// <summary>Now, by the fake clock.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>One session over <see cref="Store"/> kept for the whole test, for tests that call processors step by step.</summary>
    public DataSession Db => _db ??= new DataSession(Store, Crypto);

    /// <summary>The people of <see cref="WithCaseChain"/>; only there.</summary>
    public CaseChain Chain => _chain ?? throw new InvalidOperationException("This world has no case chain: start it with DomainWorld.WithCaseChain().");

    /// <summary>Test rules: 5-minute minimum interval, 2-minute minimum grace, 15-minute reminder lead, escalation 15/10/30 minutes.</summary>
    public static BotRules TestRules(string timeZone = "UTC") => new(
        Language.En,
        timeZone,
        TimeSpan.FromHours(24),
        new ScheduleRules(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2)),
        TimeSpan.FromMinutes(15),
        new EscalationPolicy(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)));

    /// <summary>
    /// Salek (a subject) with coordinators Nina and Olga (level 1) and backup coordinator Boris (level 2), all reading English
    /// in Moscow time, under the default settings; the clock stands at <see cref="CaseChain.Opening"/>, when Salek's 14:00
    /// Moscow deadline and its 30 minutes' grace have passed.
    /// </summary>
    public static DomainWorld WithCaseChain()
    {
        var world = new DomainWorld(CaseChain.Opening, new BotSettings().ToRules());
        world._chain = world.Run(db =>
        {
            var nina = world.Enrol(db, Role.Coordinator, "Nina", "Europe/Moscow");
            var olga = world.Enrol(db, Role.Coordinator, "Olga", "Europe/Moscow");
            var boris = world.Enrol(db, Role.Coordinator, "Boris", "Europe/Moscow");
            var salek = world.Enrol(db, Role.Subject, "Salek", "Europe/Moscow");
            salek.CoordinatorIds.AddRange([nina.Id, olga.Id]);
            salek.BackupCoordinatorIds.Add(boris.Id);
            salek.Checkin = new CheckinState
            {
                Schedule = Schedule.Interval(TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)),
                ScheduleSetAt = CaseChain.Opening - TimeSpan.FromMinutes(150),
                OwedDeadline = CaseChain.Opening - TimeSpan.FromMinutes(30),
            };
            nina.SubjectIds.Add(salek.Id);
            olga.SubjectIds.Add(salek.Id);
            boris.BackupSubjectIds.Add(salek.Id);
            foreach (var person in new[] { nina, olga, boris, salek })
            {
                db.People.Save(person);
            }

            return new CaseChain(nina, olga, boris, salek);
        });
        return world;
    }

    /// <summary>A person as enrolment makes one, not yet saved.</summary>
    public static Person NewPerson(string id, Role role, long telegramId, string name, string timeZone, DateTimeOffset enrolledAt) => new()
    {
        Id = id,
        Role = role,
        TelegramUserId = telegramId,
        ChatId = telegramId,
        Name = name,
        Language = Language.En,
        TimeZone = timeZone,
        EnrolledAt = enrolledAt,
    };

    /// <summary>Runs one unit of work at the fake clock's now.</summary>
    public T Run<T>(Func<DataSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var db = new DataSession(Store, Crypto);
        var result = work(db);
        db.Seal();
        return result;
    }

    /// <summary>Runs one unit of work at the fake clock's now.</summary>
    public void Run(Action<DataSession> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(db =>
        {
            work(db);
            return 0;
        });
    }

    /// <summary>The store as the host sees it, over <see cref="Store"/>: a unit that throws leaves nothing, <paramref name="observer"/> hears each commit.</summary>
    public BotStore Bot(IStoreObserver? observer = null) =>
        new(new InMemoryRecordStore(Store), Crypto) { Observer = observer };

    /// <summary>Enrols a coordinator.</summary>
    public Person Coordinator(string name = "Nina") => Run(db => Enrol(db, Role.Coordinator, name, "UTC"));

    /// <summary>Enrols a subject of <paramref name="coordinator"/>.</summary>
    public Person Subject(Person coordinator, string name = "Salek") => Run(db =>
    {
        var subject = Enrol(db, Role.Subject, name, "UTC");
        var stored = db.People.Find(coordinator.Id)!;
        subject.CoordinatorIds.Add(stored.Id);
        stored.SubjectIds.Add(subject.Id);
        db.People.Save(stored);
        db.People.Save(subject);
        return subject;
    });

    /// <summary>The person as stored now.</summary>
    public Person Person(string id) => Run(db => db.People.Find(id)) ?? throw new InvalidOperationException("No person " + id);

    /// <summary>The person as stored now.</summary>
    public Person Fresh(Person person) => Person(person.Id);

    /// <summary>The case as stored now.</summary>
    public Case Case(string id) => Run(db => db.Cases.Find(id)) ?? throw new InvalidOperationException("No case " + id);

    /// <summary><paramref name="subject"/>'s owed deadline is missed at the clock's now: the deadline monitor's step opens (or joins) their case, which is returned.</summary>
    public Case MissDeadline(Person subject)
    {
        DeadlineProcessor.Process(Db, subject.Id, Now, Rules);
        Db.Seal();
        return Case(Fresh(subject).Checkin!.OpenCaseId ?? throw new InvalidOperationException("No case was opened."));
    }

    /// <summary>Queued rows for <paramref name="person"/>, oldest first.</summary>
    public List<OutgoingMessage> Queued(Person person) => Run(db => db.Outbox.All().Where(m => m.PersonId == person.Id).ToList());

    /// <summary>
    /// Texts queued to <paramref name="person"/>, oldest first, worded as the dispatcher would word them now for the person as
    /// stored now, views from the state now (a case alert or status edit, worded from its case when delivered, reads as its stored text).
    /// </summary>
    public IReadOnlyList<string> TextsTo(Person person)
    {
        var reader = Reader.Of(Fresh(person), Rules.CoverWording);
        return [.. Queued(person).Select(m => m.Content switch
        {
            { Kind: MessageKind.Texts } content => OutgoingMessage.Fit(Wording.Render(content, reader)),
            { Kind: MessageKind.CaseView or MessageKind.OpenCases } => Run(db => OutboxRenderer.Prepare(db, m.Id, Now, Rules.DefaultLanguage)).Ready?.Text ?? "",
            _ => m.Text,
        })];
    }

    /// <summary>
    /// What the dispatcher does at <paramref name="now"/> when Telegram accepts everything: every due row in send order,
    /// its words chosen as it goes; rows for <paramref name="unreachable"/> stay queued. Returns what was sent or edited.
    /// </summary>
    public List<Sent> Deliver(DateTimeOffset now, params Person[] unreachable)
    {
        var sent = new List<Sent>();
        var skip = unreachable.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        while (Db.Outbox.All().Where(m => !skip.Contains(m.PersonId ?? "")).OrderBy(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault() is { } row)
        {
            var (ready, _, _) = OutboxRenderer.Prepare(Db, row.Id, now, Rules.DefaultLanguage, Rules.CoverWording);
            if (ready is null)
            {
                continue;
            }

            Db.Outbox.Remove(row.Id);
            if (row.EditMessageId is { } edited)
            {
                CaseMessages.Edited(Db, row, ready);
                sent.Add(new Sent(row, ready, edited));
            }
            else
            {
                var id = ++_nextMessageId;
                CaseMessages.Delivered(Db, row, ready, id, now, now);
                Db.CaseReplies.Delivered(row, id);
                sent.Add(new Sent(row, ready, id));
            }
        }

        Db.Seal();
        return sent;
    }

    private Person Enrol(DataSession db, Role role, string name, string timeZone)
    {
        var telegramId = _nextTelegramId++;
        var person = NewPerson(db.NewId("p"), role, telegramId, name, timeZone, Now);
        if (role == Role.Subject)
        {
            person.Checkin = new CheckinState();
        }

        db.People.Save(person);
        return person;
    }

    /// <summary>A message the fake dispatcher sent (or an edit it made) with Telegram's message id.</summary>
    public sealed record Sent(OutgoingMessage Row, ReadyMessage Ready, int MessageId)
    {
        /// <summary>True when this was an edit of an earlier copy.</summary>
        public bool IsEdit => Row.EditMessageId is not null;
    }

    private sealed class AddressBoundCipher : IRecordCipher
    {
        public byte[] Seal(ReadOnlySpan<byte> plaintext, RecordAddress address, string? caseId = null) =>
            [.. Encoding.UTF8.GetBytes(address + "\n"), .. plaintext];

        public byte[] Open(ReadOnlySpan<byte> blob, RecordAddress address)
        {
            var prefix = Encoding.UTF8.GetBytes(address + "\n");
            return blob.StartsWith(prefix) ? blob[prefix.Length..].ToArray() : throw new RecordIntegrityException(address, "bound to another address");
        }

        public bool IsSealedWithCurrentKey(ReadOnlySpan<byte> blob) => true;
    }

    private sealed class HashLookups : ILookupHasher
    {
        public byte[] Compute(string purpose, string value) => SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\0" + value));
    }
}
