using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>assign lawyer: to one subject, or as a coordinator's default lawyer for their subjects now and later; nobody is told.</summary>
public sealed class AssignLawyerTests
{
    /// <summary>Coordinator, Lev already Salek's lawyer, Lev already the coordinator's default, subjects added, became default, Nina's subjects with Lev after.</summary>
    public static TheoryData<string, bool, bool, int, bool, string[]> Assignments => new()
    {
        { "Nina", false, false, 2, true, ["Salek", "Dana"] },
        { "Nina", true, false, 1, true, ["Salek", "Dana"] },
        { "Nina", true, true, 1, false, ["Salek", "Dana"] },
        { "Olga", false, false, 1, true, ["Salek"] },
        { "Boris", false, false, 0, true, [] }, // a backup coordinator's subjects are not "theirs"
    };

    [Theory]
    [MemberData(nameof(Assignments))]
    public void ToCoordinatorsSubjects_AddsToPresentSubjectsOnceAndBecomesDefault(
        string coordinator, bool alreadySaleks, bool alreadyDefault, int added, bool becameDefault, string[] withLev)
    {
        var (w, people) = World();
        w.Run(db =>
        {
            var lev = db.People.Find(people["Lev"].Id)!;
            if (alreadySaleks)
            {
                AssignLawyer.ToSubject(db, db.People.Find(people["Salek"].Id)!, lev);
            }

            if (alreadyDefault)
            {
                var c = db.People.Find(people[coordinator].Id)!;
                c.DefaultLawyerIds.Add(lev.Id);
                db.People.Save(c);
            }
        });

        var result = w.Run(db => AssignLawyer.ToCoordinatorsSubjects(db, db.People.Find(people[coordinator].Id)!, db.People.Find(people["Lev"].Id)!));

        Assert.Equal(new LawyerAssignment(added, becameDefault), result);
        Assert.Equal([people["Lev"].Id], w.Fresh(people[coordinator]).DefaultLawyerIds);
        var lev = w.Fresh(people["Lev"]);
        Assert.Equal(withLev.Order(), lev.SubjectIds.Select(id => w.Person(id).Name).Order());
        foreach (var name in new[] { "Salek", "Dana" })
        {
            Assert.Equal(withLev.Contains(name) ? [lev.Id] : Array.Empty<string>(), w.Fresh(people[name]).LawyerIds);
        }

        Assert.Empty(w.Run(db => db.Outbox.All().ToList())); // nobody is told: not the lawyer, not the subjects, not the coordinators
    }

    [Fact]
    public void ToCoordinatorsSubjects_ASubjectEnrolledLater_GetsTheDefaultLawyer()
    {
        var (w, people) = World();
        w.Run(db => AssignLawyer.ToCoordinatorsSubjects(db, db.People.Find(people["Nina"].Id)!, db.People.Find(people["Lev"].Id)!));

        var later = w.Run(db =>
        {
            var code = CreateInvite.Run(db, Role.Subject, "Vera", db.People.Find(people["Nina"].Id)!, w.Now, TimeSpan.FromDays(1)).Code;
            return EnrollmentService.Redeem(db, code, 7001, 7001, Language.En, w.Now, w.Rules, new StrangerLedger().Begin(w.Now)).Person!;
        });

        Assert.Equal([people["Lev"].Id], w.Fresh(later).LawyerIds);
        Assert.Contains(later.Id, w.Fresh(people["Lev"]).SubjectIds);
    }

    [Fact]
    public void ToSubject_Twice_AddsOnce()
    {
        var (w, people) = World();

        var first = w.Run(db => AssignLawyer.ToSubject(db, db.People.Find(people["Salek"].Id)!, db.People.Find(people["Lev"].Id)!));
        var second = w.Run(db => AssignLawyer.ToSubject(db, db.People.Find(people["Salek"].Id)!, db.People.Find(people["Lev"].Id)!));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal([people["Lev"].Id], w.Fresh(people["Salek"]).LawyerIds);
        Assert.Empty(w.Fresh(people["Dana"]).LawyerIds);
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
    }

    [Theory]
    [InlineData("Lev", "Nina")]
    [InlineData("Nina", "Olga")]
    [InlineData("Salek", "Lev")]
    public void ToCoordinatorsSubjects_WrongRoles_ThrowsAndChangesNothing(string coordinator, string lawyer)
    {
        var (w, people) = World();

        Assert.Throws<ArgumentException>(() => w.Run(db => AssignLawyer.ToCoordinatorsSubjects(db, db.People.Find(people[coordinator].Id)!, db.People.Find(people[lawyer].Id)!)));

        Assert.All(w.Run(db => db.People.All().ToList()), p => Assert.Empty(p.DefaultLawyerIds));
        Assert.All(w.Run(db => db.People.All().ToList()), p => Assert.Empty(p.LawyerIds));
    }

    /// <summary>The lawyer's name, the subject's alias, --of, the outcome, whether Salek has Lev afterwards.</summary>
    public static TheoryData<string, string, string?, AssignOutcome, bool> ByName => new()
    {
        { "Lev", "Salek", null, AssignOutcome.Added, true },
        { " lev ", "salek", "Nina", AssignOutcome.Added, true },
        { "Nina", "Salek", null, AssignOutcome.NoSuchHelper, false }, // a coordinator is no lawyer
        { "Mark", "Salek", null, AssignOutcome.NoSuchHelper, false },
        { "Lev", "Vera", null, AssignOutcome.SubjectNotFound, false },
        { "Lev", "Salek", "Boris", AssignOutcome.SubjectNotFound, false },
    };

    [Theory]
    [MemberData(nameof(ByName))]
    public void Run_ByNameAndAlias_AddsTheLawyerToThatSubjectOnly_AndTellsNobody(string lawyer, string alias, string? of, AssignOutcome outcome, bool saleksAfter)
    {
        var (w, people) = World();

        var result = w.Run(db => AssignLawyer.Run(db, lawyer, alias, of));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(saleksAfter ? [people["Lev"].Id] : [], w.Fresh(people["Salek"]).LawyerIds);
        Assert.Equal(saleksAfter ? [people["Salek"].Id] : [], w.Fresh(people["Lev"]).SubjectIds);
        Assert.Empty(w.Fresh(people["Dana"]).LawyerIds);
        Assert.All(w.Run(db => db.People.All().ToList()), p => Assert.Empty(p.DefaultLawyerIds));
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
    }

    /// <summary>The lawyer's name, the coordinator's name, the outcome, subjects added.</summary>
    public static TheoryData<string, string, AssignOutcome, int> ForCoordinatorByName => new()
    {
        { "Lev", "Nina", AssignOutcome.Added, 2 },
        { "Lev", "Vera", AssignOutcome.NoSuchCoordinator, 0 },
        { "Lev", "Lev", AssignOutcome.NoSuchCoordinator, 0 },
        { "Olga", "Nina", AssignOutcome.NoSuchHelper, 0 },
    };

    [Theory]
    [MemberData(nameof(ForCoordinatorByName))]
    public void RunForCoordinator_ByNames_MakesTheDefaultLawyerOrChangesNothing(string lawyer, string coordinator, AssignOutcome outcome, int added)
    {
        var (w, people) = World();

        var first = w.Run(db => AssignLawyer.RunForCoordinator(db, lawyer, coordinator));
        var second = w.Run(db => AssignLawyer.RunForCoordinator(db, lawyer, coordinator));

        Assert.Equal((outcome, added), (first.Outcome, first.SubjectsAdded));
        Assert.Equal(outcome == AssignOutcome.Added ? AssignOutcome.AlreadyAssigned : outcome, second.Outcome);
        Assert.Equal(0, second.SubjectsAdded);
        Assert.Equal(outcome == AssignOutcome.Added ? [people["Lev"].Id] : [], w.Fresh(people["Nina"]).DefaultLawyerIds);
        Assert.Equal(added, w.Run(db => db.People.All().Count(p => p.LawyerIds.Count > 0)));
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
    }

    // Salek's chain; Nina also has Dana; Lev is a lawyer of nobody yet.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Subject(w.Chain.Nina, "Dana");
        w.Run(db => db.People.Save(DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "UTC", w.Now)));
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
