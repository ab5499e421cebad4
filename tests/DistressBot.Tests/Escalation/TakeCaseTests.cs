using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/ack and "I take it": the first press of someone on the case wins and edits the delivered copies; a refusal reveals nothing and changes nothing.</summary>
public sealed class TakeCaseTests
{
    private static readonly DateTimeOffset Now = CaseChain.Opening + TimeSpan.FromMinutes(4);

    /// <summary>Who presses, the case number as typed, the outcome.</summary>
    public static TheoryData<string, string, CaseActionOutcome> Presses => new()
    {
        { "Nina", "C-0001", CaseActionOutcome.Acknowledged },
        { "Olga", " c-0001 ", CaseActionOutcome.Acknowledged },
        { "Boris", "C-0001", CaseActionOutcome.Acknowledged }, // a backup may take it before level 2
        { "Lev", "C-0001", CaseActionOutcome.Acknowledged },
        { "Zoe", "C-0001", CaseActionOutcome.NotFound }, // a coordinator of someone else
        { "Mark", "C-0001", CaseActionOutcome.NotFound }, // a lawyer of someone else
        { "Salek", "C-0001", CaseActionOutcome.NotFound }, // the subject never acts on their own case
        { "Nina", "C-0002", CaseActionOutcome.NotFound },
        { "Nina", "Salek", CaseActionOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(Presses))]
    public void Run_ByActorAndCaseNumber_FirstPressTakesTheCaseAndEditsOnlyTheDeliveredCopies(string actor, string typed, CaseActionOutcome outcome)
    {
        var w = OpenCaseWorld.Start();

        var result = w.Act(actor, (db, person) => TakeCase.Run(db, person, typed, Now));

        Assert.Equal(outcome, result.Outcome);
        var @case = w.Case;
        if (outcome == CaseActionOutcome.NotFound)
        {
            Assert.Same(CaseActionResult.NotFound, result); // an unknown case and someone else's read the same
            Assert.Equal(CaseStatus.Open, @case.Status);
            Assert.Null(@case.AcknowledgedBy);
            Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEntryKind.Acknowledged);
            Assert.Empty(w.Told());
            return;
        }

        Assert.Equal(CaseStatus.Acknowledged, @case.Status);
        Assert.Equal(w.People[actor].Id, @case.AcknowledgedBy);
        Assert.Equal(Now, @case.AcknowledgedAt);
        Assert.Equal(Now, @case.FirstAcknowledgedAt);
        Assert.Equal(Now, @case.LastActivityAt);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEntryKind.Acknowledged && e.PersonId == w.People[actor].Id && e.At == Now);
        Assert.Equal(["Nina", "Olga"], w.Told().Order()); // only the copies that went are edited
        Assert.All(["Nina", "Olga"], name => Assert.All(w.World.Queued(w.People[name]), m => Assert.NotNull(m.EditMessageId)));
    }

    /// <summary>Who took it first, who presses next, the outcome, whether the result names the first taker.</summary>
    public static TheoryData<string, string, CaseActionOutcome> SecondPresses => new()
    {
        { "Nina", "Nina", CaseActionOutcome.AlreadyYours },
        { "Nina", "Olga", CaseActionOutcome.TakenByOther },
        { "Lev", "Boris", CaseActionOutcome.TakenByOther },
        { "Nina", "Zoe", CaseActionOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(SecondPresses))]
    public void Run_OnATakenCase_ChangesAndQueuesNothing_AndNamesTheTakerOnlyToThoseOnTheCase(string first, string second, CaseActionOutcome outcome)
    {
        var w = OpenCaseWorld.Start();
        w.Act(first, (db, person) => TakeCase.Run(db, person, OpenCaseWorld.CaseId, Now));
        var before = w.Case;
        var queued = w.World.Run(db => db.Outbox.All().Count);

        var result = w.Act(second, (db, person) => TakeCase.Run(db, person, OpenCaseWorld.CaseId, Now + TimeSpan.FromMinutes(1)));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(outcome == CaseActionOutcome.TakenByOther ? w.People[first].Id : null, result.Taker?.Id);
        Assert.Equal(outcome == CaseActionOutcome.NotFound ? null : OpenCaseWorld.CaseId, result.Case?.Id);
        var after = w.Case;
        Assert.Equal(w.People[first].Id, after.AcknowledgedBy);
        Assert.Equal(before.AcknowledgedAt, after.AcknowledgedAt);
        Assert.Equal(before.Timeline.Count + (outcome == CaseActionOutcome.NotFound ? 1 : 0), after.Timeline.Count);
        Assert.All(after.Timeline.Skip(before.Timeline.Count), e => Assert.Equal((CaseEntryKind.AccessRefused, w.People[second].Id), (e.Kind, e.PersonId)));
        Assert.Equal(queued, w.World.Run(db => db.Outbox.All().Count));
    }

    [Fact]
    public void Run_OnAResolvedCase_IsClosedAndChangesNothing()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, person) => CloseCase.Run(db, person, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Now, OwedDeadlines.ResumeAfterResolution));
        var queued = w.World.Run(db => db.Outbox.All().Count);

        var result = w.Act("Olga", (db, person) => TakeCase.Run(db, person, OpenCaseWorld.CaseId, Now + TimeSpan.FromMinutes(1)));

        Assert.Equal(CaseActionOutcome.Closed, result.Outcome);
        Assert.Equal(CaseStatus.Resolved, w.Case.Status);
        Assert.Null(w.Case.AcknowledgedBy);
        Assert.Equal(queued, w.World.Run(db => db.Outbox.All().Count));
    }
}
