using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

public sealed class CreateInviteNameTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly TestFolders _folders = new();
    private readonly Keyring _keyring;
    private readonly DataSession _db;
    private readonly DateTimeOffset _now;
    private readonly Person _nina;
    private readonly Person _olga;

    public CreateInviteNameTests()
    {
        _keyring = _folders.NewKeyFileKeyring(out _);
        _db = new DataSession(new InMemoryRecordSession(), new CryptoContext(_keyring.Cipher, _keyring.Lookups, (_, _) => { }));
        _now = _folders.Time.GetUtcNow();
        _nina = Enrol(Role.Coordinator, "Nina", 1);
        _olga = Enrol(Role.Coordinator, "Olga", 2);
    }

    public void Dispose()
    {
        _keyring.Dispose();
        _folders.Dispose();
    }

    [Theory]
    [InlineData("राहुल")]
    [InlineData("Nguy\u1EC5n")]
    [InlineData("Nguye\u0302\u0303n")]
    public void CreateInvite_NameInAnyScript_IsMadeAndStoredAsNfc(string alias)
    {
        var result = CreateInvite.Run(_db, Role.Subject, alias, _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.None, result.Refusal);
        Assert.NotNull(result.Code);
        Assert.Equal(alias.Normalize(System.Text.NormalizationForm.FormC), Assert.Single(_db.Invites.All()).Name);
    }

    [Fact]
    public void CreateInvite_DecomposedAfterPrecomposed_IsTheSameAliasAndRefusedAsTaken()
    {
        CreateInvite.Run(_db, Role.Subject, "Nguy\u1EC5n", _nina, _now, Lifetime);

        var result = CreateInvite.Run(_db, Role.Subject, "nguye\u0302\u0303n", _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.NameTaken, result.Refusal);
        Assert.Null(result.Code);
        Assert.Single(_db.Invites.All());
    }

    [Fact]
    public void CreateInvite_CyrillicLookAlikeOfOwnSubject_IsRefusedWithTheNameItLooksLike()
    {
        var salek = EnrolSubject("Salek", _nina, 10);

        var result = CreateInvite.Run(_db, Role.Subject, "\u0405alek", _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.NameConfusable, result.Refusal);
        Assert.Equal(salek.Name, result.LooksLike);
        Assert.Null(result.Code);
        Assert.Empty(_db.Invites.All());
        Assert.Contains("Salek", TextCatalogue.Format(Language.En, TextId.AliasConfusable, "\u0405alek", result.LooksLike), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateInvite_LookAlikeOfAPendingInvite_IsRefused()
    {
        CreateInvite.Run(_db, Role.Subject, "Salek", _nina, _now, Lifetime);

        var result = CreateInvite.Run(_db, Role.Subject, "S\u0430lek", _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.NameConfusable, result.Refusal);
        Assert.Equal("Salek", result.LooksLike);
    }

    [Fact]
    public void CreateInvite_LookAlikeOfAnotherCoordinatorsSubject_IsAllowed()
    {
        EnrolSubject("Salek", _olga, 10);

        var result = CreateInvite.Run(_db, Role.Subject, "\u0405alek", _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.None, result.Refusal);
        Assert.Null(result.LooksLike);
    }

    [Fact]
    public void CreateInvite_CoordinatorNameInGreekAndCyrillicLookingLikeAnotherCoordinator_IsRefused()
    {
        var result = CreateInvite.Run(_db, Role.Coordinator, "\u039D\u0456na", null, _now, Lifetime);

        Assert.Equal(InviteRefusal.NameConfusable, result.Refusal);
        Assert.Equal("Nina", result.LooksLike);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0301")]
    [InlineData("Sa\u200Blek")]
    [InlineData("\u202ESalek")]
    [InlineData("Sa\u0007lek")]
    public void CreateInvite_InvalidName_IsRefusedAndStoresNothing(string alias)
    {
        var result = CreateInvite.Run(_db, Role.Subject, alias, _nina, _now, Lifetime);

        Assert.Equal(InviteRefusal.NameInvalid, result.Refusal);
        Assert.Null(result.Code);
        Assert.Empty(_db.Invites.All());
    }

    private Person Enrol(Role role, string name, long telegramId)
    {
        var person = new Person { Id = _db.NewId("p"), Role = role, TelegramUserId = telegramId, ChatId = telegramId, Name = name, TimeZone = "UTC" };
        _db.People.Save(person);
        return person;
    }

    private Person EnrolSubject(string alias, Person coordinator, long telegramId)
    {
        var subject = Enrol(Role.Subject, alias, telegramId);
        subject.CoordinatorIds.Add(coordinator.Id);
        coordinator.SubjectIds.Add(subject.Id);
        _db.People.Save(subject);
        _db.People.Save(coordinator);
        return subject;
    }
}
