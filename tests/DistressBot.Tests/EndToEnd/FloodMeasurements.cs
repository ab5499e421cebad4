using System.Diagnostics;
using System.Globalization;
using DistressBot.Domain;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Storage.Fakes;
using Xunit.Abstractions;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// The real bot under a stranger flood, printed for docs/performance.md:
/// DISTRESSBOT_MEASURE=1 dotnet test -c Release --filter "FullyQualifiedName~FloodMeasurements" --logger "console;verbosity=detailed".
/// </summary>
[Trait("Category", "Measure")]
public sealed class FloodMeasurements(ITestOutputHelper output)
{
    private const int Strangers = 1000;
    private const int FloodMessages = 10_000;
    private const int Samples = 10;

    [MeasureFact]
    public async Task StrangerFlood_SubjectsAndCoordinatorsAnswered_PrintsLatencyAndStoreSize()
    {
        await using var s = await Scenario.StartAsync();
        var subjects = Enumerable.Range(0, Samples).Select(i => new FakeUser(2001 + i, $"Subject{i}", "en")).ToList();
        var coordinators = Enumerable.Range(0, Samples).Select(i => new FakeUser(3001 + i, $"Coordinator{i}", "en")).ToList();
        foreach (var coordinator in coordinators)
        {
            await s.EnrolCoordinatorAsync(coordinator, coordinator.FirstName);
        }

        foreach (var subject in subjects)
        {
            await s.EnrolSubjectAsync(coordinators[0], subject, subject.FirstName);
            await s.SayAsync(subject, "/schedule every 12h grace 30m");
        }

        await s.SettleAsync();
        await Task.Delay(TimeSpan.FromSeconds(4)); // every chat's send bucket full again, as for people who wrote a while ago
        var sizeBefore = DataSize(s);

        // Phase 1: the whole flood queued at Telegram at once, a subject's /checkin and a coordinator's command every
        // thousand messages; the last of each is behind all of it.
        var waits = new List<Task<(string Kind, int Position, TimeSpan Latency)>>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < FloodMessages; i++)
        {
            var stranger = new FakeUser(10_000 + (i % Strangers), "Who", "en");
            s.Telegram.EnqueueMessage(stranger.Id, (i % 7 == 0) ? $"/start {i:D20}" : "hello " + i.ToString(CultureInfo.InvariantCulture), stranger);
            if ((i + 1) % (FloodMessages / Samples) == 0)
            {
                var k = ((i + 1) / (FloodMessages / Samples)) - 1;
                waits.Add(Measure(s, subjects[k], "/checkin", "checkin", i + 1, clock));
                waits.Add(Measure(s, coordinators[k], "/subjects", "coordinator", i + 1, clock));
            }
        }

        var enqueued = clock.Elapsed;
        var flood = await Task.WhenAll(waits);
        await s.Telegram.WaitUntilUpdatesConsumedAsync(TimeSpan.FromMinutes(5));
        var intake = clock.Elapsed;
        var outboxAfterIntake = await s.Sandbox.Runtime.Store.RunAsync(db => db.Outbox.All().Count(m => m.Priority == MessagePriority.Stranger));

        // Phase 2: strangers' replies still queued (the lowest priority, paced at Telegram's 30/s): people write again.
        var during = new List<(string Kind, int Position, TimeSpan Latency)>();
        for (var k = 0; k < Samples; k++)
        {
            var strangerRepliesLeft = await s.Sandbox.Runtime.Store.RunAsync(db => db.Outbox.All().Count(m => m.Priority == MessagePriority.Stranger));
            during.Add(await Measure(s, subjects[k], "/checkin", "checkin", strangerRepliesLeft, Stopwatch.StartNew()));
            during.Add(await Measure(s, coordinators[k], "/cases", "coordinator", strangerRepliesLeft, Stopwatch.StartNew()));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var drained = Stopwatch.StartNew();
        while (await s.Sandbox.Runtime.Store.RunAsync(db => db.Outbox.All().Count) > 0 && drained.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(200);
        }

        var allSent = clock.Elapsed;
        var sizeAfter = DataSize(s);
        var strangerReplies = Enumerable.Range(10_000, Strangers).Sum(id => s.Telegram.BotMessagesTo(id).Count);

        output.WriteLine($"flood: {FloodMessages} messages from {Strangers} stranger ids, queued at the fake Bot API in {Seconds(enqueued)}");
        output.WriteLine($"all taken in by the bot after {Seconds(intake)}; {outboxAfterIntake} strangers' replies still queued then; all sent after {Seconds(allSent)}");
        output.WriteLine($"replies to strangers: {strangerReplies} (one per sender per hour)");
        Print("phase 1, queued among and behind the flood", flood);
        Print("phase 2, while strangers' replies wait in the outbox", [.. during]);
        output.WriteLine($"data directory: {Kib(sizeBefore)} before, {Kib(sizeAfter)} after");
    }

    private static async Task<(string Kind, int Position, TimeSpan Latency)> Measure(Scenario s, FakeUser user, string text, string kind, int position, Stopwatch clock)
    {
        var before = s.Telegram.BotMessagesTo(user.Id).Count;
        var sent = clock.Elapsed;
        s.Telegram.EnqueueMessage(user.Id, text, user);
        await s.Telegram.WaitForBotMessageAsync(user.Id, m => s.Telegram.BotMessagesTo(user.Id).Count > before, TimeSpan.FromMinutes(5));
        return (kind, position, clock.Elapsed - sent);
    }

    private void Print(string title, (string Kind, int Position, TimeSpan Latency)[] samples)
    {
        foreach (var kind in new[] { "checkin", "coordinator" })
        {
            var latencies = samples.Where(x => x.Kind == kind).Select(x => x.Latency).Order().ToList();
            output.WriteLine($"{title}: {kind} n={latencies.Count} p50 {Seconds(Percentile(latencies, 0.50))} p99 {Seconds(Percentile(latencies, 0.99))} max {Seconds(latencies[^1])}");
        }

        foreach (var (kind, position, latency) in samples)
        {
            output.WriteLine($"  {kind,-11} at {position,5}: {Seconds(latency)}");
        }
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Kib(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB";

    private static long DataSize(Scenario s) =>
        new DirectoryInfo(s.Sandbox.DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
