using System.Diagnostics;
using System.Globalization;
using DistressBot.Benchmarks.Harness;
using DistressBot.Benchmarks.Statistics;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>Updates queued at the fake Bot API at once: check-ins handled per second, and check-ins answered behind a flood of strangers.</summary>
internal static class InboundPhases
{
    /// <summary>
    /// Ingest: a plain LiteDB insert+Checkpoint loop first (the baseline), then <see cref="BenchPlan.IngestCheckins"/> subjects'
    /// /checkin queued at once; the bot's rate is check-ins committed (the subject saved with its check-in) per second, from the
    /// moment they were queued to the last commit.
    /// </summary>
    public static async Task IngestAsync(PhaseContext context)
    {
        var plan = context.Plan;
        var figures = context.Result.Figures;
        var cap = plan.Cap("ingest");
        // At most 10 s: on a slow disk day the rate is known well before K rounds.
        figures["baseline_per_s"] = LiteDbBaseline.InsertsPerSecond(Path.Combine(context.Root, "baseline"), plan.IngestCheckins, TimeSpan.FromSeconds(10));

        var server = await PhaseContext.LimitedTelegramAsync();
        var bot = await context.StartWatchingAsync(server, PhaseContext.ShortPoll);
        var indices = Enumerable.Range(BenchPlan.FirstOwnCoordinatorSubject, plan.IngestCheckins).ToList();
        var ids = await SubjectPrep.IdsAsync(bot.Store, indices);
        var queuedAt = DateTimeOffset.UtcNow;
        foreach (var i in indices)
        {
            var user = Seeder.SubjectTelegramId(i);
            server.EnqueueMessage(user, "/checkin", new FakeUser(user, "Subject", "en"));
        }

        var recorder = bot.Recorder;
        var all = await Waits.UntilAsync(() => ids.Values.All(recorder.Checkins.ContainsKey), cap);
        var handled = ids.Values.Where(recorder.Checkins.ContainsKey).Select(id => recorder.Checkins[id]).ToList();
        figures["checkins"] = indices.Count;
        figures["handled"] = handled.Count;
        if (all)
        {
            figures["bot_per_s"] = handled.Count / (handled.Max() - queuedAt).TotalSeconds;
        }
        else
        {
            figures["bot_per_s_at_most"] = handled.Count / cap.TotalSeconds;
            context.Note($"ingest: {handled.Count} of {indices.Count} check-ins handled within the {cap.TotalSeconds:0} s cap");
        }
    }

    /// <summary>
    /// Strangers: <see cref="BenchPlan.StrangerMessages"/> messages from <see cref="BenchPlan.Strangers"/> unknown ids queued at
    /// once, with a subject's /checkin placed evenly among them; each is timed from being queued to the bot's first message
    /// in that subject's chat arriving at the fake.
    /// </summary>
    public static async Task StrangersAsync(PhaseContext context)
    {
        var plan = context.Plan;
        var cap = plan.Cap("strangers");
        var server = await PhaseContext.LimitedTelegramAsync();
        var bot = await context.StartWatchingAsync(server, PhaseContext.ShortPoll);
        var every = plan.StrangerMessages / plan.StrangerSamples;
        var waits = new List<Task<double>>();
        for (var n = 0; n < plan.StrangerMessages; n++)
        {
            var stranger = 5_000_000L + (n % BenchPlan.Strangers);
            server.EnqueueMessage(stranger, n % 7 == 0 ? "/start " + n.ToString("D20", CultureInfo.InvariantCulture) : "hello " + n.ToString(CultureInfo.InvariantCulture), new FakeUser(stranger, "Who", "en"));
            if ((n + 1) % every == 0 && waits.Count < plan.StrangerSamples)
            {
                waits.Add(CheckInAsync(server, Seeder.SubjectTelegramId(BenchPlan.FirstOwnCoordinatorSubject + waits.Count), cap));
            }
        }

        var latencies = await Task.WhenAll(waits);
        var answered = latencies.Where(l => !double.IsNaN(l)).ToList();
        context.Result.Figures["samples"] = latencies.Length;
        context.Result.Figures["answered"] = answered.Count;
        if (answered.Count == latencies.Length)
        {
            (context.Result.Figures["confirm_p50_s"], context.Result.Figures["confirm_p99_s"], context.Result.Figures["confirm_max_s"]) = Percentiles.Summary(answered)!.Value;
        }
        else
        {
            context.Note($"strangers: {answered.Count} of {latencies.Length} check-ins confirmed within the {cap.TotalSeconds:0} s cap");
        }
    }

    // Seconds from queuing the subject's /checkin to the bot's first message in their chat; NaN past the cap.
    private static async Task<double> CheckInAsync(FakeBotApiServer server, long subject, TimeSpan cap)
    {
        var queued = Stopwatch.GetTimestamp();
        server.EnqueueMessage(subject, "/checkin", new FakeUser(subject, "Subject", "en"));
        try
        {
            await server.WaitForBotMessageAsync(subject, timeout: cap);
            return Stopwatch.GetElapsedTime(queued).TotalSeconds;
        }
        catch (TimeoutException)
        {
            return double.NaN;
        }
    }
}
