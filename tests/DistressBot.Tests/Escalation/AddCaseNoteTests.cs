using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/note: someone on the case adds to its timeline, which counts as activity; nobody is told; a refusal reveals nothing.</summary>
public sealed class AddCaseNoteTests
{
    private static readonly DateTimeOffset Now = CaseChain.Opening + TimeSpan.FromMinutes(4);

    /// <summary>Who writes, the case number as typed, the note, the outcome.</summary>
    public static TheoryData<string, string, string, CaseActionOutcome> Notes => new()
    {
        { "Nina", "C-0001", "called his sister", CaseActionOutcome.Noted },
        { "Boris", "c-0001", "  on my way  ", CaseActionOutcome.Noted },
        { "Lev", "C-0001", "court at 10", CaseActionOutcome.Noted },
        { "Nina", "C-0001", "", CaseActionOutcome.NoteMissing },
        { "Nina", "C-0001", " \n ", CaseActionOutcome.NoteMissing },
        { "Zoe", "C-0001", "I know him", CaseActionOutcome.NotFound },
        { "Mark", "C-0001", "I know him", CaseActionOutcome.NotFound },
        { "Salek", "C-0001", "I am fine", CaseActionOutcome.NotFound },
        { "Nina", "C-0002", "wrong number", CaseActionOutcome.NotFound },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void Run_ByActorCaseAndText_AddsTheNoteAsActivity_AndTellsNobody(string actor, string typed, string text, CaseActionOutcome outcome)
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case;

        var result = w.Act(actor, (db, person) => AddCaseNote.Run(db, person, typed, text, Now));

        Assert.Equal(outcome, result.Outcome);
        Assert.Empty(w.Told());
        var after = w.Case;
        Assert.Equal(before.Status, after.Status);
        if (outcome != CaseActionOutcome.Noted)
        {
            Assert.Equal(outcome == CaseActionOutcome.NotFound ? null : OpenCaseWorld.CaseId, result.Case?.Id);
            // Someone not on the case leaves only the refusal in the case's log, never their text; a wrong number touches nothing.
            var refused = outcome == CaseActionOutcome.NotFound && typed == OpenCaseWorld.CaseId ? 1 : 0;
            Assert.Equal(before.Timeline.Count + refused, after.Timeline.Count);
            Assert.All(after.Timeline.Skip(before.Timeline.Count), e => Assert.Equal((CaseEntryKind.AccessRefused, w.People[actor].Id, (string?)null), (e.Kind, e.PersonId, e.Detail)));
            Assert.Equal(before.LastActivityAt, after.LastActivityAt);
            return;
        }

        var note = after.Timeline[^1];
        Assert.Equal((CaseEntryKind.Note, w.People[actor].Id, text.Trim(), Now), (note.Kind, note.PersonId, note.Detail, note.At));
        Assert.Equal(before.Timeline.Count + 1, after.Timeline.Count);
        Assert.Equal(Now, after.LastActivityAt);
        Assert.Null(after.ActivityReminderAt);
    }

    [Fact]
    public void Run_OnAResolvedCase_StillAddsTheNote_AndTellsNobody()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, person) => CloseCase.Run(db, person, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Now, OwedDeadlines.ResumeAfterResolution));
        var queued = w.World.Run(db => db.Outbox.All().Count);

        var result = w.Act("Olga", (db, person) => AddCaseNote.Run(db, person, OpenCaseWorld.CaseId, "he called back", Now + TimeSpan.FromMinutes(1)));

        Assert.Equal(CaseActionOutcome.Noted, result.Outcome);
        Assert.Equal(CaseStatus.Resolved, w.Case.Status);
        Assert.Equal("he called back", w.Case.Timeline[^1].Detail);
        Assert.Equal(queued, w.World.Run(db => db.Outbox.All().Count));
    }

    [Fact]
    public void Run_LongNote_IsKeptUpToTheLimitOnWholeCharacters()
    {
        var w = OpenCaseWorld.Start();

        w.Act("Nina", (db, person) => AddCaseNote.Run(db, person, OpenCaseWorld.CaseId, new string('x', 1999) + "😀😀", Now));

        var kept = w.Case.Timeline[^1].Detail!;
        Assert.True(kept.Length <= AddCaseNote.MaxNoteLength);
        Assert.StartsWith(new string('x', 1999), kept, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(kept[^1]));
    }
}
