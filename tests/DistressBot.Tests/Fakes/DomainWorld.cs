using System.Security.Cryptography;
using System.Text;
using DistressBot.Checkins;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Fakes;

/// <summary>The domain over an in-memory store and a fake clock: each <see cref="Run{T}"/> is one unit of work, as on the store's thread.</summary>
/// <remarks>Records are "sealed" by a test cipher that binds each blob to its address but does not encrypt; crypto has its own tests.</remarks>
public sealed class DomainWorld
{
    private long _nextTelegramId = 1000;

    /// <summary>Starts at <paramref name="start"/> (UTC) with test rules: 5-minute minimum interval, 15-minute reminder lead.</summary>
    public DomainWorld(DateTimeOffset? start = null, BotRules? rules = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        Rules = rules ?? new BotRules(
            Language.En,
            "UTC",
            TimeSpan.FromHours(24),
            new ScheduleRules(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2)),
            TimeSpan.FromMinutes(15),
            new EscalationPolicy(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)));
    }

    /// <summary>The store's records.</summary>
    public InMemoryRecordSession Store { get; } = new();

    /// <summary>Domain time.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The rules every step runs by.</summary>
    public BotRules Rules { get; }

    /// <summary>Now, by the fake clock.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Runs one unit of work at the fake clock's now.</summary>
    public T Run<T>(Func<DataSession, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(new DataSession(Store, new CryptoContext(new AddressBoundCipher(), new HashLookups(), _ => { })));
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

    /// <summary>Enrols a coordinator.</summary>
    public Person Coordinator(string name = "Nina") => Run(db => Enrol(db, Role.Coordinator, name, null));

    /// <summary>Enrols a subject of <paramref name="coordinator"/>.</summary>
    public Person Subject(Person coordinator, string name = "Salek") => Run(db => Enrol(db, Role.Subject, name, db.Person(coordinator.Id)));

    /// <summary>The person as stored now.</summary>
    public Person Person(string id) => Run(db => db.Person(id)) ?? throw new InvalidOperationException("No person " + id);

    /// <summary>Texts queued to <paramref name="person"/>, oldest first.</summary>
    public IReadOnlyList<string> TextsTo(Person person) =>
        Run(db => db.Outbox().Where(m => m.PersonId == person.Id).Select(m => m.Text).ToList());

    private Person Enrol(DataSession db, Role role, string name, Person? coordinator)
    {
        var person = new Person
        {
            Id = db.NewId("p"),
            Role = role,
            TelegramUserId = _nextTelegramId,
            ChatId = _nextTelegramId++,
            Name = name,
            Language = Language.En,
            TimeZone = "UTC",
            EnrolledAt = Now,
        };
        if (coordinator is not null)
        {
            person.Checkin = new CheckinState();
            person.CoordinatorIds.Add(coordinator.Id);
            coordinator.SubjectIds.Add(person.Id);
            db.Save(coordinator);
        }

        db.Save(person);
        return person;
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
