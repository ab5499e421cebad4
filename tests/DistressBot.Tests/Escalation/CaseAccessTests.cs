using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>Who may act on which subject and case: Salek's chain (Nina, Olga, backup Boris, lawyer Lev) may; an outside coordinator, an outside lawyer and Salek may not.</summary>
public sealed class CaseAccessTests
{
    /// <summary>Actor, may act on Salek's cases, may manage Salek (plan, drill, missing report).</summary>
    public static TheoryData<string, bool, bool> Actors => new()
    {
        { "Nina", true, true },
        { "Olga", true, true },
        { "Boris", true, true },
        { "Lev", true, false },
        { "Zoe", false, false },
        { "Mark", false, false },
        { "Salek", false, false },
    };

    [Theory]
    [MemberData(nameof(Actors))]
    public void MayActOnCasesAndMayManage_ByPlaceInTheChain(string actor, bool mayAct, bool mayManage)
    {
        var (_, people) = World();

        Assert.Equal(mayAct, CaseAccess.MayActOnCases(people[actor], people["Salek"]));
        Assert.Equal(mayManage, CaseAccess.MayManage(people[actor], people["Salek"]));
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public void FindCase_OnlyTheChainFindsSaleksCase(string actor, bool mayAct, bool mayManage)
    {
        _ = mayManage;
        var (w, people) = World();
        var opened = w.MissDeadline(people["Salek"]);

        var found = CaseAccess.FindCase(w.Db, people[actor], opened.Id);

        Assert.Equal(mayAct, found is not null);
        if (found is { } f)
        {
            Assert.Equal(opened.Id, f.Case.Id);
            Assert.Equal(people["Salek"].Id, f.Subject.Id);
        }
    }

    [Theory]
    [InlineData(" c-0001 ", true)]
    [InlineData("C-0001", true)]
    [InlineData("C-0002", false)]
    [InlineData("", false)]
    [InlineData("C-00000000000000001", false)]
    public void FindCase_IdAnyCaseTrimmed_UnknownOrOverlongIsNone(string typed, bool found)
    {
        var (w, people) = World();
        w.MissDeadline(people["Salek"]);

        Assert.Equal(found, CaseAccess.FindCase(w.Db, people["Nina"], typed) is not null);
    }

    [Fact]
    public void SubjectsOf_PrimaryAndBackupSubjectsOnce_NobodyForOthers()
    {
        var (w, people) = World();
        var own = w.Subject(people["Nina"], "Dana");

        Assert.Equal(["Salek", "Dana"], CaseAccess.SubjectsOf(w.Db, w.Fresh(people["Nina"])).Select(s => s.Name));
        Assert.Equal(["Salek"], CaseAccess.SubjectsOf(w.Db, people["Boris"]).Select(s => s.Name));
        Assert.Empty(CaseAccess.SubjectsOf(w.Db, people["Zoe"]));
        Assert.Empty(CaseAccess.SubjectsOf(w.Db, people["Lev"]));
        Assert.Equal(own.Id, CaseAccess.SubjectByAlias(w.Db, w.Fresh(people["Nina"]), "  DANA ")?.Id);
        Assert.Null(CaseAccess.SubjectByAlias(w.Db, people["Zoe"], "Salek"));
    }

    // Salek's chain plus lawyer Lev; Zoe is a coordinator and Mark a lawyer of nobody here.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Run(db =>
        {
            var lev = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9001, "Lev", "UTC", w.Now);
            var mark = DomainWorld.NewPerson(db.NewId("p"), Role.Lawyer, 9002, "Mark", "UTC", w.Now);
            var salek = db.People.Find(w.Chain.Salek.Id)!;
            salek.LawyerIds.Add(lev.Id);
            db.People.Save(lev);
            db.People.Save(mark);
            db.People.Save(salek);
        });
        w.Coordinator("Zoe");
        var people = w.Run(db => db.People.All().ToDictionary(p => p.Name));
        return (w, people);
    }
}
