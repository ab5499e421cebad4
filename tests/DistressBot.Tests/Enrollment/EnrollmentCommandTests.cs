using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>
/// Enrolling from Telegram: codes redeemed with /start (used, expired, typed loosely), a coordinator's /invite (names in any
/// script, look-alikes, duplicates), and a second coordinator assigned later. Nina reads English; subjects Russian.
/// </summary>
public sealed class EnrollmentCommandTests
{
    private const long NinaId = 101;
    private const long OlgaId = 102;
    private const long SalekId = 201;

    private readonly BotChat _chat = new();

    [Fact]
    public void Start_WithACoordinatorCode_EnrolsByTelegramId_WithTheCoordinatorsCommands()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");

        var help = _chat.Reply(nina, "/help");

        Assert.Equal((Role.Coordinator, NinaId, NinaId), (nina.Role, nina.TelegramUserId, nina.ChatId));
        Assert.Contains("/invite", help, StringComparison.Ordinal);
        Assert.Contains("/subjects", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/checkin", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithASubjectCode_EnrolsTheSubject_TellsTheirCoordinator_NeverTheSubjectTheirAlias()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");
        var code = BotChat.CodeIn(_chat.Reply(nina, "/invite Salek"));

        var sent = _chat.Say(SalekId, "/start " + code, "ru");
        var salek = _chat.World.Run(db => db.People.FindByTelegramUser(SalekId))!;
        var help = _chat.Reply(salek, "/help");

        Assert.Equal(Role.Subject, salek.Role);
        Assert.Equal([nina.Id], salek.CoordinatorIds);
        Assert.Equal([SalekId, NinaId], sent.Select(m => m.ChatId));
        Assert.Contains("Salek has joined", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("/checkin", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", help, StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.MessagesTo(salek), m => m.Contains("Salek", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithAUsedCode_GetsOnlyTheNeutralLine_EnrolsNobody_AndIsCountedForTheAdmin()
    {
        var code = _chat.AdminInvite(Role.Coordinator, "Nina");
        _chat.Say(NinaId, "/start " + code);

        var sent = _chat.Say(OlgaId, "/start " + code, "ru");

        Assert.Equal([(OlgaId, "Бот недоступен.")], sent.Select(m => (m.ChatId, m.Text)));
        Assert.Null(_chat.World.Run(db => db.People.FindByTelegramUser(OlgaId)));
        Assert.Equal(["Nina"], _chat.World.Run(db => db.People.All().Select(p => p.Name).ToList()));
        Assert.Equal(1, _chat.World.Run(db => db.Meta.RedemptionReport().Failed));
    }

    [Fact]
    public void Start_WithAnExpiredCode_GetsOnlyTheNeutralLine()
    {
        var code = _chat.AdminInvite(Role.Coordinator, "Nina");
        _chat.World.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var sent = _chat.Say(NinaId, "/start " + code);

        Assert.Equal([(NinaId, "This bot is not available.")], sent.Select(m => (m.ChatId, m.Text)));
        Assert.Null(_chat.World.Run(db => db.People.FindByTelegramUser(NinaId)));
    }

    [Fact]
    public void Start_WithACodeTypedLoosely_IsAccepted()
    {
        var code = _chat.AdminInvite(Role.Coordinator, "Nina");
        var typed = string.Join('-', code.ToLowerInvariant().Chunk(5).Select(c => new string(c)));

        var reply = Assert.Single(_chat.Say(NinaId, "/start " + typed));

        Assert.Contains("coordinator", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(_chat.World.Run(db => db.People.FindByTelegramUser(NinaId)));
    }

    [Fact]
    public void Invite_ADuplicateAliasInAnyCase_IsRefused_WithNoCode()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");
        _chat.Say(nina, "/invite Salek");

        var reply = _chat.Reply(nina, "/invite salek");

        Assert.Contains("already have someone called", reply, StringComparison.Ordinal);
        Assert.Equal("", BotChat.CodeIn(reply));
    }

    [Fact]
    public void Invite_NamesInEveryScript_AreAcceptedAndFoundAsTyped()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");

        var hindi = _chat.Reply(nina, "/invite राहुल");
        _chat.EnrolSubject(nina, SalekId, "Nguy\u1EC5n");
        var plan = _chat.Reply(nina, "/plan Nguye\u0302\u0303n\nCall her brother.");
        var missing = _chat.Say(nina, "/missing Nguye\u0302\u0303n  call, screaming");

        Assert.Contains("Code for राहुल", hindi, StringComparison.Ordinal);
        Assert.Contains("The plan for Nguy\u1EC5n is saved", plan, StringComparison.Ordinal);
        Assert.Contains(missing, m => m.ChatId == NinaId && m.Text == "C-0001 opened about Nguy\u1EC5n; coordinators and lawyers are alerted.");
        Assert.DoesNotContain(missing, m => m.ChatId == SalekId);
        Assert.DoesNotContain(_chat.MessagesTo(nina), m => m.Contains("You have nobody called", StringComparison.Ordinal));
    }

    [Fact]
    public void Invite_ACyrillicLookAlikeOfTheirOwnSubject_IsRefusedWithTheReason_AndNoCode()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");
        _chat.EnrolSubject(nina, SalekId, "Salek");

        var reply = _chat.Reply(nina, "/invite \u0405alek");

        Assert.Contains("“\u0405alek” looks almost like “Salek”", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(_chat.MessagesTo(nina), m => m.Contains("Code for \u0405alek", StringComparison.Ordinal));
        Assert.Single(_chat.World.Run(db => db.People.All().Where(p => p.Role == Role.Subject).ToList()));
    }

    [Fact]
    public void Assign_ASecondCoordinator_IsAlertedToo_InTheirLanguage()
    {
        var nina = _chat.EnrolCoordinator(NinaId, "Nina");
        var olga = _chat.EnrolCoordinator(OlgaId, "Olga", "ru");
        var salek = _chat.EnrolSubject(nina, SalekId, "Salek");

        Assert.True(_chat.World.Run(db => AssignCoordinator.ToSubject(db, db.People.Find(salek.Id)!, db.People.Find(olga.Id)!, CoordinatorLevel.Primary)));
        _chat.Say(salek, "/schedule every 2h grace 30m");
        var alarm = _chat.Tick(TimeSpan.FromHours(2.5));

        Assert.Equal([NinaId, OlgaId], alarm.Select(m => m.ChatId).Order());
        Assert.Contains("missed a check-in", Assert.Single(alarm, m => m.ChatId == NinaId).Text, StringComparison.Ordinal);
        Assert.Contains("не отметился", Assert.Single(alarm, m => m.ChatId == OlgaId).Text, StringComparison.Ordinal);
    }
}
