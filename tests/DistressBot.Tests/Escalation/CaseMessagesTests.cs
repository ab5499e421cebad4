using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Case alerts are composed when they are sent, from the case as it stands; a resolved case sends nothing more; nobody gets
/// copies piled up behind an undelivered one; only each reader's latest copy is edited. Times below are Moscow time.
/// </summary>
public sealed class CaseMessagesTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Send_ReaderWithAnUndeliveredAlert_GetsNoSecondCopyQueuedBehindIt()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening, w.Chain.Boris);

        // Boris's chat fails from level 2 (14:45) on, through two repeats.
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 15 * Minute, w.Chain.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 25 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 25 * Minute, w.Chain.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 35 * Minute, w.Rules);

        var borises = Assert.Single(w.Queued(w.Chain.Boris));
        Assert.Equal(AlertReason.Escalated, borises.Content!.Reason); // still the one that says why he is told at all
        Assert.Single(w.Queued(w.Chain.Nina), m => m.TrackCopy); // Nina's 14:55 copy went; only her 15:05 repeat waits
        Assert.Single(w.Case("C-0001").Timeline, e => e.Kind == CaseEntryKind.AlertQueued && e.PersonId == w.Chain.Boris.Id);
        Assert.Equal(2, w.Case("C-0001").Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged && e.PersonId == w.Chain.Boris.Id)); // the case shows it tried
    }

    [Fact]
    public void Send_UndeliveredFirstAlarmThenRepeat_TheWaitingRowTakesTheRepeatAndTellsTheTimeAtSending()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 10 * Minute, w.Rules);

        var ninas = Assert.Single(w.Queued(w.Chain.Nina));
        Assert.Equal(AlertReason.Repeat, ninas.Content!.Reason);
        var sent = Assert.Single(w.Deliver(CaseChain.Opening + 12 * Minute), s => s.Row.PersonId == w.Chain.Nina.Id);
        Assert.Contains("nobody has acknowledged for 12 min", sent.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_CaseResolvedWhileRowsWaited_ReaderWhoNeverGotACopy_GetsOneCopyReadingAsResolved_RestDropped()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening, w.Chain.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 15 * Minute, w.Chain.Boris);
        CheckIn.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + 20 * Minute, CaseChain.Opening + 20 * Minute, w.Rules); // told to Boris too
        w.Deliver(CaseChain.Opening + 20 * Minute, w.Chain.Boris);
        Assert.Equal(2, w.Queued(w.Chain.Boris).Count);

        CloseCase.Run(w.Db, w.Chain.Nina, "C-0001", CaseOutcome.Safe, "", CaseChain.Opening + 30 * Minute, OwedDeadlines.ResumeAfterResolution);
        var sent = w.Deliver(CaseChain.Opening + 35 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Chain.Boris.Id);
        Assert.False(borises.IsEdit);
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", borises.Ready.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 15:00 UTC+3: safe", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Null(borises.Ready.Buttons);
        Assert.Empty(w.Queued(w.Chain.Boris)); // the check-in news was dropped, and no edit follows the resolved copy
        var @closed = w.Case("C-0001");
        Assert.Single(@closed.Timeline, e => e.Kind == CaseEntryKind.AlertDropped && e.PersonId == w.Chain.Boris.Id);
        Assert.Equal(CaseAlerts.StateShown(@closed), Assert.Single(@closed.Copies, c => c.PersonId == w.Chain.Boris.Id).Shows);
    }

    [Fact]
    public void Prepare_CaseResolvedWhileARepeatWaited_ReaderWithACopy_GetsNoNewMessage_OnlyTheEditOfTheirCopy()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 10 * Minute, w.Rules); // repeat queued, not yet sent

        CloseCase.Run(w.Db, w.Chain.Olga, "C-0001", CaseOutcome.Detained, "", CaseChain.Opening + 11 * Minute, OwedDeadlines.ResumeAfterResolution);
        var sent = w.Deliver(CaseChain.Opening + 11 * Minute);

        Assert.All(sent, s => Assert.True(s.IsEdit));
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, w.Case("C-0001").Timeline.Count(e => e.Kind == CaseEntryKind.AlertDropped));
        Assert.All(sent, s => Assert.EndsWith("✔ Resolved by Olga, 02.11 14:41 UTC+3: detained", s.Ready.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_RepeatAfterTheSubjectCheckedIn_ShowsTheirRealLastCheckin()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        var first = w.Deliver(CaseChain.Opening).First(s => s.Row.PersonId == w.Chain.Nina.Id);
        Assert.Contains("Last check-in: never", first.Ready.Text, StringComparison.Ordinal);

        CheckIn.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + 5 * Minute, CaseChain.Opening + 5 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 5 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 10 * Minute, w.Rules);
        var repeat = w.Deliver(CaseChain.Opening + 10 * Minute).First(s => s.Row.PersonId == w.Chain.Nina.Id);

        Assert.Contains("Last check-in: 02.11 14:35 UTC+3", repeat.Ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("never", repeat.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_CaseAcknowledgedWhileTheCopyWaited_CopySaysWhoTookIt_OffersOnlyResolve_AndNeedsNoEdit()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening, w.Chain.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 15 * Minute, w.Rules);
        w.Deliver(CaseChain.Opening + 15 * Minute, w.Chain.Boris);
        TakeCase.Run(w.Db, w.Chain.Olga, "C-0001", CaseChain.Opening + 16 * Minute);

        var sent = w.Deliver(CaseChain.Opening + 20 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Chain.Boris.Id);
        Assert.Contains("Level 2: the coordinators have not acknowledged for 20 min.", borises.Ready.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✋ Acknowledged by Olga at 14:46 UTC+3", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Equal<CaseButton>([new ResolveCase("C-0001")], borises.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
        Assert.Empty(w.Queued(w.Chain.Boris));
    }

    [Fact]
    public void Prepare_ReopenedAlert_ComposedAfterTheCaseForgotItsTaker_StillNamesWhoTookIt()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        TakeCase.Run(w.Db, w.Chain.Nina, "C-0001", CaseChain.Opening + 5 * Minute);
        w.Deliver(CaseChain.Opening + 5 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 35 * Minute, w.Rules); // the taker reminded
        EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + 65 * Minute, w.Rules); // quiet: reopened to all

        var sent = w.Deliver(CaseChain.Opening + 66 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Chain.Boris.Id);
        Assert.Contains("Acknowledged by Nina at 14:35 UTC+3, but nothing since", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Equal<CaseButton>([new AcknowledgeCase("C-0001"), new ResolveCase("C-0001")], borises.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
    }

    [Fact]
    public void Prepare_LongPlan_TheComposedAlertAndItsStatusEditFitOneMessage()
    {
        var w = DomainWorld.WithCaseChain();
        var salek = w.Fresh(w.Chain.Salek);
        salek.ResponsePlan = "x" + string.Concat(Enumerable.Repeat("😀", 2500));
        w.Db.People.Save(salek);
        w.MissDeadline(w.Chain.Salek);

        var alert = w.Deliver(CaseChain.Opening).First(s => s.Row.PersonId == w.Chain.Nina.Id);
        TakeCase.Run(w.Db, w.Chain.Olga, "C-0001", CaseChain.Opening + Minute);
        var edit = w.Deliver(CaseChain.Opening + Minute).First(s => s.Row.PersonId == w.Chain.Nina.Id);

        Assert.InRange(alert.Ready.Text.Length, 1, OutgoingMessage.MaxTextLength);
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", alert.Ready.Text, StringComparison.Ordinal);
        Assert.InRange(edit.Ready.Text.Length, 1, OutgoingMessage.MaxTextLength);
        Assert.EndsWith("😀…\n\n✋ Acknowledged by Olga at 14:31 UTC+3", edit.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateCopies_ManyCopiesPerReader_EditsOnlyEachReadersLatest_LastInTheSendOrder()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        for (var minutes = 10; minutes <= 50; minutes += 10)
        {
            EscalationProcessor.Process(w.Db, @case.Id, CaseChain.Opening + minutes * Minute, w.Rules);
            w.Deliver(CaseChain.Opening + minutes * Minute);
        }

        var copies = w.Case("C-0001").Copies;
        Assert.Equal(6, copies.Count(c => c.PersonId == w.Chain.Nina.Id));
        TakeCase.Run(w.Db, w.Chain.Nina, "C-0001", CaseChain.Opening + 51 * Minute);
        ShowStatus.Run(w.Db, w.Fresh(w.Chain.Salek), CaseChain.Opening + 51 * Minute, w.Rules); // a reply queued after the edits

        var edits = w.Db.Outbox.All().Where(m => m.EditMessageId is not null).ToList();
        Assert.Equal(3, edits.Count); // Nina, Olga, Boris: one each
        Assert.All(edits, e => Assert.Equal(MessagePriority.Edit, e.Priority));
        Assert.All(edits, e => Assert.Equal(copies.Last(c => c.PersonId == e.PersonId).MessageId, e.EditMessageId));
        var sent = w.Deliver(CaseChain.Opening + 51 * Minute);
        Assert.False(sent[0].IsEdit); // the reply went first
        Assert.All(sent.Skip(1), s => Assert.True(s.IsEdit));
    }

    [Fact]
    public void Prepare_SecondEditOfTheSameCopy_AfterTheFirstShowedTheLatestState_IsDropped()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        w.Deliver(CaseChain.Opening);
        TakeCase.Run(w.Db, w.Chain.Nina, "C-0001", CaseChain.Opening + 5 * Minute);
        CloseCase.Run(w.Db, w.Chain.Nina, "C-0001", CaseOutcome.Safe, "", CaseChain.Opening + 6 * Minute, OwedDeadlines.ResumeAfterResolution); // before the first edits went

        var sent = w.Deliver(CaseChain.Opening + 6 * Minute);

        Assert.Equal(2, sent.Count); // Nina's and Olga's copy, each edited once, straight to "resolved"
        Assert.All(sent, s => Assert.True(s.IsEdit));
        Assert.All(sent, s => Assert.EndsWith("✔ Resolved by Nina, 02.11 14:36 UTC+3: safe", s.Ready.Text, StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Null(s.Ready.Buttons));
        Assert.Empty(w.Db.Outbox.All());
    }
}
