using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;

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
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening, w.Boris);

        // Boris's chat fails from level 2 (14:45) on, through two repeats.
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 15 * Minute, CaseWorld.Rules);
        w.Deliver(CaseWorld.Opening + 15 * Minute, w.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 25 * Minute, CaseWorld.Rules);
        w.Deliver(CaseWorld.Opening + 25 * Minute, w.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 35 * Minute, CaseWorld.Rules);

        var borises = Assert.Single(w.Queued(w.Boris));
        Assert.Equal(AlertReason.Escalated, borises.Content!.Reason); // still the one that says why he is told at all
        Assert.Single(w.Queued(w.Nina), m => m.TrackCopy); // Nina's 14:55 copy went; only her 15:05 repeat waits
        Assert.Single(w.Case().Timeline, e => e.Kind == CaseEntryKind.AlertQueued && e.PersonId == w.Boris.Id);
        Assert.Equal(2, w.Case().Timeline.Count(e => e.Kind == CaseEntryKind.AlertMerged && e.PersonId == w.Boris.Id)); // the case shows it tried
    }

    [Fact]
    public void Send_UndeliveredFirstAlarmThenRepeat_TheWaitingRowTakesTheRepeatAndTellsTheTimeAtSending()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 10 * Minute, CaseWorld.Rules);

        var ninas = Assert.Single(w.Queued(w.Nina));
        Assert.Equal(AlertReason.Repeat, ninas.Content!.Reason);
        var sent = Assert.Single(w.Deliver(CaseWorld.Opening + 12 * Minute), s => s.Row.PersonId == w.Nina.Id);
        Assert.Contains("nobody has acknowledged for 12 min", sent.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_CaseResolvedWhileRowsWaited_ReaderWhoNeverGotACopy_GetsOneCopyReadingAsResolved_RestDropped()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening, w.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 15 * Minute, CaseWorld.Rules);
        w.Deliver(CaseWorld.Opening + 15 * Minute, w.Boris);
        CheckinService.CheckIn(w.Db, w.Fresh(w.Salek), CaseWorld.Opening + 20 * Minute, CaseWorld.Opening + 20 * Minute, CaseWorld.Rules); // told to Boris too
        w.Deliver(CaseWorld.Opening + 20 * Minute, w.Boris);
        Assert.Equal(2, w.Queued(w.Boris).Count);

        CaseActions.Resolve(w.Db, w.Nina, w.Case(), CaseOutcome.Safe, "", CaseWorld.Opening + 30 * Minute);
        var sent = w.Deliver(CaseWorld.Opening + 35 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Boris.Id);
        Assert.False(borises.IsEdit);
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", borises.Ready.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✔ Resolved by Nina, 02.11 15:00 UTC+3: safe", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Null(borises.Ready.Buttons);
        Assert.Empty(w.Queued(w.Boris)); // the check-in news was dropped, and no edit follows the resolved copy
        var @closed = w.Case();
        Assert.Single(@closed.Timeline, e => e.Kind == CaseEntryKind.AlertDropped && e.PersonId == w.Boris.Id);
        Assert.Equal(CaseAlerts.StateShown(@closed), Assert.Single(@closed.Copies, c => c.PersonId == w.Boris.Id).Shows);
    }

    [Fact]
    public void Prepare_CaseResolvedWhileARepeatWaited_ReaderWithACopy_GetsNoNewMessage_OnlyTheEditOfTheirCopy()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 10 * Minute, CaseWorld.Rules); // repeat queued, not yet sent

        CaseActions.Resolve(w.Db, w.Olga, w.Case(), CaseOutcome.Detained, "", CaseWorld.Opening + 11 * Minute);
        var sent = w.Deliver(CaseWorld.Opening + 11 * Minute);

        Assert.All(sent, s => Assert.True(s.IsEdit));
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, w.Case().Timeline.Count(e => e.Kind == CaseEntryKind.AlertDropped));
        Assert.All(sent, s => Assert.EndsWith("✔ Resolved by Olga, 02.11 14:41 UTC+3: detained", s.Ready.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Prepare_RepeatAfterTheSubjectCheckedIn_ShowsTheirRealLastCheckin()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        var first = w.Deliver(CaseWorld.Opening).First(s => s.Row.PersonId == w.Nina.Id);
        Assert.Contains("Last check-in: never", first.Ready.Text, StringComparison.Ordinal);

        CheckinService.CheckIn(w.Db, w.Fresh(w.Salek), CaseWorld.Opening + 5 * Minute, CaseWorld.Opening + 5 * Minute, CaseWorld.Rules);
        w.Deliver(CaseWorld.Opening + 5 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 10 * Minute, CaseWorld.Rules);
        var repeat = w.Deliver(CaseWorld.Opening + 10 * Minute).First(s => s.Row.PersonId == w.Nina.Id);

        Assert.Contains("Last check-in: 02.11 14:35 UTC+3", repeat.Ready.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("never", repeat.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_CaseAcknowledgedWhileTheCopyWaited_CopySaysWhoTookIt_OffersOnlyResolve_AndNeedsNoEdit()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening, w.Boris);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 15 * Minute, CaseWorld.Rules);
        w.Deliver(CaseWorld.Opening + 15 * Minute, w.Boris);
        CaseActions.Acknowledge(w.Db, w.Olga, w.Case(), CaseWorld.Opening + 16 * Minute);

        var sent = w.Deliver(CaseWorld.Opening + 20 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Boris.Id);
        Assert.Contains("Level 2: the coordinators have not acknowledged for 20 min.", borises.Ready.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n✋ Acknowledged by Olga at 14:46 UTC+3", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Equal<CaseButton>([new ResolveCase("C-0001")], borises.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
        Assert.Empty(w.Queued(w.Boris));
    }

    [Fact]
    public void Prepare_ReopenedAlert_ComposedAfterTheCaseForgotItsTaker_StillNamesWhoTookIt()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening);
        CaseActions.Acknowledge(w.Db, w.Nina, w.Case(), CaseWorld.Opening + 5 * Minute);
        w.Deliver(CaseWorld.Opening + 5 * Minute);
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 35 * Minute, CaseWorld.Rules); // the taker reminded
        EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + 65 * Minute, CaseWorld.Rules); // quiet: reopened to all

        var sent = w.Deliver(CaseWorld.Opening + 66 * Minute);

        var borises = Assert.Single(sent, s => s.Row.PersonId == w.Boris.Id);
        Assert.Contains("Acknowledged by Nina at 14:35 UTC+3, but nothing since", borises.Ready.Text, StringComparison.Ordinal);
        Assert.Equal<CaseButton>([new AcknowledgeCase("C-0001"), new ResolveCase("C-0001")], borises.Ready.Buttons!.SelectMany(r => r).Select(b => b.Action));
    }

    [Fact]
    public void Prepare_LongPlan_TheComposedAlertAndItsStatusEditFitOneMessage()
    {
        var w = new CaseWorld();
        var salek = w.Fresh(w.Salek);
        salek.ResponsePlan = "x" + string.Concat(Enumerable.Repeat("😀", 2500));
        w.Db.Save(salek);
        w.Miss();

        var alert = w.Deliver(CaseWorld.Opening).First(s => s.Row.PersonId == w.Nina.Id);
        CaseActions.Acknowledge(w.Db, w.Olga, w.Case(), CaseWorld.Opening + Minute);
        var edit = w.Deliver(CaseWorld.Opening + Minute).First(s => s.Row.PersonId == w.Nina.Id);

        Assert.InRange(alert.Ready.Text.Length, 1, OutgoingMessage.MaxTextLength);
        Assert.StartsWith("🚨 C-0001: Salek missed a check-in.", alert.Ready.Text, StringComparison.Ordinal);
        Assert.InRange(edit.Ready.Text.Length, 1, OutgoingMessage.MaxTextLength);
        Assert.EndsWith("😀…\n\n✋ Acknowledged by Olga at 14:31 UTC+3", edit.Ready.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateCopies_ManyCopiesPerReader_EditsOnlyEachReadersLatest_LastInTheSendOrder()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening);
        for (var minutes = 10; minutes <= 50; minutes += 10)
        {
            EscalationProcessor.Process(w.Db, @case.Id, CaseWorld.Opening + minutes * Minute, CaseWorld.Rules);
            w.Deliver(CaseWorld.Opening + minutes * Minute);
        }

        var copies = w.Case().Copies;
        Assert.Equal(6, copies.Count(c => c.PersonId == w.Nina.Id));
        CaseActions.Acknowledge(w.Db, w.Nina, w.Case(), CaseWorld.Opening + 51 * Minute);
        CheckinService.Status(w.Db, w.Fresh(w.Salek), CaseWorld.Opening + 51 * Minute, CaseWorld.Rules); // a reply queued after the edits

        var edits = w.Db.Outbox().Where(m => m.EditMessageId is not null).ToList();
        Assert.Equal(3, edits.Count); // Nina, Olga, Boris: one each
        Assert.All(edits, e => Assert.Equal(MessagePriority.Edit, e.Priority));
        Assert.All(edits, e => Assert.Equal(copies.Last(c => c.PersonId == e.PersonId).MessageId, e.EditMessageId));
        var sent = w.Deliver(CaseWorld.Opening + 51 * Minute);
        Assert.False(sent[0].IsEdit); // the reply went first
        Assert.All(sent.Skip(1), s => Assert.True(s.IsEdit));
    }

    [Fact]
    public void Prepare_SecondEditOfTheSameCopy_AfterTheFirstShowedTheLatestState_IsDropped()
    {
        var w = new CaseWorld();
        var @case = w.Miss();
        w.Deliver(CaseWorld.Opening);
        CaseActions.Acknowledge(w.Db, w.Nina, w.Case(), CaseWorld.Opening + 5 * Minute);
        CaseActions.Resolve(w.Db, w.Nina, w.Case(), CaseOutcome.Safe, "", CaseWorld.Opening + 6 * Minute); // before the first edits went

        var sent = w.Deliver(CaseWorld.Opening + 6 * Minute);

        Assert.Equal(2, sent.Count); // Nina's and Olga's copy, each edited once, straight to "resolved"
        Assert.All(sent, s => Assert.True(s.IsEdit));
        Assert.All(sent, s => Assert.EndsWith("✔ Resolved by Nina, 02.11 14:36 UTC+3: safe", s.Ready.Text, StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Null(s.Ready.Buttons));
        Assert.Empty(w.Db.Outbox());
    }
}
