using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Enrollment;

/// <summary>assign coordinator|backup: the admin adds a coordinator to a subject's chain by name and alias; twice changes nothing; nobody is told.</summary>
public sealed class AssignCoordinatorTests
{
    /// <summary>Level, the coordinator's name, the subject's alias, --of, the outcome, the lookup's outcome when no subject was found.</summary>
    public static TheoryData<CoordinatorLevel, string, string, string?, AssignOutcome, SubjectLookupOutcome?> Assignments => new()
    {
        { CoordinatorLevel.Primary, "Zoe", "Salek", null, AssignOutcome.Added, null },
        { CoordinatorLevel.Backup, "zoe", " salek ", null, AssignOutcome.Added, null },
        { CoordinatorLevel.Primary, "Zoe", "Salek", "Olga", AssignOutcome.Added, null },
        { CoordinatorLevel.Primary, "Nina", "Salek", null, AssignOutcome.AlreadyAssigned, null },
        { CoordinatorLevel.Backup, "Boris", "Salek", null, AssignOutcome.AlreadyAssigned, null },
        { CoordinatorLevel.Backup, "Nina", "Salek", null, AssignOutcome.Added, null }, // as today: a primary may also be made a backup
        { CoordinatorLevel.Primary, "Lev", "Salek", null, AssignOutcome.NoSuchHelper, null }, // a lawyer is no coordinator
        { CoordinatorLevel.Primary, "Salek", "Salek", null, AssignOutcome.NoSuchHelper, null },
        { CoordinatorLevel.Primary, "Vera", "Salek", null, AssignOutcome.NoSuchHelper, null },
        { CoordinatorLevel.Primary, "Zoe", "Dana", null, AssignOutcome.SubjectNotFound, SubjectLookupOutcome.NoSuchSubject },
        { CoordinatorLevel.Primary, "Zoe", "Salek", "Boris", AssignOutcome.SubjectNotFound, SubjectLookupOutcome.NoSuchSubject }, // --of names primary coordinators
        { CoordinatorLevel.Primary, "Zoe", "Salek", "Vera", AssignOutcome.SubjectNotFound, SubjectLookupOutcome.NoSuchCoordinator },
    };

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Run_ByNameAndAlias_LinksBothSidesOnce_AndTellsNobody(
        CoordinatorLevel level, string coordinator, string alias, string? of, AssignOutcome outcome, SubjectLookupOutcome? lookup)
    {
        var (w, people) = World();
        var before = w.Run(db => db.People.All().ToDictionary(p => p.Name, p => Links(p)));

        var result = w.Run(db => AssignCoordinator.Run(db, level, coordinator, alias, of));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(lookup, result.Outcome == AssignOutcome.SubjectNotFound ? result.Lookup!.Outcome : null);
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
        var after = w.Run(db => db.People.All().ToDictionary(p => p.Name, p => Links(p)));
        if (outcome != AssignOutcome.Added)
        {
            Assert.Equal(before, after);
            return;
        }

        var helper = people.Values.Single(p => p.Role == Role.Coordinator && PersonNames.Same(p.Name, coordinator));
        var salek = w.Fresh(people["Salek"]);
        var stored = w.Fresh(helper);
        Assert.Equal(result.Helper!.Id, helper.Id);
        Assert.Equal(result.Subject!.Id, salek.Id);
        Assert.Contains(helper.Id, level == CoordinatorLevel.Primary ? salek.CoordinatorIds : salek.BackupCoordinatorIds);
        Assert.Contains(salek.Id, level == CoordinatorLevel.Primary ? stored.SubjectIds : stored.BackupSubjectIds);
        Assert.Equal(
            before.Where(p => p.Key is not "Salek" && p.Key != helper.Name).ToDictionary(),
            after.Where(p => p.Key is not "Salek" && p.Key != helper.Name).ToDictionary()); // nobody else's chain changed
    }

    [Fact]
    public void Run_AliasSharedByTwoSubjects_IsAmbiguousUntilOfNamesTheirCoordinator()
    {
        var (w, people) = World();
        var zoe = w.Fresh(people["Zoe"]);
        var zoesSalek = w.Subject(zoe, "Salek");

        var ambiguous = w.Run(db => AssignCoordinator.Run(db, CoordinatorLevel.Backup, "Olga", "Salek", null));
        var narrowed = w.Run(db => AssignCoordinator.Run(db, CoordinatorLevel.Backup, "Olga", "Salek", "Zoe"));

        Assert.Equal((AssignOutcome.SubjectNotFound, SubjectLookupOutcome.Ambiguous, 2), (ambiguous.Outcome, ambiguous.Lookup!.Outcome, ambiguous.Lookup.Count));
        Assert.Equal(AssignOutcome.Added, narrowed.Outcome);
        Assert.Equal([people["Olga"].Id], w.Fresh(zoesSalek).BackupCoordinatorIds);
        Assert.Equal([people["Boris"].Id], w.Fresh(people["Salek"]).BackupCoordinatorIds);
    }

    [Theory]
    [InlineData("Zoe", "Nina")]
    [InlineData("Salek", "Lev")]
    public void ToSubject_WrongRoles_ThrowsAndChangesNothing(string subject, string coordinator)
    {
        var (w, people) = World();
        var before = w.Run(db => db.People.All().ToDictionary(p => p.Name, p => Links(p)));

        Assert.Throws<ArgumentException>(() => w.Run(db => AssignCoordinator.ToSubject(db, db.People.Find(people[subject].Id)!, db.People.Find(people[coordinator].Id)!, CoordinatorLevel.Primary)));

        Assert.Equal(before, w.Run(db => db.People.All().ToDictionary(p => p.Name, p => Links(p))));
    }

    // Everything that says who is in whose chain, as one comparable line.
    private static string Links(Person p) =>
        string.Join(" | ", new[] { p.CoordinatorIds, p.BackupCoordinatorIds, p.LawyerIds, p.SubjectIds, p.BackupSubjectIds }.Select(ids => string.Join(",", ids)));

    // Salek's chain (Nina, Olga; backup Boris); Zoe coordinates nobody; Lev is a lawyer.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Coordinator("Zoe");
        w.Run(db => db.People.Save(DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "UTC", w.Now)));
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
