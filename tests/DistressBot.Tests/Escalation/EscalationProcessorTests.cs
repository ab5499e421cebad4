using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// A case's escalation over one <c>now</c>: level 1 first, level 2 at the escalation delay (15 min), repeats every 10 min,
/// a quiet taker reminded after 30 min and the alarm widened again 30 min later; nothing once resolved. Each row says who is
/// told at that step; everyone else (the subject always) is told nothing. Minutes count from the opening, 14:30 Moscow.
/// </summary>
public sealed class EscalationProcessorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(new int[0], 9, "", 1, 10)] // before the first repeat: nothing
    [InlineData(new int[0], 10, "Nina:Repeat Olga:Repeat", 1, 15)] // level 1 only
    [InlineData(new[] { 10 }, 14, "", 1, 15)]
    [InlineData(new[] { 10 }, 15, "Boris:Escalated Nina:Repeat Olga:Repeat", 2, 25)] // widened to level 2 at the escalation delay
    [InlineData(new int[0], 16, "Boris:Escalated Nina:Repeat Olga:Repeat", 2, 26)] // the 10-min repeat and level 2 fell due together (a restart): each reader told once
    [InlineData(new[] { 10, 15 }, 24, "", 2, 25)]
    [InlineData(new[] { 10, 15 }, 25, "Boris:Repeat Nina:Repeat Olga:Repeat", 2, 35)] // at level 2 everyone is told again
    [InlineData(new[] { 10, 15, 25 }, 35, "Boris:Repeat Nina:Repeat Olga:Repeat", 2, 45)]
    public void Process_Unacknowledged_TellsByLevelAndTime(int[] earlier, int at, string told, int level, int next)
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        Assert.Equal("Nina:Alarm Olga:Alarm", CaseSteps.Told(w)); // the missed check-in: level 1 only
        w.Deliver(CaseChain.Opening);
        foreach (var step in earlier)
        {
            EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + step * Minute, w.Rules);
            w.Deliver(CaseChain.Opening + step * Minute);
        }

        var due = EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + at * Minute, w.Rules);

        Assert.Equal(told, CaseSteps.Told(w));
        var stored = w.Case(@case.Id);
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Equal(level, stored.Level);
        Assert.Equal(CaseChain.Opening + next * Minute, due);
        Assert.Equal(due, EscalationProcessor.NextEventAt(stored, w.Rules.Escalation));
        Assert.Equal(level == 2 ? CaseChain.Opening + (earlier.Contains(15) ? 15 : at) * Minute : null, stored.LevelTwoAt);
        Assert.Equal(level == 2 ? 1 : 0, stored.Timeline.Count(e => e.Kind == CaseEntryKind.Escalated));
    }

    /// <summary>Nina takes the case at minute 5; a note, if any, comes at <c>noteAt</c>.</summary>
    [Theory]
    [InlineData(new int[0], -1, 10, "", CaseStatus.Acknowledged, 1, 35)] // the repeat slot passes quietly
    [InlineData(new[] { 15, 25 }, -1, 30, "", CaseStatus.Acknowledged, 1, 35)] // past level 2 and two repeat slots: nobody is told
    [InlineData(new int[0], -1, 35, "Nina:Message", CaseStatus.Acknowledged, 1, 65)] // quiet for 30 min: only the taker is reminded
    [InlineData(new[] { 35 }, -1, 64, "", CaseStatus.Acknowledged, 1, 65)]
    [InlineData(new[] { 35 }, -1, 65, "Boris:Reopened Nina:Reopened Olga:Reopened", CaseStatus.Open, 2, 75)] // still quiet: both levels again
    [InlineData(new[] { 35 }, 45, 65, "", CaseStatus.Acknowledged, 1, 75)] // the note restarted the clock
    [InlineData(new[] { 35, 65 }, 45, 75, "Nina:Message", CaseStatus.Acknowledged, 1, 105)] // 30 min after the note: the taker again, nobody else
    public void Process_Acknowledged_RemindsTheQuietTakerThenWidens(int[] earlier, int noteAt, int at, string told, CaseStatus status, int level, int next)
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseSteps.Acknowledge(w, w.Chain.Nina, CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);
        foreach (var step in earlier.Append(noteAt).Where(s => s >= 0).Order())
        {
            if (step == noteAt)
            {
                CaseSteps.Note(w, w.Chain.Nina, "lawyer is on the way to the station", CaseChain.Opening + step * Minute);
            }
            else
            {
                EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + step * Minute, w.Rules);
            }

            w.Deliver(CaseChain.Opening + step * Minute);
        }

        var due = EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + at * Minute, w.Rules);

        Assert.Equal(told, CaseSteps.Told(w));
        var stored = w.Case(@case.Id);
        Assert.Equal(status, stored.Status);
        Assert.Equal(level, stored.Level);
        Assert.Equal(CaseChain.Opening + next * Minute, due);
        Assert.Equal(status == CaseStatus.Acknowledged ? w.Chain.Nina.Id : null, stored.AcknowledgedBy);
    }

    [Fact]
    public void Process_QuietTaker_ReminderSaysWhatToDo_OffersOnlyResolve_AndIsOnTheTimeline()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseSteps.Acknowledge(w, w.Chain.Nina, CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);

        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 35 * Minute, w.Rules);
        var sent = Assert.Single(w.Deliver(CaseChain.Opening + 35 * Minute));

        Assert.Equal(w.Chain.Nina.Id, sent.Row.PersonId);
        Assert.StartsWith("⏰ C-0001: you took Salek's case but there is no note or resolution since.", sent.Ready.Text, StringComparison.Ordinal);
        Assert.Equal<CaseButton>([new ResolveCase("C-0001")], sent.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
        var entry = Assert.Single(w.Case(@case.Id).Timeline, e => e.Kind == CaseEntryKind.AcknowledgedReminder);
        Assert.Equal(w.Chain.Nina.Id, entry.PersonId);
        Assert.Equal(CaseChain.Opening + 35 * Minute, w.Case(@case.Id).ActivityReminderAt);
    }

    [Fact]
    public void Process_StillQuietAfterTheReminder_ReopensToEveryone_WithBothButtons_AndForgetsTheTaker()
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseSteps.Acknowledge(w, w.Chain.Nina, CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 35 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 35 * Minute);

        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 65 * Minute, w.Rules);
        var sent = w.Deliver(CaseChain.Opening + 65 * Minute);

        Assert.Equal(3, sent.Count);
        Assert.Contains("Acknowledged by Nina at 14:35 UTC+3, but nothing since: the alarm goes to everyone again.", Text(sent, w.Chain.Boris), StringComparison.Ordinal);
        Assert.Contains("Принято Nina в 14:35 UTC+3, но с тех пор ничего", Text(sent, w.Chain.Olga), StringComparison.Ordinal);
        Assert.All(sent, s => Assert.Equal<CaseButton>([new AcknowledgeCase("C-0001"), new ResolveCase("C-0001")], s.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action)));
        var stored = w.Case(@case.Id);
        Assert.Null(stored.AcknowledgedBy);
        Assert.Null(stored.AcknowledgedAt);
        Assert.Null(stored.ActivityReminderAt);
        Assert.Contains("open, level 2", CaseViews.OpenCases(w.Db, w.Fresh(w.Chain.Nina), CaseChain.Opening + 65 * Minute), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(65)]
    public void Process_Resolved_TellsNobody_AndHasNoNextStep(int at)
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseSteps.Resolve(w, w.Chain.Nina, CaseOutcome.Safe, CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);

        var due = EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + at * Minute, w.Rules);

        Assert.Null(due);
        Assert.Null(EscalationProcessor.NextEventAt(w.Case(@case.Id), w.Rules.Escalation));
        Assert.Equal("", CaseSteps.Told(w));
        Assert.Equal(1, w.Case(@case.Id).Level);
    }

    [Fact]
    public void Process_UnknownCase_DoesNothing()
    {
        var w = DomainWorld.WithCaseChain();

        Assert.Null(EscalationProcessor.Process(w.Db, "C-0099", CaseChain.Opening, w.Rules));
        Assert.Empty(w.Db.Outbox.All());
    }

    [Fact]
    public void Process_SubjectsOwnShorterEscalationDelay_BringsLevelTwoAtFiveMinutes_SubjectsWithoutKeepTheDefault()
    {
        var w = DomainWorld.WithCaseChain();
        SetPolicy.Run(w.Db, w.Fresh(w.Chain.Salek), new EscalationPolicyOverride(TimeSpan.FromMinutes(5), null, null), w.Rules.Escalation);
        var timur = w.Subject(w.Chain.Nina, "Timur");
        var @case = w.MissDeadline(w.Chain.Salek);
        var timurs = w.Run(db => Alarms.MissedCheckin(db, db.People.Find(timur.Id)!, CaseChain.Opening - 30 * Minute, 30 * Minute, CaseChain.Opening));
        w.Deliver(CaseChain.Opening);

        Assert.Equal(CaseChain.Opening + 5 * Minute, EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 4 * Minute, w.Rules));
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 5 * Minute, w.Rules);
        Assert.Equal(CaseChain.Opening + 10 * Minute, EscalationProcessor.Process(w.Db, timurs.Id, CaseChain.Opening + 5 * Minute, w.Rules));

        Assert.Equal("Boris:Escalated Nina:Repeat Olga:Repeat", CaseSteps.Told(w));
        var boris = Assert.Single(w.Deliver(CaseChain.Opening + 5 * Minute), s => s.Row.PersonId == w.Chain.Boris.Id);
        Assert.Contains("Level 2: the coordinators have not acknowledged for 5 min.", boris.Ready.Text, StringComparison.Ordinal);
        Assert.Equal(1, w.Case(timurs.Id).Level); // Timur keeps the deployment's 15 minutes
        Assert.Equal(CaseChain.Opening + 15 * Minute, EscalationProcessor.Process(w.Db, timurs.Id, CaseChain.Opening + 10 * Minute, w.Rules)); // its level 2 at 15
    }

    [Fact]
    public void Process_PolicySetWhileTheCaseIsOpen_AppliesToThatCase()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        SetPolicy.Run(w.Db, w.Fresh(w.Chain.Salek), new EscalationPolicyOverride(TimeSpan.FromMinutes(5), null, null), w.Rules.Escalation);

        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 5 * Minute, w.Rules);

        Assert.Equal(2, w.Case(@case.Id).Level);
        Assert.Contains("not acknowledged for 5 min", Text(w.Deliver(CaseChain.Opening + 5 * Minute), w.Chain.Boris), StringComparison.Ordinal);
    }

    private static string Text(List<DomainWorld.Sent> sent, Person reader) => Assert.Single(sent, s => s.Row.PersonId == reader.Id).Ready.Text;
}
