using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>
/// Due timers are acted on in batches, one unit of work each, alarms first: a flood of reminders falling due at the same
/// instant holds a missed check-in's alarm back by one batch at most, and a batch commits wholly or not at all.
/// </summary>
public sealed class TimerBatchTests
{
    private const int BatchSize = 10;
    private const int Reminders = 100;

    private readonly DomainWorld _w = new();
    private readonly List<StoreChanges> _commits = [];

    [Fact]
    public void TakeDue_HundredRemindersAndOneAlarmDueAtOnce_BatchOfTen_TakesTheAlarmFirst()
    {
        var index = new DeadlineIndex();
        var now = _w.Now;
        for (var i = 0; i < Reminders; i++)
        {
            // Each reminder fell due before the alarm and its alarm lies well ahead.
            index.Offer("reminder" + i, now - TimeSpan.FromMinutes(5), now + TimeSpan.FromMinutes(10));
        }

        index.Offer("alarm", now - TimeSpan.FromSeconds(1), now - TimeSpan.FromSeconds(1));

        var first = index.TakeDue(now, BatchSize);

        Assert.Equal(BatchSize, first.Count);
        Assert.Equal("alarm", first[0]);
        Assert.Equal(Reminders + 1 - BatchSize, index.Count); // the rest wait for the next batches, none is lost
        Assert.DoesNotContain("alarm", index.TakeDue(now, int.MaxValue));
    }

    [Fact]
    public void Offer_ALaterLookWithAnEarlierUrgency_KeepsTheEarlierOfEach()
    {
        var index = new DeadlineIndex();
        var now = _w.Now;
        index.Offer("s", now - TimeSpan.FromMinutes(5), now + TimeSpan.FromHours(1));
        index.Offer("s", now + TimeSpan.FromMinutes(5), now - TimeSpan.FromMinutes(1));
        index.Offer("other", now - TimeSpan.FromMinutes(10));

        Assert.Equal(now - TimeSpan.FromMinutes(10), index.Peek().Earliest);
        Assert.Equal(["s"], index.TakeDue(now, 1)); // urgent since a minute ago: ahead of the earlier, non-urgent look
    }

    [Fact]
    public async Task ProcessDueAsync_HundredRemindersAndOneAlarmDueAtOnce_TheAlarmGoesInTheFirstBatch_OneCommit()
    {
        var (reminded, missing) = SeedFlood();
        var monitor = Monitor(_w.Bot(new Recorder(_commits)));
        await monitor.LoadAllAsync(CancellationToken.None);

        await monitor.ProcessDueAsync(_w.Now, CancellationToken.None);

        Assert.NotNull(_w.Fresh(missing).Checkin!.OpenCaseId);
        var commit = Assert.Single(_commits); // the whole batch in one unit of work
        Assert.Equal(BatchSize, commit.Subjects.Count);
        Assert.Equal(BatchSize - 1, reminded.Count(s => _w.Fresh(s).Checkin!.LeadReminderSent));
        Assert.Equal(BatchSize - 1, _w.Run(db => db.Outbox.All().Count(m => m.Priority == MessagePriority.Reminder)));
    }

    [Fact]
    public async Task ProcessDueAsync_ABatchThatThrowsMidway_CommitsNothing_AndIsRedoneRecordByRecord()
    {
        var (reminded, missing) = SeedFlood();
        var log = new CapturingLogger<DeadlineMonitor>();

        // The batch's 13th write fails: the alarm's writes and some reminders' were made in it before.
        var monitor = Monitor(_w.Bot(new Recorder(_commits)), log);
        await monitor.LoadAllAsync(CancellationToken.None);
        _w.Store.CrashAfterPuts = 12;
        _w.Store.CrashOnce = true;

        await monitor.ProcessDueAsync(_w.Now, CancellationToken.None);

        var failed = Assert.Single(log.Entries, e => e.EventId == 3650);
        Assert.Equal(BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), failed["Count"]);
        Assert.Equal(BatchSize, _commits.Count); // nothing of the failed batch reached the observer; each record redone alone
        Assert.All(_commits, c => Assert.Single(c.Subjects));
        Assert.NotNull(_w.Fresh(missing).Checkin!.OpenCaseId);
        var reminders = _w.Run(db => db.Outbox.All().Where(m => m.Priority == MessagePriority.Reminder).Select(m => m.PersonId).ToList());
        Assert.Equal(BatchSize - 1, reminders.Count);
        Assert.Equal(reminders.Count, reminders.Distinct().Count()); // nobody reminded twice
        Assert.Equal(BatchSize - 1, reminded.Count(s => _w.Fresh(s).Checkin!.LeadReminderSent));
    }

    [Fact]
    public async Task ProcessDueAsync_TwentyFiveAlarmsDueAtOnce_RingsTheOutboxAfterEachBatch_SoSendingStartsWhileTheRestAreQueued()
    {
        var coordinator = _w.Coordinator();
        var missing = Enumerable.Range(0, 25).Select(i => SetCheckin(_w.Subject(coordinator, "M" + i), new CheckinState
        {
            Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            ScheduleSetAt = _w.Now - TimeSpan.FromMinutes(65),
            OwedDeadline = _w.Now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1),
            LeadReminderSent = true,
            DeadlineReminderSent = true,
        })).ToList();
        var outbox = new OutboxSignal();
        var monitor = Monitor(_w.Bot(), outbox: outbox);
        await monitor.LoadAllAsync(CancellationToken.None);

        var rung = outbox.NextAsync();
        await monitor.ProcessDueAsync(_w.Now, CancellationToken.None);

        Assert.True(rung.IsCompleted); // the dispatcher is woken by the first batch's commit
        Assert.Equal(BatchSize, _w.Run(db => db.Outbox.All().Count(m => m.Priority == MessagePriority.Alarm)));
        Assert.Equal(25 - BatchSize, missing.Count(s => _w.Fresh(s).Checkin!.OpenCaseId is null)); // the rest not queued yet

        rung = outbox.NextAsync();
        await monitor.ProcessDueAsync(_w.Now, CancellationToken.None);
        Assert.True(rung.IsCompleted); // and again by the second
    }

    // 100 subjects whose early reminder fell due 5 minutes ago, then one whose check-in was missed a second ago: by their
    // instants alone the alarm would be the 101st record looked at.
    private (List<Person> Reminded, Person Missing) SeedFlood()
    {
        var coordinator = _w.Coordinator();
        var now = _w.Now;
        var reminded = new List<Person>();
        for (var i = 0; i < Reminders; i++)
        {
            reminded.Add(SetCheckin(_w.Subject(coordinator, "S" + i), new CheckinState
            {
                Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
                ScheduleSetAt = now - TimeSpan.FromMinutes(50),
                OwedDeadline = now + TimeSpan.FromMinutes(10),
            }));
        }

        var missing = SetCheckin(_w.Subject(coordinator, "Missing"), new CheckinState
        {
            Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            ScheduleSetAt = now - TimeSpan.FromMinutes(65),
            OwedDeadline = now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1),
            LeadReminderSent = true,
            DeadlineReminderSent = true,
        });
        return (reminded, missing);
    }

    private Person SetCheckin(Person subject, CheckinState state) => _w.Run(db =>
    {
        var stored = db.People.Find(subject.Id)!;
        stored.Checkin = state;
        db.People.Save(stored);
        return stored;
    });

    private DeadlineMonitor Monitor(BotStore store, CapturingLogger<DeadlineMonitor>? log = null, OutboxSignal? outbox = null) =>
        new(
            store,
            new StartupScan(store, _w.Rules, NullLogger<StartupScan>.Instance),
            new DeadlineIndex(),
            _w.Rules,
            new InboundCatchUp(),
            outbox ?? new OutboxSignal(),
            new DowntimeLog(store, _w.Time, NullLogger<DowntimeLog>.Instance),
            _w.Time,
            new TransportClock(_w.Time),
            log ?? new CapturingLogger<DeadlineMonitor>())
        {
            BatchSize = BatchSize,
        };

    private sealed class Recorder(List<StoreChanges> commits) : IStoreObserver
    {
        public void Committed(StoreChanges changes)
        {
            if (changes.Subjects.Count > 0)
            {
                commits.Add(changes);
            }
        }
    }
}
