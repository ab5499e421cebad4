using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>/invite and distressbot invite: one use case decides whether a name may be invited in its scope; a refusal stores nothing; nobody is told.</summary>
public sealed class CreateInviteTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>The inviting coordinator (null: the admin), the role, the name typed, the refusal, the name it looks like.</summary>
    public static TheoryData<string?, Role, string, InviteRefusal, string?> Invites => new()
    {
        { "Nina", Role.Subject, "Dana", InviteRefusal.None, null },
        { "Zoe", Role.Subject, "Salek", InviteRefusal.None, null }, // another coordinator's subject is not in Zoe's scope
        { "Nina", Role.Subject, " salek ", InviteRefusal.NameTaken, null },
        { "Boris", Role.Subject, "Salek", InviteRefusal.NameTaken, null }, // he backs Salek up, so he reads the alias
        { "Nina", Role.Subject, "Sa1ek", InviteRefusal.NameConfusable, "Salek" },
        { "Nina", Role.Subject, "Mila", InviteRefusal.NameTaken, null }, // her pending invite
        { "Zoe", Role.Subject, "Mila", InviteRefusal.None, null },
        { "Nina", Role.Subject, "", InviteRefusal.NameInvalid, null },
        { "Nina", Role.Subject, "Dana\u200B", InviteRefusal.NameInvalid, null },
        { null, Role.Coordinator, "Vera", InviteRefusal.None, null },
        { null, Role.Coordinator, "olga", InviteRefusal.NameTaken, null },
        { null, Role.Coordinator, "0lga", InviteRefusal.NameConfusable, "Olga" },
        { null, Role.Lawyer, "Olga", InviteRefusal.NameTaken, null }, // issue 14: a coordinator's name is not free for a lawyer
        { null, Role.Coordinator, "lev", InviteRefusal.NameTaken, null }, // nor a lawyer's for a coordinator
        { null, Role.Coordinator, "Salek", InviteRefusal.NameTaken, null }, // nor a subject's alias
        { null, Role.Lawyer, "Mila", InviteRefusal.NameTaken, null }, // nor a name a pending subject invite holds
        { null, Role.Lawyer, "Lеv", InviteRefusal.NameConfusable, "Lev" }, // a Cyrillic e
        { null, Role.Lawyer, "Vera", InviteRefusal.None, null },
        { null, Role.Lawyer, "Lev", InviteRefusal.NameTaken, null },
    };

    [Theory]
    [MemberData(nameof(Invites))]
    public void Run_ByInviterRoleAndName_StoresTheInviteOnlyWhenTheNameIsFreeInItsScope_AndTellsNobody(
        string? inviter, Role role, string name, InviteRefusal refusal, string? looksLike)
    {
        var (w, people) = World();
        var invitesBefore = w.Run(db => db.Invites.All().Count());

        var result = w.Run(db => CreateInvite.Run(db, role, name, inviter is null ? null : db.People.Find(people[inviter].Id), w.Now, Lifetime));

        Assert.Equal((refusal, looksLike), (result.Refusal, result.LooksLike));
        Assert.Equal(PersonNames.Normalize(name), result.Name);
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
        if (refusal != InviteRefusal.None)
        {
            Assert.Null(result.Code);
            Assert.Null(result.Invite);
            Assert.Equal(invitesBefore, w.Run(db => db.Invites.All().Count()));
            return;
        }

        var stored = w.Run(db => db.Invites.FindByCode(result.Code!));
        Assert.NotNull(stored);
        Assert.Equal((role, result.Name, inviter is null ? null : people[inviter].Id, w.Now + Lifetime), (stored.Role, stored.Name, stored.CoordinatorId, stored.ExpiresAt));
        Assert.Null(stored.UsedAt);
        Assert.Equal(invitesBefore + 1, w.Run(db => db.Invites.All().Count()));
    }

    [Theory]
    [InlineData(Role.Coordinator, "Lev", Role.Lawyer)]
    [InlineData(Role.Lawyer, "Nina", Role.Coordinator)]
    [InlineData(Role.Lawyer, "salek", Role.Subject)]
    public void Run_AdminInviteOfANameHeldInAnotherRole_IsRefusedNamingThatRole(Role role, string name, Role holder)
    {
        var (w, _) = World();
        var peopleBefore = w.Run(db => db.People.All().Count());

        var result = w.Run(db => CreateInvite.Run(db, role, name, null, w.Now, Lifetime));

        Assert.Equal((InviteRefusal.NameTaken, (Role?)holder), (result.Refusal, result.Holder));
        Assert.Null(result.Code);
        Assert.Equal(peopleBefore, w.Run(db => db.People.All().Count()));
    }

    [Fact]
    public void Run_AfterAPendingInviteExpired_TheNameIsFreeAgain()
    {
        var (w, people) = World();
        w.Time.Advance(Lifetime);

        var result = w.Run(db => CreateInvite.Run(db, Role.Subject, "Mila", db.People.Find(people["Nina"].Id), w.Now, Lifetime));

        Assert.Equal(InviteRefusal.None, result.Refusal);
    }

    [Fact]
    public void Run_DeletesExpiredInvitesItReads_SoTheStoreHoldsOnlyPendingOnes()
    {
        var (w, people) = World();
        var mila = w.Run(db => db.Invites.All().Single());
        w.Time.Advance(Lifetime);

        var result = w.Run(db => CreateInvite.Run(db, Role.Subject, "Dana", db.People.Find(people["Nina"].Id), w.Now, Lifetime));

        Assert.Equal([result.Invite!.Id], w.Run(db => db.Invites.All().Select(i => i.Id).ToList()));
        Assert.NotEqual(mila.Id, result.Invite.Id);
    }

    [Fact]
    public void Run_ManyEnrollments_LeaveNoInviteBehind()
    {
        var (w, people) = World();
        for (var i = 0; i < 20; i++)
        {
            var code = w.Run(db => CreateInvite.Run(db, Role.Subject, "Dana" + (char)('a' + i), db.People.Find(people["Nina"].Id), w.Now, Lifetime)).Code!;
            Assert.Equal(RedeemOutcome.Enrolled, w.Run(db => EnrollmentService.Redeem(db, code, 7000 + i, 7000 + i, DistressBot.Localization.Language.En, w.Now, w.Rules, new StrangerLedger().Begin(w.Now))).Outcome);
        }

        Assert.Equal(["Mila"], w.Run(db => db.Invites.All().Select(i => i.Name).ToList())); // only the one still pending
    }

    /// <summary>The inviter (null: the admin) and the role: combinations no adapter may ask for.</summary>
    public static TheoryData<string?, Role> WrongInviters => new()
    {
        { null, Role.Subject },
        { "Lev", Role.Subject },
        { "Salek", Role.Subject },
        { "Nina", Role.Coordinator },
        { "Nina", Role.Lawyer },
    };

    [Theory]
    [MemberData(nameof(WrongInviters))]
    public void Run_WrongInviterForTheRole_ThrowsAndStoresNothing(string? inviter, Role role)
    {
        var (w, people) = World();
        var invitesBefore = w.Run(db => db.Invites.All().Count());

        Assert.Throws<ArgumentException>(() => w.Run(db => CreateInvite.Run(db, role, "Vera", inviter is null ? null : db.People.Find(people[inviter].Id), w.Now, Lifetime)));

        Assert.Equal(invitesBefore, w.Run(db => db.Invites.All().Count()));
    }

    // Salek's chain (Nina, Olga; backup Boris); Zoe coordinates nobody; Lev is a lawyer; Nina has a pending invite for Mila.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Coordinator("Zoe");
        w.Run(db => db.People.Save(DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "UTC", w.Now)));
        var people = w.Run(db => db.People.All().ToDictionary(p => p.Name));
        Assert.Equal(InviteRefusal.None, w.Run(db => CreateInvite.Run(db, Role.Subject, "Mila", db.People.Find(people["Nina"].Id), w.Now - TimeSpan.FromHours(1), Lifetime)).Refusal);
        return (w, people);
    }
}
