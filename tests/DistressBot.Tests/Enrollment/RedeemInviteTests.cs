using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>/start CODE by a stranger: a valid code enrols and welcomes them in the same unit of work; anything else enrols nobody and tells nobody.</summary>
public sealed class RedeemInviteTests
{
    /// <summary>What is sent, the sender's Telegram id, the outcome.</summary>
    public static TheoryData<string, long, RedeemOutcome> Codes => new()
    {
        { "valid", 5001, RedeemOutcome.Enrolled },
        { "unknown", 5001, RedeemOutcome.InvalidCode },
        { "used", 5001, RedeemOutcome.InvalidCode },
        { "expired", 5001, RedeemOutcome.InvalidCode },
        { "valid", 1000, RedeemOutcome.AlreadyEnrolled }, // Nina's own account
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Run_ByCodeAndSender_EnrolsAndWelcomesOnlyForAValidCode(string code, long sender, RedeemOutcome outcome)
    {
        var (w, people, codes) = World();
        var enrolledBefore = w.Run(db => db.People.All().Count());

        var (result, person) = w.Run(db => RedeemInvite.Run(db, codes[code], sender, sender, Language.En, w.Now, w.Rules, new StrangerLedger().Begin(w.Now)));

        Assert.Equal(outcome, result);
        var told = w.Run(db => db.Outbox.All().Select(m => m.PersonId).ToHashSet());
        if (outcome != RedeemOutcome.Enrolled)
        {
            Assert.Equal(outcome == RedeemOutcome.AlreadyEnrolled ? people["Nina"].Id : null, person?.Id);
            Assert.Equal(enrolledBefore, w.Run(db => db.People.All().Count()));
            Assert.Empty(told);
            Assert.NotNull(w.Run(db => db.Invites.FindByCode(codes["valid"]))); // still redeemable by its invitee
            return;
        }

        var dana = w.Fresh(person!);
        Assert.Equal(("Dana", Role.Subject), (dana.Name, dana.Role));
        Assert.Equal([people["Nina"].Id], dana.CoordinatorIds);
        Assert.Null(w.Run(db => db.Invites.FindByCode(codes["valid"]))); // used: gone, so refused like a code never made
        Assert.Equal(new HashSet<string?> { dana.Id, people["Nina"].Id }, told); // not Olga, Boris or Salek
        Assert.Equal([TextCatalogue.Format(Language.En, TextId.SubjectJoined, "Dana")], w.TextsTo(people["Nina"]));
        Assert.StartsWith(TextCatalogue.Format(Language.En, TextId.EnrolledSubject), Assert.Single(w.TextsTo(dana)), StringComparison.Ordinal);
    }

    // Salek's chain; Nina invited Dana (valid), Vera (already redeemed by someone else) and Mila (expired).
    private static (DomainWorld World, Dictionary<string, Person> People, Dictionary<string, string> Codes) World()
    {
        var w = DomainWorld.WithCaseChain();
        var people = w.Run(db => db.People.All().ToDictionary(p => p.Name));
        var codes = w.Run(db =>
        {
            var nina = db.People.Find(people["Nina"].Id);
            var valid = CreateInvite.Run(db, Role.Subject, "Dana", nina, w.Now, TimeSpan.FromDays(1)).Code!;
            var used = CreateInvite.Run(db, Role.Subject, "Vera", nina, w.Now - TimeSpan.FromHours(2), TimeSpan.FromDays(1)).Code!;
            var expired = CreateInvite.Run(db, Role.Subject, "Mila", nina, w.Now - TimeSpan.FromDays(2), TimeSpan.FromDays(1)).Code!;
            return new Dictionary<string, string> { ["valid"] = valid, ["used"] = used, ["expired"] = expired, ["unknown"] = "AAAA-BBBB-CCCC-DDDD" };
        });
        Assert.Equal(RedeemOutcome.Enrolled, w.Run(db => EnrollmentService.Redeem(db, codes["used"], 4001, 4001, Language.En, w.Now, w.Rules, new StrangerLedger().Begin(w.Now))).Outcome);
        return (w, people, codes);
    }
}
