using DistressBot.Checkins;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>
/// The sealed timer index is kept in the unit of work of every change that moves a timer, so a start-up reads it instead of every
/// person; one that is missing, stale, short or damaged is never used: the start-up reads every person and rebuilds it.
/// </summary>
public sealed class TimerIndexTests
{
    private const int LoadedFromIndex = 3680;
    private const int Scanning = 3681;

    [Fact]
    public async Task Index_AfterARandomRunOfCheckinsSchedulesCasesAndRestarts_EqualsAFreshScanOfEveryPerson()
    {
        var w = new DomainWorld();
        var random = new Random(20261130);
        var coordinators = Enumerable.Range(0, 3).Select(i => w.Coordinator($"Coordinator {i}")).ToList();
        var subjects = Enumerable.Range(0, 12).Select(i => w.Subject(coordinators[i % 3], $"Subject {i}")).ToList();
        var bot = Kept(w);
        await Start(w, bot).TakeAsync(CancellationToken.None);
        var restarts = 0;

        for (var step = 0; step < 300; step++)
        {
            var subject = w.Fresh(subjects[random.Next(subjects.Count)]);
            var coordinator = w.Fresh(coordinators[random.Next(coordinators.Count)]);
            var now = w.Now;
            switch (random.Next(9))
            {
                case 0:
                    await bot.RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, $"every {random.Next(1, 6)}h grace {random.Next(2, 40)}m", now, w.Rules));
                    break;
                case 1:
                case 2:
                    await bot.RunAsync(db => CheckIn.Run(db, db.People.Find(subject.Id)!, now, now, w.Rules));
                    break;
                case 3:
                    await bot.RunAsync(db => PauseCheckins.Run(db, db.People.Find(subject.Id)!, $"{random.Next(1, 4)}h", now, w.Rules));
                    break;
                case 4:
                    await bot.RunAsync(db => ResumeCheckins.Run(db, db.People.Find(subject.Id)!, now, w.Rules));
                    break;
                case 5:
                    await bot.RunAsync(db => Alarms.Sos(db, db.People.Find(subject.Id)!, now, now));
                    break;
                case 6:
                    if (subject.Checkin?.OpenCaseId is { } open)
                    {
                        var ack = random.Next(2) == 0;
                        await bot.RunAsync(db => ack
                            ? TakeCase.Run(db, db.People.Find(coordinator.Id)!, open, now)
                            : CloseCase.Run(db, db.People.Find(coordinator.Id)!, open, CaseOutcome.Safe, "", now, (_, _) => { }));
                    }

                    break;
                case 7:
                    var acknowledgeTimeout = TimeSpan.FromMinutes(random.Next(1, 30));
                    await bot.RunAsync(db => SetPolicy.Run(db, db.People.Find(subject.Id)!, new EscalationPolicyOverride(acknowledgeTimeout, null, null), w.Rules.Escalation));
                    break;
                default:
                    // Time passes and the monitors act on whatever fell due (reminders, alarms, escalations), as the running bot would.
                    w.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
                    var at = w.Now;
                    await bot.RunAsync(db =>
                    {
                        foreach (var id in subjects.Select(s => s.Id))
                        {
                            DeadlineProcessor.Process(db, id, at, w.Rules);
                        }

                        foreach (var open in db.Cases.All().Where(c => c.Status != CaseStatus.Resolved).Select(c => c.Id).ToList())
                        {
                            EscalationProcessor.Process(db, open, at, w.Rules);
                        }
                    });
                    break;
            }

            if (step % 50 == 49)
            {
                // A restart: the timers come from the index, and they are every person's as a fresh scan finds them.
                var logger = new CapturingLogger<StartupScan>();
                var loaded = await new StartupScan(bot, w.Rules, logger).TakeAsync(CancellationToken.None);
                Assert.Contains(logger.Entries, e => e.EventId == LoadedFromIndex);
                Assert.DoesNotContain(logger.Entries, e => e.EventId == Scanning);
                Assert.Equal(Looks(FreshScan(w).Where(e => e.Kind == TimerKind.Subject)), Looks(loaded.Deadlines.Where(d => d.At is not null)));
                Assert.Equal(Looks(FreshScan(w).Where(e => e.Kind == TimerKind.Case)), Looks(loaded.Escalations.Where(d => d.At is not null)));
                restarts++;
            }

            Assert.Equal(Sorted(FreshScan(w)), Sorted(Read(w)));
        }

        Assert.Equal(6, restarts);
        Assert.Contains(FreshScan(w), e => e.Kind == TimerKind.Case);
    }

    [Fact]
    public async Task StartupScan_WithoutAnIndex_ReadsEveryPerson_AndRebuildsIt_ThenTheNextStartReadsOnlyTheIndex()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        var counting = new CountingRecordStore(new InMemoryRecordStore(w.Store));
        var bot = new BotStore(counting, w.Crypto) { Closing = new TimerIndexKeeper(w.Rules) };

        var logger = new CapturingLogger<StartupScan>();
        var first = await new StartupScan(bot, w.Rules, logger).TakeAsync(CancellationToken.None);

        Assert.Equal(TimerIndexProblem.Missing.ToString(), Assert.Single(logger.Entries, e => e.EventId == Scanning)["Problem"]);
        Assert.Equal(1, counting.Reads.Scans(Collections.People));
        Assert.Equal(@case.Id, Assert.Single(first.Escalations).Id);
        Assert.Equal(Sorted(FreshScan(w)), Sorted(Read(w)));

        var again = new CapturingLogger<StartupScan>();
        var second = await new StartupScan(bot, w.Rules, again).TakeAsync(CancellationToken.None);

        Assert.Contains(again.Entries, e => e.EventId == LoadedFromIndex);
        Assert.Equal(1, counting.Reads.Scans(Collections.People));
        Assert.Equal(Looks(first.Deadlines.Where(d => d.At is not null)), Looks(second.Deadlines));
        Assert.Equal(Looks(first.Escalations), Looks(second.Escalations));
    }

    [Fact]
    public async Task StartupScan_AfterTheReminderLeadChanged_DoesNotUseTheIndex_AndNoLookIsLate()
    {
        var w = new DomainWorld();
        var subject = w.Subject(w.Coordinator());
        var bot = Kept(w);
        await bot.RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", w.Now, w.Rules));
        await Start(w, bot).TakeAsync(CancellationToken.None);

        // An hour's lead: under the old index (15 minutes) the first reminder would be looked at 45 minutes late.
        var longer = w.Rules with { ReminderLead = TimeSpan.FromHours(1) };
        var logger = new CapturingLogger<StartupScan>();
        var timers = await new StartupScan(Kept(w, longer), longer, logger).TakeAsync(CancellationToken.None);

        Assert.Equal(TimerIndexProblem.RulesChanged.ToString(), Assert.Single(logger.Entries, e => e.EventId == Scanning)["Problem"]);
        Assert.Equal(DeadlineProcessor.NextEventAt(w.Fresh(subject), longer), Assert.Single(timers.Deadlines).At);
        Assert.Equal(w.Fresh(subject).Checkin!.OwedDeadline - TimeSpan.FromHours(1), Assert.Single(timers.Deadlines).At);
        Assert.Equal(TimerIndexProblem.None, Read(w, longer).Problem);
        Assert.Equal(TimerIndexProblem.RulesChanged, Read(w, w.Rules).Problem);
    }

    [Fact]
    public async Task StartupScan_WhenAShardDoesNotAuthenticate_FallsBackToTheScan_WithALogEvent_AndRebuilds()
    {
        var w = new DomainWorld();
        var subject = w.Subject(w.Coordinator());
        var bot = Kept(w);
        await bot.RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", w.Now, w.Rules));
        await Start(w, bot).TakeAsync(CancellationToken.None);
        var shard = w.Store.All(Collections.TimerIndex).Single(r => r.Id != TimerIndexStore.HeaderId);

        // Altered: it no longer authenticates.
        w.Store.Put(shard with { Blob = [0, .. shard.Blob] });
        var logger = new CapturingLogger<StartupScan>();
        var timers = await new StartupScan(bot, w.Rules, logger).TakeAsync(CancellationToken.None);

        Assert.Equal(TimerIndexProblem.DoesNotOpen.ToString(), Assert.Single(logger.Entries, e => e.EventId == Scanning)["Problem"]);
        Assert.Equal(DeadlineProcessor.NextEventAt(w.Fresh(subject), w.Rules), Assert.Single(timers.Deadlines).At);
        Assert.Equal(TimerIndexProblem.None, Read(w, w.Rules).Problem);
        Assert.Equal(Sorted(FreshScan(w)), Sorted(Read(w)));
    }

    [Fact]
    public async Task StartupScan_WhenAShardIsMissing_SeesTheCountShort_AndScans()
    {
        var w = new DomainWorld();
        var coordinator = w.Coordinator();
        var subjects = Enumerable.Range(0, 8).Select(i => w.Subject(coordinator, $"S{i}")).ToList();
        var bot = Kept(w);
        foreach (var subject in subjects)
        {
            await bot.RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", w.Now, w.Rules));
        }

        await Start(w, bot).TakeAsync(CancellationToken.None);
        w.Store.Delete(Collections.TimerIndex, w.Store.All(Collections.TimerIndex).First(r => r.Id != TimerIndexStore.HeaderId).Id);
        var logger = new CapturingLogger<StartupScan>();
        var timers = await new StartupScan(bot, w.Rules, logger).TakeAsync(CancellationToken.None);

        Assert.Equal(TimerIndexProblem.Count.ToString(), Assert.Single(logger.Entries, e => e.EventId == Scanning)["Problem"]);
        Assert.Equal(8, timers.Deadlines.Count(d => d.At is not null));
        Assert.Equal(Sorted(FreshScan(w)), Sorted(Read(w)));
    }

    [Fact]
    public async Task Keeper_WhenAShardItMustRewriteDoesNotOpen_DropsTheIndex_AndTheChangeStillCommits()
    {
        var w = new DomainWorld();
        var subject = w.Subject(w.Coordinator());
        var bot = Kept(w);
        await bot.RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", w.Now, w.Rules));
        await Start(w, bot).TakeAsync(CancellationToken.None);
        var shard = w.Store.All(Collections.TimerIndex).Single(r => r.Id != TimerIndexStore.HeaderId);
        w.Store.Put(shard with { Blob = [0, .. shard.Blob] });

        await bot.RunAsync(db => CheckIn.Run(db, db.People.Find(subject.Id)!, w.Now, w.Now, w.Rules));

        Assert.Equal(w.Now, w.Fresh(subject).Checkin!.LastCheckinAt);
        Assert.Equal(TimerIndexProblem.Missing, Read(w, w.Rules).Problem);
    }

    [Fact]
    public async Task Keeper_WithoutRules_DropsTheIndexOnAnyTimerChange_SoTheNextStartScans()
    {
        var w = new DomainWorld();
        var subject = w.Subject(w.Coordinator());
        await Start(w, Kept(w)).TakeAsync(CancellationToken.None);

        await new BotStore(new InMemoryRecordStore(w.Store), w.Crypto) { Closing = new TimerIndexKeeper(null) }
            .RunAsync(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 2h grace 30m", w.Now, w.Rules));

        Assert.Equal(TimerIndexProblem.Missing, Read(w, w.Rules).Problem);
    }

    [Fact]
    public void Fingerprint_ChangesWithTheTimingRules_AndNotWithOtherSettings()
    {
        var rules = DomainWorld.TestRules();

        Assert.Equal(TimerIndexKeeper.Fingerprint(rules), TimerIndexKeeper.Fingerprint(rules with { DefaultTimeZone = "Europe/Moscow", InviteLifetime = TimeSpan.FromDays(3) }));
        Assert.NotEqual(TimerIndexKeeper.Fingerprint(rules), TimerIndexKeeper.Fingerprint(rules with { ReminderLead = TimeSpan.FromMinutes(16) }));
        Assert.NotEqual(TimerIndexKeeper.Fingerprint(rules), TimerIndexKeeper.Fingerprint(rules with { Escalation = rules.Escalation with { AcknowledgeTimeout = TimeSpan.FromMinutes(14) } }));
        Assert.NotEqual(TimerIndexKeeper.Fingerprint(rules), TimerIndexKeeper.Fingerprint(rules with { Escalation = rules.Escalation with { RepeatEvery = TimeSpan.FromMinutes(11) } }));
        Assert.NotEqual(TimerIndexKeeper.Fingerprint(rules), TimerIndexKeeper.Fingerprint(rules with { Escalation = rules.Escalation with { AcknowledgedReminder = TimeSpan.FromMinutes(31) } }));
    }

    [Fact]
    public void Shards_HoldNoIdOrInstantInTheClear()
    {
        var w = new DomainWorld();
        var subject = w.Subject(w.Coordinator());
        w.Run(db => db.TimerIndex.Rebuild([new TimerIndexEntry(TimerKind.Subject, subject.Id, w.Now, w.Now)], TimerIndexKeeper.Fingerprint(w.Rules)));

        var shard = w.Store.All(Collections.TimerIndex).Single(r => r.Id != TimerIndexStore.HeaderId);

        Assert.Null(shard.Lookup);
        Assert.StartsWith("s", shard.Id, StringComparison.Ordinal);
        Assert.Throws<RecordIntegrityException>(() => w.Crypto.Cipher.Open(shard.Blob, new RecordAddress(Collections.TimerIndex, TimerIndexStore.HeaderId, Collections.DataField)));
    }

    private static BotStore Kept(DomainWorld w, BotRules? rules = null) =>
        new(new InMemoryRecordStore(w.Store), w.Crypto) { Closing = new TimerIndexKeeper(rules ?? w.Rules) };

    private static StartupScan Start(DomainWorld w, BotStore bot) => new(bot, w.Rules, NullLogger<StartupScan>.Instance);

    private static TimerIndexRead Read(DomainWorld w, BotRules rules) => w.Run(db => db.TimerIndex.Read(TimerIndexKeeper.Fingerprint(rules)));

    private static IReadOnlyList<TimerIndexEntry> Read(DomainWorld w) =>
        Read(w, w.Rules).Entries ?? throw new InvalidOperationException("The index cannot be used: " + Read(w, w.Rules).Problem);

    // What the start-up would find by reading every person: the truth the index must equal.
    private static List<TimerIndexEntry> FreshScan(DomainWorld w) => w.Run(db =>
    {
        var entries = new List<TimerIndexEntry>();
        foreach (var subject in db.People.All().Where(p => p.Checkin is not null))
        {
            if (TimerIndexKeeper.SubjectEntry(subject, w.Rules) is { } own)
            {
                entries.Add(own);
            }

            foreach (var id in new[] { subject.Checkin!.OpenCaseId, subject.Checkin.OpenDrillCaseId }.OfType<string>())
            {
                if (TimerIndexKeeper.CaseEntry(db.Cases.Find(id)!, subject.Policy, w.Rules) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    });

    private static List<string> Sorted(IEnumerable<TimerIndexEntry> entries) =>
        [.. entries.Select(e => $"{e.Kind} {e.Id} {e.At:O} {e.UrgentAt:O}").Order(StringComparer.Ordinal)];

    private static List<string> Looks(IEnumerable<TimerIndexEntry> entries) =>
        [.. entries.Select(e => $"{e.Id} {e.At:O} {e.UrgentAt:O}").Order(StringComparer.Ordinal)];

    private static List<string> Looks(IEnumerable<TimerLook> looks) =>
        [.. looks.Select(e => $"{e.Id} {e.At:O} {e.UrgentAt:O}").Order(StringComparer.Ordinal)];

}
