using DistressBot.Domain;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.Resilience;

/// <summary>The crash test's in-flight detection: which message a kill caught between Telegram accepting it and the outbox row being deleted.</summary>
public sealed class CrashChecksTests
{
    private const long Coordinator = 5000000001;
    private static readonly DateTimeOffset RunStart = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CaughtInFlight_AlertWordedAtSendTimeStillInOutbox_IsTheRunsLastMessage()
    {
        // The alert's row holds no words (they are chosen at send time), so its words cannot match the message Telegram holds.
        var data = Snapshot(Case("C-0004"), [AlertRow("C-0004")]);

        var caught = CrashChecks.CaughtInFlight(data, [Sent(23, "Anna checked in"), Sent(24, "C-0004: Anna missed a check-in")]);

        Assert.Equal((Coordinator, 24), caught);
    }

    [Fact]
    public void CaughtInFlight_AlertRecordedAsDelivered_IsNotCaughtThoughAnotherAlertAboutTheCaseWaits()
    {
        var @case = Case("C-0004");
        @case.Timeline.Add(new CaseEntry { At = RunStart, Kind = CaseEntryKind.AlertDelivered, PersonId = "p1", Detail = "telegram message 24" });
        var data = Snapshot(@case, [AlertRow("C-0004")]);

        var caught = CrashChecks.CaughtInFlight(data, [Sent(24, "C-0004: Anna missed a check-in")]);

        Assert.Null(caught);
    }

    [Fact]
    public void CaughtInFlight_AlertAboutAnotherCaseWaits_IsNotCaught()
    {
        var data = Snapshot(Case("C-0005"), [AlertRow("C-0005")]);

        var caught = CrashChecks.CaughtInFlight(data, [Sent(24, "C-0004: Anna missed a check-in")]);

        Assert.Null(caught);
    }

    [Fact]
    public void CaughtInFlight_RowWordedWhenQueued_IsMatchedByItsWordsOnly()
    {
        var note = new OutgoingMessage { ChatId = Coordinator, PersonId = "p1", Priority = MessagePriority.Alarm, CaseId = "C-0004", QueuedAt = RunStart, Text = "C-0004: Anna checked in late" };
        var data = Snapshot(Case("C-0004"), [note]);

        Assert.Equal((Coordinator, 25), CrashChecks.CaughtInFlight(data, [Sent(25, "C-0004: Anna checked in late")]));
        Assert.Null(CrashChecks.CaughtInFlight(data, [Sent(24, "C-0004: Anna missed a check-in")]));
    }

    private static DataSnapshot Snapshot(Case @case, IReadOnlyList<OutgoingMessage> outbox) =>
        new([], [@case], outbox, InboxCount: 0, MessagesEverQueued: outbox.Count, RecordsVerified: 0);

    private static Case Case(string id)
    {
        var @case = new Case { Id = id, SubjectId = "p9", Trigger = CaseTrigger.MissedCheckin, OpenedAt = RunStart };
        @case.Timeline.Add(new CaseEntry { At = RunStart, Kind = CaseEntryKind.AlertQueued, PersonId = "p1", Detail = nameof(AlertReason.Alarm) });
        return @case;
    }

    private static OutgoingMessage AlertRow(string caseId) => new()
    {
        ChatId = Coordinator,
        PersonId = "p1",
        Priority = MessagePriority.Alarm,
        CaseId = caseId,
        TrackCopy = true,
        QueuedAt = RunStart,
        Text = "",
        Content = new MessageContent { Kind = MessageKind.CaseAlert, Reason = AlertReason.Alarm },
    };

    private static FakeChatEntry Sent(int messageId, string text) => new()
    {
        ChatId = Coordinator,
        MessageId = messageId,
        Direction = Direction.FromBot,
        Kind = FakeEntryKind.Text,
        Text = text,
        SentAt = RunStart.AddSeconds(messageId),
        Sequence = messageId,
    };
}
