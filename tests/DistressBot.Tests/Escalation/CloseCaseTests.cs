using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/resolve and the "Close" button: someone on the case closes it with an outcome, the subject is watched again from now, the delivered copies are edited; a refusal reveals nothing and changes nothing.</summary>
public sealed class CloseCaseTests
{
    private static readonly DateTimeOffset Now = CaseChain.Opening + TimeSpan.FromMinutes(4);

    /// <summary>Who closes it, the case number as typed, the outcome, the note, what became of it.</summary>
    public static TheoryData<string, string, CaseOutcome, string, CaseActionOutcome> Closings => new()
    {
        { "Nina", "C-0001", CaseOutcome.Safe, "", CaseActionOutcome.Resolved },
        { "Olga", "c-0001", CaseOutcome.Detained, "at the station", CaseActionOutcome.Resolved },
        { "Boris", "C-0001", CaseOutcome.Missing, "", CaseActionOutcome.Resolved },
        { "Lev", "C-0001", CaseOutcome.Hospitalised, "", CaseActionOutcome.Resolved },
        { "Nina", "C-0001", CaseOutcome.Other, "went to the country", CaseActionOutcome.Resolved },
        { "Nina", "C-0001", CaseOutcome.Other, " ", CaseActionOutcome.OtherNeedsNote },
        { "Zoe", "C-0001", CaseOutcome.Safe, "", CaseActionOutcome.NotFound },
        { "Mark", "C-0001", CaseOutcome.Safe, "", CaseActionOutcome.NotFound },
        { "Salek", "C-0001", CaseOutcome.Safe, "", CaseActionOutcome.NotFound },
        { "Nina", "C-0002", CaseOutcome.Safe, "", CaseActionOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(Closings))]
    public void Run_ByActorAndOutcome_ClosesTheCase_WatchesTheSubjectAgain_AndEditsOnlyTheDeliveredCopies(
        string actor, string typed, CaseOutcome outcome, string note, CaseActionOutcome result)
    {
        var w = OpenCaseWorld.Start();
        var owedBefore = w.World.Fresh(w.People["Salek"]).Checkin!.OwedDeadline;

        var done = w.Act(actor, (db, person) => CloseCase.Run(db, person, typed, outcome, note, Now, OwedDeadlines.ResumeAfterResolution));

        Assert.Equal(result, done.Outcome);
        var @case = w.Case;
        var salek = w.World.Fresh(w.People["Salek"]).Checkin!;
        if (result != CaseActionOutcome.Resolved)
        {
            Assert.Equal(result == CaseActionOutcome.NotFound ? null : OpenCaseWorld.CaseId, done.Case?.Id);
            Assert.Equal(CaseStatus.Open, @case.Status);
            Assert.Null(@case.Outcome);
            Assert.Equal(OpenCaseWorld.CaseId, salek.OpenCaseId);
            Assert.Equal(owedBefore, salek.OwedDeadline);
            Assert.Empty(w.Told());
            return;
        }

        Assert.Equal((CaseStatus.Resolved, outcome, w.People[actor].Id, Now), (@case.Status, @case.Outcome!.Value, @case.ResolvedBy, @case.ResolvedAt!.Value));
        var entry = @case.Timeline[^1];
        Assert.Equal((CaseEntryKind.Resolved, outcome + (note.Length == 0 ? "" : ": " + note)), (entry.Kind, entry.Detail));
        Assert.Null(salek.OpenCaseId);
        Assert.Equal(Now + TimeSpan.FromHours(2), salek.OwedDeadline); // the schedule runs again from now
        Assert.Equal(["Lev", "Nina", "Olga"], w.Told().Order());
        Assert.All(["Nina", "Olga"], name => Assert.All(w.World.Queued(w.People[name]), m => Assert.NotNull(m.EditMessageId)));

        // The lawyer keeps the signed checkpoint over the final log, resolution included.
        var toLawyer = Assert.Single(w.World.TextsTo(w.People["Lev"]));
        Assert.StartsWith("Checkpoint of case C-0001's log: ", toLawyer, StringComparison.Ordinal);
        var checkpoint = w.World.Run(db => db.CaseLog.Latest(OpenCaseWorld.CaseId))!;
        Assert.Equal(w.World.Run(db => db.CaseLog.Head(OpenCaseWorld.CaseId).Size), checkpoint.Size);
        Assert.EndsWith(checkpoint.Note, toLawyer, StringComparison.Ordinal);
        Assert.Equal(new CheckpointSent("lawyer", "Lev", Now), Assert.Single(checkpoint.Sent));
    }

    [Fact]
    public void Run_OnAResolvedCase_IsClosedAndKeepsTheFirstOutcome()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, person) => CloseCase.Run(db, person, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Now, OwedDeadlines.ResumeAfterResolution));
        var queued = w.World.Run(db => db.Outbox.All().Count);
        var timeline = w.Case.Timeline.Count;

        var result = w.Act("Olga", (db, person) => CloseCase.Run(db, person, OpenCaseWorld.CaseId, CaseOutcome.Detained, "", Now + TimeSpan.FromMinutes(1), OwedDeadlines.ResumeAfterResolution));

        Assert.Equal(CaseActionOutcome.Closed, result.Outcome);
        Assert.Equal((CaseOutcome.Safe, w.People["Nina"].Id), (w.Case.Outcome!.Value, w.Case.ResolvedBy));
        Assert.Equal(timeline, w.Case.Timeline.Count);
        Assert.Equal(queued, w.World.Run(db => db.Outbox.All().Count));
    }

    /// <summary>Who presses "Close", the outcome.</summary>
    public static TheoryData<string, CaseActionOutcome> Asks => new()
    {
        { "Nina", CaseActionOutcome.OutcomesOffered },
        { "Lev", CaseActionOutcome.OutcomesOffered },
        { "Zoe", CaseActionOutcome.NotFound },
        { "Salek", CaseActionOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(Asks))]
    public void Ask_ByActor_SendsOnlyThePresserTheOfferedOutcomes_AndLeavesTheCaseOpen(string actor, CaseActionOutcome outcome)
    {
        var w = OpenCaseWorld.Start();

        var result = w.Act(actor, (db, person) => CloseCase.Ask(db, person, OpenCaseWorld.CaseId, Now));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(CaseStatus.Open, w.Case.Status);
        if (outcome == CaseActionOutcome.NotFound)
        {
            Assert.Empty(w.Told());
            return;
        }

        Assert.Equal([actor], w.Told());
        var offer = Assert.Single(w.World.Queued(w.People[actor]));
        Assert.StartsWith("C-0001 (Salek): how did it end?", Assert.Single(w.World.TextsTo(w.People[actor])), StringComparison.Ordinal);
        Assert.Equal<CaseButton>(
            [.. ChooseOutcome.Offered.Select(o => new ChooseOutcome(OpenCaseWorld.CaseId, o))],
            offer.InlineButtons!.Select(row => Assert.Single(row).Action));
    }

    [Fact]
    public void Ask_OnAResolvedCase_IsClosedAndOffersNothing()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, person) => CloseCase.Run(db, person, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Now, OwedDeadlines.ResumeAfterResolution));
        var queued = w.World.Run(db => db.Outbox.All().Count);

        var result = w.Act("Olga", (db, person) => CloseCase.Ask(db, person, OpenCaseWorld.CaseId, Now));

        Assert.Equal(CaseActionOutcome.Closed, result.Outcome);
        Assert.Equal(queued, w.World.Run(db => db.Outbox.All().Count));
    }

    /// <summary>Words as typed after /resolve, and the outcome they name (none: not an outcome).</summary>
    public static TheoryData<string, CaseOutcome?> Words => new()
    {
        { "safe", CaseOutcome.Safe },
        { " SAFE ", CaseOutcome.Safe },
        { "ложная", CaseOutcome.Safe },
        { "задержана", CaseOutcome.Detained },
        { "missing", CaseOutcome.Missing },
        { "hospitalized", CaseOutcome.Hospitalised },
        { "другое", CaseOutcome.Other },
        { "", null },
        { "0", null },
        { "Safe.", null },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void TryParseOutcome_Word_NamesTheOutcomeOrNone(string word, CaseOutcome? outcome)
    {
        Assert.Equal(outcome is not null, CloseCase.TryParseOutcome(word, out var parsed));
        Assert.Equal(outcome ?? default, parsed);
    }
}
