using DistressBot.Enrollment;

namespace DistressBot.Tests.Enrollment;

public sealed class StrangerLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static bool Reply(StrangerLedger ledger, long sender, DateTimeOffset now)
    {
        var draft = ledger.Begin(now);
        var answered = draft.TryReply(sender);
        ledger.Apply(draft);
        return answered;
    }

    [Fact]
    public void TryReply_SameSenderWithinTheHour_AnswersOnlyOnce()
    {
        var ledger = new StrangerLedger();

        Assert.True(Reply(ledger, 7, T0));
        Assert.False(Reply(ledger, 7, T0 + TimeSpan.FromMinutes(1)));
        Assert.False(Reply(ledger, 7, T0 + StrangerLedger.ReplyEvery - TimeSpan.FromSeconds(1)));
        Assert.True(Reply(ledger, 8, T0 + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void TryReply_AnHourLater_AnswersAgainAndForgetsTheOldEntry()
    {
        var ledger = new StrangerLedger();
        Reply(ledger, 7, T0);

        Assert.True(Reply(ledger, 7, T0 + StrangerLedger.ReplyEvery));
        ledger.Begin(T0 + (2 * StrangerLedger.ReplyEvery));
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void TryReply_ManyMessagesInOneDraft_AnswersTheFirstOnly()
    {
        var ledger = new StrangerLedger();
        var draft = ledger.Begin(T0);

        var answers = Enumerable.Range(0, 10).Select(_ => draft.TryReply(7)).ToList();

        Assert.Equal([true, false, false, false, false, false, false, false, false, false], answers);
    }

    [Fact]
    public void Draft_NotApplied_ChangesNothing()
    {
        var ledger = new StrangerLedger();
        var rolledBack = ledger.Begin(T0);
        rolledBack.TryReply(7);
        rolledBack.Failed(7);

        Assert.Equal(0, ledger.Count);
        Assert.True(Reply(ledger, 7, T0));
    }

    [Fact]
    public void TryReply_LedgerFull_LeavesNewSendersUnansweredButStillAnswersNoOneTwice()
    {
        var ledger = new StrangerLedger();
        var draft = ledger.Begin(T0);
        for (var sender = 0; sender < StrangerLedger.Capacity; sender++)
        {
            Assert.True(draft.TryReply(sender));
        }

        ledger.Apply(draft);
        var next = ledger.Begin(T0 + TimeSpan.FromMinutes(1));

        Assert.False(next.TryReply(StrangerLedger.Capacity));
        Assert.True(next.WasFull);
        Assert.False(next.TryReply(0));
        Assert.Equal(StrangerLedger.Capacity, ledger.Count);
    }

    [Fact]
    public void Failed_FifthWrongCodeWithinTheWindow_HoldsTheSenderBackForTheWindowOnly()
    {
        var ledger = new StrangerLedger();
        var draft = ledger.Begin(T0);
        var heldBackAt = Enumerable.Range(1, StrangerLedger.FailuresPerSender).Where(_ => draft.Failed(7)).ToList();
        ledger.Apply(draft);

        Assert.Equal([StrangerLedger.FailuresPerSender], heldBackAt);
        Assert.True(ledger.Begin(T0 + TimeSpan.FromMinutes(59)).IsHeldBack(7));
        Assert.False(ledger.Begin(T0 + TimeSpan.FromMinutes(59)).IsHeldBack(8));
        Assert.False(ledger.Begin(T0 + StrangerLedger.FailureWindow).IsHeldBack(7));
    }
}
