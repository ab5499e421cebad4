using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>Right after a code is redeemed: the newcomer is greeted with their zone; a new subject's own coordinators are told, nobody else.</summary>
public sealed class WelcomeNewPersonTests
{
    /// <summary>Role invited, reader's language, greeting, zone they start in, its clock at 11:30 UTC.</summary>
    public static TheoryData<Role, Language, TextId, string, string> Newcomers => new()
    {
        { Role.Subject, Language.En, TextId.EnrolledSubject, "UTC", "11:30 UTC" },
        { Role.Subject, Language.Ru, TextId.EnrolledSubject, "Europe/Moscow", "14:30 UTC+3" },
        { Role.Coordinator, Language.En, TextId.EnrolledCoordinator, "UTC", "11:30 UTC" },
        { Role.Coordinator, Language.Ru, TextId.EnrolledCoordinator, "Europe/Moscow", "14:30 UTC+3" },
        { Role.Lawyer, Language.En, TextId.EnrolledLawyer, "UTC", "11:30 UTC" },
    };

    [Theory]
    [MemberData(nameof(Newcomers))]
    public void Run_GreetsTheNewcomerForTheirRoleWithTheirZone(Role role, Language language, TextId greeting, string zone, string clock)
    {
        var (w, people) = World();

        var (dana, told) = Enrol(w, role, language);

        var text = Assert.Single(w.TextsTo(dana));
        Assert.Equal(
            TextCatalogue.Format(language, greeting, "Dana") + "\n\n"
            + (role == Role.Subject ? TextCatalogue.Format(language, TextId.PinFirst) + "\n\n" : "")
            + TextCatalogue.Format(language, TextId.TimezoneWelcome, zone, clock),
            text);
        Assert.Equal(role == Role.Subject ? [people["Nina"].Id] : Array.Empty<string>(), told.Select(p => p.Id));
    }

    [Theory]
    [InlineData(Role.Subject, "Nina")]
    [InlineData(Role.Coordinator, null)]
    [InlineData(Role.Lawyer, null)]
    public void Run_OnlyANewSubjectsOwnCoordinatorIsTold_NotOthersBackupsOrTheirDefaultLawyer(Role role, string? toldName)
    {
        var (w, people) = World();

        var (dana, _) = Enrol(w, role, Language.En);

        foreach (var (name, person) in people)
        {
            var texts = w.TextsTo(person);
            if (name == toldName)
            {
                Assert.Equal([TextCatalogue.Format(Language.En, TextId.SubjectJoined, "Dana")], texts);
            }
            else
            {
                Assert.Empty(texts);
            }
        }

        Assert.Single(w.TextsTo(dana));
    }

    // Dana redeems an invite as role (a subject's from Nina) at 11:30 UTC and is welcomed in the same unit of work.
    private static (Person Dana, IReadOnlyList<Person> Told) Enrol(DomainWorld w, Role role, Language language) => w.Run(db =>
    {
        var nina = db.People.Find(w.Chain.Nina.Id)!;
        var code = CreateInvite.Run(db, role, "Dana", role == Role.Subject ? nina : null, w.Now, TimeSpan.FromDays(7)).Code;
        var (outcome, dana) = EnrollmentService.Redeem(db, code, 5001, 5001, language, w.Now, w.Rules, new StrangerLedger().Begin(w.Now));
        Assert.Equal(RedeemOutcome.Enrolled, outcome);
        return (dana!, WelcomeNewPerson.Run(db, dana!, w.Now));
    });

    // Salek's chain; lawyer Lev is Nina's default lawyer (so Dana gets him too); Zoe is a coordinator of nobody here.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db =>
        {
            var lev = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "UTC", w.Now);
            var nina = db.People.Find(w.Chain.Nina.Id)!;
            nina.DefaultLawyerIds.Add(lev.Id);
            db.People.Save(lev);
            db.People.Save(nina);
        });
        w.Coordinator("Zoe");
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
