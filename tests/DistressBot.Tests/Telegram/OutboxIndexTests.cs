using DistressBot.Domain;
using DistressBot.Telegram;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// The dispatcher's in-memory outbox index follows the commits: after any sequence of queuing, sending, failed attempts,
/// rolled-back units and restarts it holds exactly what a fresh load from the store holds, in send order.
/// </summary>
public sealed class OutboxIndexTests
{
    private static readonly MessagePriority[] Priorities = Enum.GetValues<MessagePriority>();

    [Fact]
    public async Task Index_AfterRandomQueueSendFailRollbackRestartSequences_EqualsAFreshLoadFromTheStore()
    {
        // A fixed seed: a failure names the run and step, and runs again the same.
        var random = new Random(1515);
        for (var run = 0; run < 25; run++)
        {
            var w = new DomainWorld();
            var index = new OutboxIndex();
            var store = w.Bot(index);
            for (var step = 0; step < 60; step++)
            {
                var ids = w.Run(db => db.Outbox.All().Select(m => m.Id).ToList());
                var pick = ids.Count > 0 ? ids[random.Next(ids.Count)] : null;
                switch (random.Next(6))
                {
                    case 0 or 1:
                        var count = random.Next(1, 4);
                        var rows = Enumerable.Range(0, count).Select(_ => Row(random, w.Now)).ToList();
                        await store.RunAsync(db => rows.ForEach(db.Outbox.Enqueue));
                        break;
                    case 2 when pick is not null:
                        // Sent (or dropped): the row leaves the outbox.
                        await store.RunAsync(db => db.Outbox.Remove(pick));
                        break;
                    case 3 when pick is not null:
                        // A failed attempt: the row waits until its retry.
                        var notBefore = w.Now + TimeSpan.FromSeconds(random.Next(1, 600));
                        await store.RunAsync(db =>
                        {
                            var row = db.Outbox.Find(pick)!;
                            row.Attempts++;
                            row.NotBefore = notBefore;
                            db.Outbox.Update(row);
                        });
                        break;
                    case 4:
                        // A unit that queues, removes, then throws: it rolls back and must leave no trace in the index.
                        var doomed = Row(random, w.Now);
                        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RunAsync(db =>
                        {
                            db.Outbox.Enqueue(doomed);
                            if (pick is not null)
                            {
                                db.Outbox.Remove(pick);
                            }

                            throw new InvalidOperationException("rolled back");
                        }));
                        break;
                    case 5:
                        // A restart: a new process loads the index from the store.
                        index = new OutboxIndex();
                        store.Observer = index;
                        index.Load(FreshLoad(w));
                        break;
                }

                Assert.True(FreshLoad(w).SequenceEqual(index.Entries()), $"run {run}, step {step}: the index differs from a fresh load");
            }
        }
    }

    [Fact]
    public async Task Load_AfterARestart_HoldsEveryQueuedRowInSendOrder_AlarmsFirst()
    {
        var w = new DomainWorld();
        var before = new OutboxIndex();
        var store = w.Bot(before);
        await store.RunAsync(db =>
        {
            db.Outbox.Enqueue(Row(MessagePriority.Stranger, 5, w.Now));
            db.Outbox.Enqueue(Row(MessagePriority.Reminder, 6, w.Now));
            db.Outbox.Enqueue(Row(MessagePriority.Alarm, 7, w.Now));
        });

        var after = new OutboxIndex();
        after.Load(w.Run(db => db.Outbox.All().Select(OutboxEntry.Of).ToList()));

        Assert.Equal(before.Entries(), after.Entries());
        Assert.Equal([MessagePriority.Alarm, MessagePriority.Reminder, MessagePriority.Stranger], after.Entries().Select(e => e.Priority));
    }

    [Fact]
    public async Task Figures_CountAndOldestQueued_FollowTheCommits_AsTheStoreHasThem()
    {
        var w = new DomainWorld();
        var index = new OutboxIndex();
        var store = w.Bot(index);
        Assert.Equal((0, (DateTimeOffset?)null), index.Figures());

        var first = w.Now;
        await store.RunAsync(db => db.Outbox.Enqueue(Row(MessagePriority.Reminder, 6, first)));
        w.Time.Advance(TimeSpan.FromMinutes(3));
        await store.RunAsync(db => db.Outbox.Enqueue(Row(MessagePriority.Alarm, 7, w.Now)));

        var stored = w.Run(db => db.Outbox.All());
        Assert.Equal((2, (DateTimeOffset?)first), index.Figures());
        Assert.Equal((stored.Count, (DateTimeOffset?)stored.Min(m => m.QueuedAt)), index.Figures());
    }

    [Fact]
    public void Due_ARowWaitingForItsRetry_IsNotDue_AndSaysWhenToLookAgain()
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var index = new OutboxIndex();
        index.Load(
        [
            new OutboxEntry("o2", MessagePriority.Alarm, 1, now + TimeSpan.FromSeconds(30), "C-1"),
            new OutboxEntry("o1", MessagePriority.Reply, 2, null, null),
        ]);

        var (due, nextAt) = index.Due(now);

        Assert.Equal(["o1"], due.Select(e => e.Id));
        Assert.Equal(now + TimeSpan.FromSeconds(30), nextAt);
    }

    private static List<OutboxEntry> FreshLoad(DomainWorld w) =>
        w.Run(db => db.Outbox.All().Select(OutboxEntry.Of).OrderBy(e => e.Priority).ThenBy(e => e.Id, StringComparer.Ordinal).ToList());

    private static OutgoingMessage Row(Random random, DateTimeOffset now) =>
        Row(Priorities[random.Next(Priorities.Length)], random.Next(1, 6), now, random.Next(3) == 0 ? "C-" + random.Next(1, 4) : null);

    private static OutgoingMessage Row(MessagePriority priority, long chat, DateTimeOffset now, string? caseId = null) => new()
    {
        ChatId = chat,
        Priority = priority,
        Text = "x",
        QueuedAt = now,
        CaseId = caseId,
    };
}
