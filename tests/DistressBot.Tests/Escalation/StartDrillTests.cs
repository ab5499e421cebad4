using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/drill: a coordinator in the chain opens a drill case that alerts level 1 only; the subject is never told, one drill at a time.</summary>
public sealed class StartDrillTests
{
    /// <summary>Who starts it, the alias typed, the outcome.</summary>
    public static TheoryData<string, string, DrillOutcome> Drills => new()
    {
        { "Nina", "Salek", DrillOutcome.Started },
        { "Olga", " sALEK ", DrillOutcome.Started },
        { "Boris", "Salek", DrillOutcome.Started },
        { "Nina", "", DrillOutcome.Usage },
        { "Nina", "Dana", DrillOutcome.SubjectNotFound },
        { "Zoe", "Salek", DrillOutcome.SubjectNotFound },
    };

    [Theory]
    [MemberData(nameof(Drills))]
    public void Run_ByActorAndAlias_AlertsLevelOneOnly_NeverTheSubject(string actor, string alias, DrillOutcome outcome)
    {
        var (w, people) = World();

        var result = w.Run(db => StartDrill.Run(db, db.People.Find(people[actor].Id)!, alias, CaseChain.Opening));

        Assert.Equal(outcome, result.Outcome);
        var told = w.Run(db => db.Outbox.All().Select(m => m.PersonId).ToHashSet());
        var salek = w.Fresh(people["Salek"]);
        if (outcome != DrillOutcome.Started)
        {
            Assert.Empty(told);
            Assert.Null(salek.Checkin!.OpenDrillCaseId);
            return;
        }

        var drill = w.Case(result.Case!.Id);
        Assert.True(drill.IsDrill);
        Assert.Equal(CaseTrigger.Drill, drill.Trigger);
        Assert.Equal(people[actor].Id, drill.ReportedBy);
        Assert.Equal(drill.Id, salek.Checkin!.OpenDrillCaseId);
        Assert.Null(salek.Checkin.OpenCaseId); // a drill is never a real case
        Assert.Equal(new HashSet<string?> { people["Nina"].Id, people["Olga"].Id }, told);
        Assert.DoesNotContain(people["Salek"].Id, told);
        Assert.DoesNotContain(people["Boris"].Id, told);
    }

    [Fact]
    public void Run_WhileTheLastDrillIsOpen_IsAlreadyRunningAndQueuesNothingMore()
    {
        var (w, people) = World();
        var first = w.Run(db => StartDrill.Run(db, db.People.Find(people["Nina"].Id)!, "Salek", CaseChain.Opening));
        var queued = w.Run(db => db.Outbox.All().Count);

        var second = w.Run(db => StartDrill.Run(db, db.People.Find(people["Olga"].Id)!, "Salek", CaseChain.Opening + TimeSpan.FromMinutes(1)));

        Assert.Equal(DrillOutcome.AlreadyRunning, second.Outcome);
        Assert.Null(second.Case);
        Assert.Equal(queued, w.Run(db => db.Outbox.All().Count));
        Assert.Equal(first.Case!.Id, w.Fresh(people["Salek"]).Checkin!.OpenDrillCaseId);
    }

    // Salek's chain; Zoe is a coordinator of nobody here.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Coordinator("Zoe");
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
