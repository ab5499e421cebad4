using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Who gets which alert about a case: level 1 the coordinators, level 2 backups and lawyers (nobody twice); each alert in the
/// reader's words with the buttons the case allows now; a reader whose alert has not gone yet gets no second one behind it.
/// Times are Moscow time.
/// </summary>
public sealed class CaseAlertsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Levels_CoordinatorsAtOne_BackupsAndLawyersAtTwo_NobodyTwice()
    {
        var w = DomainWorld.WithCaseChain();
        var alexander = CaseSteps.AddLawyer(w);
        var salek = w.Fresh(w.Chain.Salek);
        salek.BackupCoordinatorIds.Add(w.Chain.Olga.Id); // also a coordinator: counted at level 1 only
        salek.CoordinatorIds.Add(w.Chain.Nina.Id); // listed twice
        w.Db.People.Save(salek);

        Assert.Equal([w.Chain.Nina.Id, w.Chain.Olga.Id], CaseAlerts.LevelOne(w.Db, salek).Select(p => p.Id));
        Assert.Equal([w.Chain.Boris.Id, alexander.Id], CaseAlerts.LevelTwo(w.Db, salek).Select(p => p.Id));
    }

    /// <summary>The reason, the reader, the line that says why they are told now (null: none), minutes after the opening.</summary>
    public static TheoryData<AlertReason, string, string?, int> Reasons => new()
    {
        { AlertReason.Alarm, "Nina", null, 0 },
        { AlertReason.Repeat, "Nina", "Reminder: nobody has acknowledged for 10 min.", 10 },
        { AlertReason.Repeat, "Olga", "Повтор: никто не принял тревогу уже 10 мин.", 10 },
        { AlertReason.Repeat, "Nina", "Reminder: nobody has acknowledged for 16 min.", 16 }, // told late (the bot was down): the time at sending
        { AlertReason.Escalated, "Alexander", "Level 2: the coordinators have not acknowledged for 15 min.", 15 },
        { AlertReason.Escalated, "Boris", "Level 2: the coordinators have not acknowledged for 16 min.", 16 },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Send_EachReason_ReadsInTheReadersLanguage_WithBothButtonsWhileOpen(AlertReason reason, string readerName, string? why, int minutes)
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);
        var alexander = CaseSteps.AddLawyer(w);
        var reader = readerName switch { "Nina" => w.Chain.Nina, "Olga" => w.Chain.Olga, "Boris" => w.Chain.Boris, _ => alexander };
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);

        CaseAlerts.Send(w.Db, w.Case(@case.Id), w.Fresh(w.Chain.Salek), [w.Fresh(reader)], reason, CaseChain.Opening + minutes * Minute);
        var sent = Assert.Single(w.Deliver(CaseChain.Opening + minutes * Minute));

        Assert.Equal(reader.Id, sent.Row.PersonId);
        Assert.StartsWith(reader == w.Chain.Olga ? "🚨 C-0001: Salek не отметился(-ась)" : "🚨 C-0001: Salek missed a check-in.", sent.Ready.Text, StringComparison.Ordinal);
        if (why is null)
        {
            Assert.DoesNotContain("\nReminder", sent.Ready.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\nLevel 2", sent.Ready.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("\n" + why, sent.Ready.Text, StringComparison.Ordinal);
        }

        Assert.Equal<CaseButton>([new AcknowledgeCase("C-0001"), new ResolveCase("C-0001")], sent.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
    }

    [Fact]
    public void Send_ToALawyer_CountsWhenTheLawyerWasFirstTold_AndEveryRecipientOnce()
    {
        var w = DomainWorld.WithCaseChain();
        var alexander = CaseSteps.AddLawyer(w);
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        Assert.Null(w.Case(@case.Id).LawyerToldAt);

        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 15 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 25 * Minute, w.Rules);

        var stored = w.Case(@case.Id);
        Assert.Equal(CaseChain.Opening + 15 * Minute, stored.LawyerToldAt);
        Assert.Equal([w.Chain.Nina.Id, w.Chain.Olga.Id, w.Chain.Boris.Id, alexander.Id], stored.Recipients);
        var lines = CaseViews.OpenCases(w.Db, w.Fresh(w.Chain.Nina), CaseChain.Opening + 15 * Minute);
        Assert.Contains("C-0001 · Salek · missed check-in · open, level 2 · opened 02.11 14:30 UTC+3", lines, StringComparison.Ordinal);
        Assert.Contains("taken after: not yet (15 min)", lines, StringComparison.Ordinal);
        Assert.Contains("lawyer told after: 15 min", lines, StringComparison.Ordinal);
        Assert.Contains("lawyer told after: 15 min", CaseViews.OpenCases(w.Db, w.Fresh(alexander), CaseChain.Opening + 15 * Minute), StringComparison.Ordinal);
    }

    /// <summary>The reason the waiting alert has, the reason that comes next, the reason it tells when it goes.</summary>
    [Theory]
    [InlineData(AlertReason.Alarm, AlertReason.Repeat, AlertReason.Repeat)]
    [InlineData(AlertReason.Repeat, AlertReason.Alarm, AlertReason.Repeat)]
    [InlineData(AlertReason.Repeat, AlertReason.Escalated, AlertReason.Escalated)]
    [InlineData(AlertReason.Escalated, AlertReason.Repeat, AlertReason.Escalated)]
    [InlineData(AlertReason.Escalated, AlertReason.Reopened, AlertReason.Reopened)]
    [InlineData(AlertReason.Reopened, AlertReason.Repeat, AlertReason.Reopened)]
    public void Send_ReaderWhoseAlertHasNotGone_GetsNoSecondRow_TheWaitingOneTakesTheWeightierReason(AlertReason waiting, AlertReason next, AlertReason merged)
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        CaseAlerts.Send(w.Db, w.Case(@case.Id), w.Fresh(w.Chain.Salek), [w.Fresh(w.Chain.Boris)], waiting, CaseChain.Opening + Minute);

        var stored = w.Case(@case.Id);
        CaseAlerts.Send(w.Db, stored, w.Fresh(w.Chain.Salek), [w.Fresh(w.Chain.Boris), w.Fresh(w.Chain.Nina)], next, CaseChain.Opening + 2 * Minute);
        w.Db.Cases.Save(stored);

        Assert.Equal(merged, Assert.Single(w.Queued(w.Chain.Boris)).Content!.Reason);
        Assert.Equal(next, Assert.Single(w.Queued(w.Chain.Nina)).Content!.Reason); // Nina's earlier alert went: she gets a new one
        Assert.Single(stored.Timeline, e => e.Kind == CaseEntryKind.AlertMerged && e.PersonId == w.Chain.Boris.Id);
        Assert.Empty(w.Queued(w.Chain.Olga));
        Assert.Empty(w.Queued(w.Chain.Salek));
    }

    [Fact]
    public void TellRecipients_BeforeLevelTwo_OnlyThoseAlertedSoFar()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);

        CaseAlerts.TellRecipients(w.Db, w.Case(@case.Id), CaseChain.Opening + Minute, new MessageText(TextId.LocationShared, @case.Id, "Salek", "55.75, 37.61", CaseChain.Opening));

        Assert.Equal("Nina:Message Olga:Message", CaseSteps.Told(w));
    }

    [Fact]
    public void UpdateCopies_OpenCase_QueuesNoEdit_TakenCase_EditsEachReadersCopy_WithOnlyResolve()
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);

        CaseAlerts.UpdateCopies(w.Db, w.Case(@case.Id), CaseChain.Opening + Minute);
        Assert.Empty(w.Db.Outbox.All());

        CaseSteps.Acknowledge(w, w.Chain.Nina, CaseChain.Opening + 5 * Minute);
        var edits = w.Deliver(CaseChain.Opening + 5 * Minute);

        Assert.Equal(2, edits.Count);
        Assert.All(edits, e => Assert.True(e.IsEdit));
        Assert.EndsWith("\n\n✋ Acknowledged by Nina at 14:35 UTC+3", Text(edits, w.Chain.Nina), StringComparison.Ordinal);
        Assert.EndsWith("\n\n✋ Принято: Nina в 14:35 UTC+3", Text(edits, w.Chain.Olga), StringComparison.Ordinal);
        Assert.All(edits, e => Assert.Equal<CaseButton>([new ResolveCase("C-0001")], e.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action)));
        Assert.DoesNotContain(edits, e => e.Row.PersonId == w.Chain.Boris.Id || e.Row.PersonId == w.Chain.Salek.Id);
    }

    [Theory]
    [InlineData(CaseOutcome.Safe, "safe", "в безопасности")]
    [InlineData(CaseOutcome.Detained, "detained", "задержан(а)")]
    [InlineData(CaseOutcome.Missing, "missing", "пропал(а)")]
    [InlineData(CaseOutcome.Hospitalised, "hospitalised", "в больнице")]
    public void UpdateCopies_ResolvedCase_EachCopySaysHowItEnded_InTheReadersWords_WithNoButtons(CaseOutcome outcome, string english, string russian)
    {
        var w = DomainWorld.WithCaseChain();
        CaseSteps.OlgaReadsRussian(w);
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);

        CaseSteps.Resolve(w, w.Chain.Nina, outcome, CaseChain.Opening + 5 * Minute);
        var edits = w.Deliver(CaseChain.Opening + 5 * Minute);

        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 14:35 UTC+3: " + english, Text(edits, w.Chain.Nina), StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Закрыто: Nina, 02.11 14:35 UTC+3 — " + russian, Text(edits, w.Chain.Olga), StringComparison.Ordinal);
        Assert.All(edits, e => Assert.Null(e.Ready.Buttons));
        Assert.Equal("No open cases.", CaseViews.OpenCases(w.Db, w.Fresh(w.Chain.Nina), CaseChain.Opening + 5 * Minute));
        Assert.Null(w.Fresh(w.Chain.Salek).Checkin!.OpenCaseId);
    }

    [Fact]
    public void Send_LongPlanAndLongMissingReport_TheAlertFitsOneMessage_AndStillSaysWhatHappened()
    {
        var w = DomainWorld.WithCaseChain();
        var salek = w.Fresh(w.Chain.Salek);
        salek.ResponsePlan = new string('p', 3000);
        w.Db.People.Save(salek);

        w.Run(db => Alarms.MissingReport(db, db.People.Find(w.Chain.Salek.Id)!, db.People.Find(w.Chain.Nina.Id)!, new string('r', 3500), CaseChain.Opening));
        var sent = w.Deliver(CaseChain.Opening);

        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.InRange(s.Ready.Text.Length, 1, OutgoingMessage.MaxTextLength));
        Assert.All(sent, s => Assert.StartsWith("🚨 C-0001: Nina reports Salek missing", s.Ready.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Send_SubjectUnreachable_SaysTelegramNoLongerDelivers()
    {
        var w = DomainWorld.WithCaseChain();

        w.Run(db => Alarms.SubjectUnreachable(db, db.People.Find(w.Chain.Salek.Id)!, "Forbidden: user is deactivated", CaseChain.Opening));

        Assert.StartsWith("🚨 C-0001: Telegram no longer delivers messages to Salek (02.11 14:30 UTC+3).", Text(w.Deliver(CaseChain.Opening), w.Chain.Nina), StringComparison.Ordinal);
    }

    private static string Text(List<DomainWorld.Sent> sent, Person reader) => Assert.Single(sent, s => s.Row.PersonId == reader.Id).Ready.Text;
}
