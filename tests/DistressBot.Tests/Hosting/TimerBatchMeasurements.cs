using System.Diagnostics;
using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Storage.LiteDb;
using DistressBot.Telegram;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Storage.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>
/// Figures for the report, not assertions about time: a flood of due reminders with one alarm behind it, over the real
/// store (LiteDB, checkpointed) and the real keyring, processed one record per unit of work and in batches; and the cost
/// of one dispatcher pass over 10,000 queued rows, read from the store (before) and chosen from the index (after).
/// DISTRESSBOT_MEASURE=1 dotnet test -c Release --filter "FullyQualifiedName~TimerBatchMeasurements" --logger "console;verbosity=detailed".
/// </summary>
[Trait("Category", "Measure")]
public sealed class TimerBatchMeasurements(ITestOutputHelper output) : IDisposable
{
    private const int Subjects = 10_000;
    private readonly TestFolders _folders = new();
    private Keyring? _keyring;

    public void Dispose()
    {
        _keyring?.Dispose();
        _folders.Dispose();
    }

    [MeasureFact]
    public async Task ReminderFlood_OneRecordPerUnitThenBatchesOf64_PrintsTimes()
    {
        foreach (var batchSize in new[] { 1, TimerMonitor.DefaultBatchSize })
        {
            using var dir = new TempDirectory();
            var (store, close) = await OpenAsync(dir.Path);
            var w = new DomainWorld();
            var missing = await SeedAsync(store, w);
            var index = new DeadlineIndex();
            var monitor = new DeadlineMonitor(store, new StartupScan(store, w.Rules, NullLogger<StartupScan>.Instance), index, w.Rules, new InboundCatchUp(), new OutboxSignal(), new DowntimeLog(store, w.Time, NullLogger<DowntimeLog>.Instance), w.Time, new TransportClock(w.Time), NullLogger<DeadlineMonitor>.Instance)
            {
                BatchSize = batchSize,
            };
            await monitor.LoadAllAsync(CancellationToken.None);

            var clock = Stopwatch.StartNew();
            TimeSpan? alarmed = null;
            var batches = 0;
            while (index.Peek().Earliest is { } at && at <= w.Now)
            {
                await monitor.ProcessDueAsync(w.Now, CancellationToken.None);
                batches++;
                if (alarmed is null && await store.RunAsync(db => db.People.Find(missing)!.Checkin!.OpenCaseId) is not null)
                {
                    alarmed = clock.Elapsed;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch size {batchSize}: {Subjects} reminders + 1 alarm in {batches} units of work, {clock.Elapsed.TotalSeconds:F2} s ({Subjects / clock.Elapsed.TotalSeconds:F0} records/s); alarm committed after {alarmed?.TotalMilliseconds:F0} ms"));
            await close();
        }
    }

    [MeasureFact]
    public async Task AlarmBurst_ThousandNewCasesAtOnce_PrintsMillisecondsAndWritesPerAlarm()
    {
        const int Alarms = 1_000;
        using (var dir = new TempDirectory())
        {
            var (store, close) = await OpenAsync(dir.Path);
            var w = new DomainWorld();
            await SeedAlarmsAsync(store, w, Alarms);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (seconds, units) = await ProcessAllDueAsync(store, w);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"real store: {Alarms} alarms (a new case each, one coordinator each) in {units} units of work, {seconds:F2} s: {seconds * 1000 / Alarms:F2} ms per alarm; CPU of the process {cpu.TotalMilliseconds / Alarms:F2} ms per alarm"));
            await close();
        }

        var counted = new DomainWorld();
        await SeedAlarmsAsync(counted.Bot(), counted, Alarms);
        var before = counted.Store.PutCount;
        await ProcessAllDueAsync(counted.Bot(), counted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-memory store: {(double)(counted.Store.PutCount - before) / Alarms:F1} record writes per alarm"));
    }

    private static async Task<(double Seconds, int Units)> ProcessAllDueAsync(BotStore store, DomainWorld w)
    {
        var index = new DeadlineIndex();
        var monitor = new DeadlineMonitor(store, new StartupScan(store, w.Rules, NullLogger<StartupScan>.Instance), index, w.Rules, new InboundCatchUp(), new OutboxSignal(), new DowntimeLog(store, w.Time, NullLogger<DowntimeLog>.Instance), w.Time, new TransportClock(w.Time), NullLogger<DeadlineMonitor>.Instance);
        await monitor.LoadAllAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var units = 0;
        while (index.Peek().Earliest is { } at && at <= w.Now)
        {
            await monitor.ProcessDueAsync(w.Now, CancellationToken.None);
            units++;
        }

        return (clock.Elapsed.TotalSeconds, units);
    }

    // Subjects each with a coordinator of their own, all owing an alarm since a second ago.
    private static Task SeedAlarmsAsync(BotStore store, DomainWorld w, int count) => store.RunAsync(db =>
    {
        var now = w.Now;
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var coordinator = DomainWorld.NewPerson("c" + n, Role.Coordinator, 1_000_000 + i, "C" + n, "UTC", now);
            var subject = DomainWorld.NewPerson("s" + n, Role.Subject, 2_000_000 + i, "S" + n, "UTC", now);
            subject.CoordinatorIds.Add(coordinator.Id);
            coordinator.SubjectIds.Add(subject.Id);
            subject.Checkin = new CheckinState
            {
                Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
                ScheduleSetAt = now - TimeSpan.FromMinutes(70),
                OwedDeadline = now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1),
                LeadReminderSent = true,
                DeadlineReminderSent = true,
            };
            db.People.Save(coordinator);
            db.People.Save(subject);
        }
    });

    [MeasureFact]
    public async Task DispatcherPass_TenThousandQueued_ReadFromTheStoreVersusChosenFromTheIndex()
    {
        using var dir = new TempDirectory();
        var (store, close) = await OpenAsync(dir.Path);
        var w = new DomainWorld();
        await store.RunAsync(db =>
        {
            for (var i = 0; i < Subjects; i++)
            {
                db.Outbox.Enqueue(new OutgoingMessage { ChatId = i, Priority = (MessagePriority)(i % 5), Text = "", Content = MessageContent.Of(DistressBot.Localization.TextId.NoteAdded, "C-0001"), QueuedAt = w.Now });
            }
        });

        var before = Stopwatch.StartNew();
        for (var pass = 0; pass < 10; pass++)
        {
            _ = (await store.RunAsync(db => db.Outbox.All())).OrderBy(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        }

        before.Stop();
        var index = new OutboxIndex();
        index.Load(await store.RunAsync(db => db.Outbox.All().Select(OutboxEntry.Of).ToList()));
        var after = Stopwatch.StartNew();
        for (var pass = 0; pass < 10; pass++)
        {
            _ = index.Due(w.Now);
        }

        after.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one pass over {Subjects} queued rows: read, opened and sorted from the store {before.Elapsed.TotalMilliseconds / 10:F1} ms; chosen from the index {after.Elapsed.TotalMilliseconds / 10:F2} ms"));
        await close();
    }

    private async Task<(BotStore Store, Func<Task> Close)> OpenAsync(string directory)
    {
        var keyring = _keyring ??= _folders.NewKeyFileKeyring(out _);
        var caseKeys = CaseKeyStore.Open(Path.Combine(directory, "case-keys.json"), keyring);
        var records = await LiteRecordStore.OpenAsync(directory, NullLogger.Instance, TimeProvider.System);
        var store = new BotStore(records, new CryptoContext(keyring.Cipher, keyring.Lookups, caseKeys.Create, keyring.LogSigner));
        return (store, async () =>
        {
            await records.DisposeAsync();
            caseKeys.Dispose();
        });
    }

    // 10,000 subjects whose early reminder fell due five minutes ago, then one whose check-in was missed a second ago.
    private static async Task<string> SeedAsync(BotStore store, DomainWorld w)
    {
        var now = w.Now;
        return await store.RunAsync(db =>
        {
            var coordinator = DomainWorld.NewPerson("p0", Role.Coordinator, 1, "Nina", "UTC", now);
            for (var i = 1; i <= Subjects + 1; i++)
            {
                var subject = DomainWorld.NewPerson("p" + i.ToString(CultureInfo.InvariantCulture), Role.Subject, 1 + i, "S" + i.ToString(CultureInfo.InvariantCulture), "UTC", now);
                subject.CoordinatorIds.Add(coordinator.Id);
                coordinator.SubjectIds.Add(subject.Id);
                var last = i == Subjects + 1;
                subject.Checkin = new CheckinState
                {
                    Schedule = Schedule.Interval(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
                    ScheduleSetAt = now - TimeSpan.FromMinutes(last ? 65 : 50),
                    OwedDeadline = last ? now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1) : now + TimeSpan.FromMinutes(10),
                    LeadReminderSent = last,
                    DeadlineReminderSent = last,
                };
                db.People.Save(subject);
            }

            db.People.Save(coordinator);
            return "p" + (Subjects + 1).ToString(CultureInfo.InvariantCulture);
        });
    }
}
