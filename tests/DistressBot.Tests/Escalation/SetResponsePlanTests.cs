using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/plan: a coordinator in Salek's chain sets his plan at once or on the next message; nobody is told, outsiders change nothing.</summary>
public sealed class SetResponsePlanTests
{
    /// <summary>Actor, alias typed, text typed, outcome, Salek's plan after (null: none), waiting for a plan after.</summary>
    public static TheoryData<string, string, string, PlanOutcome, string?, bool> RunCases => new()
    {
        { "Nina", "Salek", "Call Lev, then the consulate", PlanOutcome.Saved, "Call Lev, then the consulate", false },
        { "Nina", "  sALEK ", "\n  Call Lev  \n", PlanOutcome.Saved, "Call Lev", false },
        { "Boris", "Salek", "Backup's plan", PlanOutcome.Saved, "Backup's plan", false },
        { "Nina", "Salek", "", PlanOutcome.Asked, null, true },
        { "Nina", "Salek", "   ", PlanOutcome.Asked, null, true },
        { "Nina", "", "a plan", PlanOutcome.Usage, null, false },
        { "Nina", "Dana", "a plan", PlanOutcome.SubjectNotFound, null, false },
        { "Zoe", "Salek", "an outsider's plan", PlanOutcome.SubjectNotFound, null, false },
    };

    [Theory]
    [MemberData(nameof(RunCases))]
    public void Run_ByActorAndInput(string actor, string alias, string text, PlanOutcome outcome, string? plan, bool waiting)
    {
        var (w, people) = World();

        var result = w.Run(db => SetResponsePlan.Run(db, db.People.Find(people[actor].Id)!, alias, text));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(plan, w.Fresh(people["Salek"]).ResponsePlan);
        Assert.Equal(waiting ? people["Salek"].Id : null, w.Fresh(people[actor]).PendingPlanFor);
        Assert.Equal(waiting, SetResponsePlan.IsWaitingFor(w.Fresh(people[actor])));
        Assert.Empty(w.Run(db => db.Outbox.All().ToList())); // nobody is told: not the subject, not the chain
    }

    [Fact]
    public void Finish_AfterABarePlan_SavesTheNextMessageAndStopsWaiting()
    {
        var (w, people) = World();
        w.Run(db => SetResponsePlan.Run(db, db.People.Find(people["Nina"].Id)!, "Salek", ""));

        var result = w.Run(db => SetResponsePlan.Finish(db, db.People.Find(people["Nina"].Id)!, "Call Lev at once"));

        Assert.Equal(PlanOutcome.Saved, result.Outcome);
        Assert.Equal(people["Salek"].Id, result.Subject?.Id);
        Assert.Equal("Call Lev at once", w.Fresh(people["Salek"]).ResponsePlan);
        Assert.False(SetResponsePlan.IsWaitingFor(w.Fresh(people["Nina"])));
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
    }

    [Fact]
    public void Finish_SubjectLeftTheChainMeanwhile_DropsThePlanAndStopsWaiting()
    {
        var (w, people) = World();
        w.Run(db => SetResponsePlan.Run(db, db.People.Find(people["Nina"].Id)!, "Salek", ""));
        w.Run(db =>
        {
            var salek = db.People.Find(people["Salek"].Id)!;
            salek.CoordinatorIds.Remove(people["Nina"].Id);
            db.People.Save(salek);
        });

        var result = w.Run(db => SetResponsePlan.Finish(db, db.People.Find(people["Nina"].Id)!, "a plan nobody asked for"));

        Assert.Equal(PlanOutcome.Dropped, result.Outcome);
        Assert.Null(w.Fresh(people["Salek"]).ResponsePlan);
        Assert.Null(w.Fresh(people["Nina"]).PendingPlanFor);
        Assert.Empty(w.Run(db => db.Outbox.All().ToList()));
    }

    [Fact]
    public void Run_OverlongPlan_IsCutToTheLimitOnWholeCharacters()
    {
        var (w, people) = World();

        w.Run(db => SetResponsePlan.Run(db, db.People.Find(people["Nina"].Id)!, "Salek", string.Concat(Enumerable.Repeat("👩🏽‍⚖️", SetResponsePlan.MaxPlanLength))));

        const string Lawyer = "👩🏽‍⚖️";
        var plan = w.Fresh(people["Salek"]).ResponsePlan!;
        Assert.InRange(plan.Length, SetResponsePlan.MaxPlanLength - Lawyer.Length, SetResponsePlan.MaxPlanLength);
        Assert.EndsWith("…", plan, StringComparison.Ordinal);
        Assert.Equal(string.Concat(Enumerable.Repeat(Lawyer, (plan.Length - 1) / Lawyer.Length)), plan[..^1]); // whole characters only
    }

    [Fact]
    public void IsWaitingFor_OnlyACoordinatorWithAPendingPlan()
    {
        var lawyer = DomainWorld.NewPerson("p-1", Role.Lawyer, 1, "Lev", "UTC", CaseChain.Opening);
        lawyer.PendingPlanFor = "p-2";
        var coordinator = DomainWorld.NewPerson("p-3", Role.Coordinator, 3, "Nina", "UTC", CaseChain.Opening);

        Assert.False(SetResponsePlan.IsWaitingFor(lawyer));
        Assert.False(SetResponsePlan.IsWaitingFor(coordinator));
        coordinator.PendingPlanFor = "p-2";
        Assert.True(SetResponsePlan.IsWaitingFor(coordinator));
    }

    // Salek's chain; Zoe is a coordinator of nobody here.
    private static (DomainWorld World, Dictionary<string, Person> People) World()
    {
        var w = DomainWorld.WithCaseChain();
        w.Coordinator("Zoe");
        return (w, w.Run(db => db.People.All().ToDictionary(p => p.Name)));
    }
}
