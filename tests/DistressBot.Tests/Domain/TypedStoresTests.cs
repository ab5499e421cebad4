using System.Reflection;
using System.Text;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Storage;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Domain;

/// <summary>The typed stores of a <see cref="DataSession"/> over the in-memory session, with a real keyring and real case keys.</summary>
public sealed class TypedStoresTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly CaseKeyStore _caseKeys;
    private readonly CryptoContext _crypto;

    public TypedStoresTests()
    {
        _keyring = _folders.NewKeyFileKeyring(out _);
        _caseKeys = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        _crypto = new CryptoContext(_keyring.Cipher, _keyring.Lookups, _caseKeys.Create);
    }

    /// <summary>The records as the backend sees them, shared by every unit of work of a test.</summary>
    private InMemoryRecordSession Records { get; } = new();

    public void Dispose()
    {
        _caseKeys.Dispose();
        _keyring.Dispose();
        _folders.Dispose();
    }

    [Fact]
    public void PeopleFindByTelegramUser_SavedPerson_IsFoundByAKeyedHashNotTheIdInTheClear()
    {
        var db = NewSession();
        db.People.Save(NewPerson("p1", 4242, "Salek"));

        Assert.Equal("p1", NewSession().People.FindByTelegramUser(4242)?.Id);
        Assert.Null(NewSession().People.FindByTelegramUser(4243));
        var stored = Assert.Single(Records.All(Collections.People));
        Assert.NotNull(stored.Lookup);
        Assert.DoesNotContain("4242", Encoding.UTF8.GetString(stored.Lookup), StringComparison.Ordinal);
        Assert.DoesNotContain("Salek", Encoding.UTF8.GetString(stored.Blob), StringComparison.Ordinal);
    }

    [Fact]
    public void PeopleFindByTelegramUser_Miss_IsRememberedUntilThisUnitOfWorkSavesAPerson()
    {
        var db = NewSession();
        Assert.Null(db.People.FindByTelegramUser(555));

        // Enrolled behind this unit of work's back: the remembered miss still answers.
        NewSession().People.Save(NewPerson("p1", 555, "Nina"));
        Assert.Null(db.People.FindByTelegramUser(555));

        db.People.Save(NewPerson("p2", 556, "Olga"));

        Assert.Equal("p1", db.People.FindByTelegramUser(555)?.Id);
    }

    [Fact]
    public void PeopleKnownNotEnrolled_AnswersLikeAMissOfThisUnit_ReportedBack_AndForgottenBySavingAPerson()
    {
        NewSession().People.Save(NewPerson("p1", 555, "Nina"));
        var db = NewSession();
        db.People.KnownNotEnrolled([555, 557]);
        Assert.Null(db.People.FindByTelegramUser(555)); // the caller's word is taken: it knows them from committed units
        Assert.Null(db.People.FindByTelegramUser(558));
        Assert.Equal([555L, 557L, 558L], db.People.NotEnrolled.Order());

        db.People.Save(NewPerson("p2", 556, "Olga"));

        Assert.Empty(db.People.NotEnrolled);
        Assert.Equal("p1", db.People.FindByTelegramUser(555)?.Id);
    }

    [Fact]
    public void PeopleSave_SameIdTwice_ReplacesTheRecordAndItsLookup()
    {
        var db = NewSession();
        db.People.Save(NewPerson("p1", 100, "Nina"));
        db.People.Save(NewPerson("p1", 200, "Nina"));

        Assert.Single(db.People.All());
        Assert.Null(NewSession().People.FindByTelegramUser(100));
        Assert.Equal("p1", NewSession().People.FindByTelegramUser(200)?.Id);
    }

    [Fact]
    public void PeopleFind_TamperedBlob_ThrowsRecordIntegrityException()
    {
        NewSession().People.Save(NewPerson("p1", 100, "Nina"));
        var stored = Records.Find(Collections.People, "p1")!;
        var tampered = (byte[])stored.Blob.Clone();
        tampered[^1] ^= 1;
        Records.Put(stored with { Blob = tampered });

        var db = NewSession();

        var ex = Assert.Throws<RecordIntegrityException>(() => db.People.Find("p1"));
        Assert.Equal(new RecordAddress(Collections.People, "p1", Collections.DataField), ex.Address);
        Assert.Throws<RecordIntegrityException>(() => db.People.All().ToList());
    }

    [Fact]
    public void PeopleFind_BlobMovedToAnotherId_ThrowsRecordIntegrityException()
    {
        NewSession().People.Save(NewPerson("p1", 100, "Nina"));
        Records.Put(Records.Find(Collections.People, "p1")! with { Id = "p2" });

        Assert.Throws<RecordIntegrityException>(() => NewSession().People.Find("p2"));
        Assert.Equal("Nina", NewSession().People.Find("p1")?.Name);
    }

    [Fact]
    public void Changes_TrackSavedSubjectsAndCasesAndQueuing_NotOtherPeople()
    {
        var db = NewSession();
        var subject = NewPerson("p1", 100, "Salek");
        subject.Checkin = new CheckinState();
        db.People.Save(subject);
        db.People.Save(NewPerson("p2", 200, "Nina"));

        var quiet = db.Changes();
        Assert.Equal(["p1"], quiet.Subjects.Select(s => s.Id));
        Assert.Empty(quiet.Cases);
        Assert.False(quiet.Queued);

        var @case = NewCase(db.Cases.NewId(), "p1");
        db.Cases.Save(@case);
        db.Outbox.Enqueue(Message(200, caseId: null));

        var changes = db.Changes();
        Assert.Equal([@case.Id], changes.Cases.Select(c => c.Case.Id));
        Assert.True(changes.Queued);
        Assert.False(NewSession().Changes().Queued);
    }

    [Fact]
    public void InvitesFindByCode_FindsTheInviteByItsCodeOnly()
    {
        var db = NewSession();
        db.Invites.Insert(NewInvite("i1"), "K7Q-PLM-4XR");

        Assert.Equal("i1", NewSession().Invites.FindByCode("K7Q-PLM-4XR")?.Id);
        Assert.Null(NewSession().Invites.FindByCode("K7Q-PLM-4XS"));
        Assert.DoesNotContain("K7Q", Encoding.UTF8.GetString(Records.Find(Collections.Invites, "i1")!.Blob), StringComparison.Ordinal);
    }

    [Fact]
    public void InvitesDelete_RemovesOnlyThatInvite()
    {
        var db = NewSession();
        db.Invites.Insert(NewInvite("i1"), "AAA");
        db.Invites.Insert(NewInvite("i2"), "BBB");

        Assert.True(db.Invites.Delete("i1"));
        Assert.False(db.Invites.Delete("i1"));

        Assert.Equal(["i2"], db.Invites.All().Select(i => i.Id));
    }

    [Fact]
    public void CasesSave_SealsUnderTheCaseKey_SoDestroyingTheKeyMakesTheCaseUnreadable()
    {
        var db = NewSession();
        var id = db.Cases.NewId();
        db.Cases.Save(NewCase(id, "p1"));
        Assert.Equal("p1", NewSession().Cases.Find(id)?.SubjectId);

        _caseKeys.Destroy(Records, id);

        Assert.Throws<RecordIntegrityException>(() => NewSession().Cases.Find(id));
    }

    [Fact]
    public void CasesNewId_NumberOfAPurgedCase_IsNeverReused()
    {
        _caseKeys.Create(Records, "C-0001");
        _caseKeys.Destroy(Records, "C-0001"); // a database restored from before the purge counts from 1 again

        var id = NewSession().Cases.NewId();

        Assert.Equal("C-0002", id);
        Assert.True(_caseKeys.Exists("C-0002"));
        Assert.False(_caseKeys.Exists("C-0001"));
    }

    [Fact]
    public void CasesDelete_RemovesTheRecord_OthersStay()
    {
        var db = NewSession();
        db.Cases.Save(NewCase(db.Cases.NewId(), "p1"));
        db.Cases.Save(NewCase(db.Cases.NewId(), "p1"));

        Assert.True(db.Cases.Delete("C-0001"));
        Assert.False(db.Cases.Delete("C-0001"));

        Assert.Null(db.Cases.Find("C-0001"));
        Assert.Equal(["C-0002"], db.Cases.All().Select(c => c.Id));
    }

    [Fact]
    public void OutboxEnqueue_NumbersRowsInOrder_AndAllReturnsThemOldestFirst()
    {
        var db = NewSession();
        db.Outbox.Enqueue(Message(1, caseId: null));
        db.Outbox.Enqueue(Message(2, caseId: null));

        var rows = NewSession().Outbox.All();

        Assert.Equal(["o000000000001", "o000000000002"], rows.Select(m => m.Id));
        Assert.Equal([1L, 2L], rows.Select(m => m.ChatId));
    }

    [Fact]
    public void OutboxAll_RowOfAPurgedCase_IsPassedOverAndCounted_TheRestStillRead()
    {
        var db = NewSession();
        var id = db.Cases.NewId();
        db.Outbox.Enqueue(Message(1, caseId: null));
        db.Outbox.Enqueue(Message(2, caseId: id));
        db.Outbox.Enqueue(Message(3, caseId: null));
        _caseKeys.Destroy(Records, id);

        var reader = NewSession();
        var rows = reader.Outbox.All();

        Assert.Equal([1L, 3L], rows.Select(m => m.ChatId));
        Assert.Equal(1, reader.Outbox.UnreadableRows);
        Assert.Throws<RecordIntegrityException>(() => reader.Outbox.Find("o000000000002"));
        Assert.Equal(3, Records.All(Collections.Outbox).Count); // passed over, not deleted
    }

    [Fact]
    public void OutboxUpdateAndRemove_ChangeOnlyThatRow()
    {
        var db = NewSession();
        db.Outbox.Enqueue(Message(1, caseId: null));
        db.Outbox.Enqueue(Message(2, caseId: null));
        var first = db.Outbox.Find("o000000000001")!;
        first.Text = "changed";

        db.Outbox.Update(first);
        Assert.True(db.Outbox.Remove("o000000000002"));

        var row = Assert.Single(NewSession().Outbox.All());
        Assert.Equal("changed", row.Text);
        Assert.Equal(0, db.Outbox.UnreadableRows);
    }

    [Fact]
    public void InboxAll_ReturnsUpdatesInUpdateIdOrder_NotInTextOrder()
    {
        var db = NewSession();
        db.Inbox.Save(10, "{\"update_id\":10}");
        db.Inbox.Save(9, "{\"update_id\":9}");

        Assert.Equal([(9L, "{\"update_id\":9}"), (10L, "{\"update_id\":10}")], NewSession().Inbox.All());
    }

    [Fact]
    public void InboxMoveToFailed_TakesTheUpdateOutOfTheInbox_AndKeepsItSealedForTheAdmin()
    {
        var db = NewSession();
        db.Inbox.Save(7, "{\"update_id\":7}");
        db.Inbox.Save(8, "{\"update_id\":8}");

        db.Inbox.MoveToFailed(7, "{\"update_id\":7}", "boom", DateTimeOffset.UnixEpoch, senderId: null);

        Assert.Equal([8L], db.Inbox.All().Select(u => u.UpdateId));
        var failed = Assert.Single(Records.All(Collections.FailedUpdates));
        Assert.Equal("0000000000000000007", failed.Id);
        Assert.DoesNotContain("boom", Encoding.UTF8.GetString(failed.Blob), StringComparison.Ordinal);
    }

    [Fact]
    public void MetaNumbersAndRedemptionReport_RoundTrip_AndDefaultWhenAbsent()
    {
        var db = NewSession();
        Assert.Null(db.Meta.Number("telegram.offset"));
        Assert.Equal(0, db.Meta.RedemptionReport().Failed);
        Assert.Empty(Records.All(Collections.Meta)); // reading the default stores nothing

        db.Meta.SetNumber("telegram.offset", 9_000_000_001);
        db.Meta.Save(new RedemptionReport { Failed = 3 });

        var reader = NewSession();
        Assert.Equal(9_000_000_001, reader.Meta.Number("telegram.offset"));
        Assert.Equal(3, reader.Meta.RedemptionReport().Failed);
        Assert.True(reader.Meta.Delete("telegram.offset"));
        Assert.Null(reader.Meta.Number("telegram.offset"));
        Assert.Equal(3, reader.Meta.RedemptionReport().Failed);
    }

    [Fact]
    public void DataSessionAndItsStores_ExposeNoRawSessionOrStoredRecord()
    {
        Type[] types = [typeof(DataSession), typeof(PeopleStore), typeof(InviteStore), typeof(CaseStore), typeof(OutboxStore), typeof(InboxStore), typeof(MetaStore)];

        var leaks = types
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m switch
            {
                PropertyInfo p => Leaks(p.PropertyType),
                MethodInfo me => Leaks(me.ReturnType) || me.GetParameters().Any(a => Leaks(a.ParameterType)),
                _ => false,
            })
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(leaks);

        static bool Leaks(Type type) =>
            type == typeof(IRecordSession) || type == typeof(StoredRecord) || type.GetGenericArguments().Any(Leaks);
    }

    private DataSession NewSession() => new(Records, _crypto);

    private static Person NewPerson(string id, long telegramId, string name) =>
        DomainWorld.NewPerson(id, Role.Coordinator, telegramId, name, "UTC", T0);

    private static Invite NewInvite(string id) =>
        new() { Id = id, Role = Role.Subject, Name = "Salek", CreatedAt = T0, ExpiresAt = T0.AddDays(1) };

    private static Case NewCase(string id, string subjectId) =>
        new() { Id = id, SubjectId = subjectId, Trigger = CaseTrigger.MissedCheckin, OpenedAt = T0 };

    private static OutgoingMessage Message(long chatId, string? caseId) =>
        new() { ChatId = chatId, Priority = MessagePriority.Alarm, Text = "hello", CaseId = caseId };
}
