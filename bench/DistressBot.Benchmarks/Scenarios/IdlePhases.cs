using DistressBot.Benchmarks.Harness;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>Start-up, and the bot doing nothing: start to watching, resident memory and CPU when idle, CPU while Telegram is unreachable.</summary>
internal static class IdlePhases
{
    /// <summary>How long after the host started the unreachable phase measures at the latest: start-up reads the timer index (about 1 s at 100,000 subjects) and loads the outbox index.</summary>
    public static readonly TimeSpan SettleAfterStart = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Start: from just before the data is opened (the start of `run`) to both timer monitors watching, with the product's
    /// default long poll (25 s); then, after 2 s of quiet, CPU over <see cref="BenchPlan.IdleWindow"/> and the resident set.
    /// </summary>
    public static async Task StartAndIdleAsync(PhaseContext context)
    {
        var server = await PhaseContext.LimitedTelegramAsync();
        var bot = await BotUnderTest.StartAsync(context.Root, server, new Dictionary<string, string?>());
        if (await Waits.CompletesWithinAsync(bot.Watching, context.Plan.Cap("start")))
        {
            context.Result.Figures["watching_s"] = bot.SecondsSinceStart();
        }
        else
        {
            context.Note($"start: not watching within the {context.Plan.Cap("start").TotalSeconds:0} s cap");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        context.Result.Figures["idle_cores"] = await ProcessMeter.CoresOverAsync(context.Plan.IdleWindow);
        context.Result.Figures["rss_mib"] = ProcessMeter.ResidentMiB();
    }

    /// <summary>
    /// Unreachable: <see cref="BenchPlan.UnreachableQueued"/> reminders queued in the outbox before start, the fake Bot API
    /// dropping every connection; once both timer monitors watch or <see cref="SettleAfterStart"/> after the host started,
    /// whichever comes first (with Telegram unreachable the monitors first wait up to 2 minutes for a backlog that cannot come,
    /// and the bot does nothing else meanwhile; a fixed 3 s after start measured the start-up's reads of every person before
    /// the timer index), and after 2 s of quiet, CPU over <see cref="BenchPlan.IdleWindow"/>.
    /// </summary>
    public static async Task UnreachableAsync(PhaseContext context)
    {
        var plan = context.Plan;
        var server = await PhaseContext.LimitedTelegramAsync();
        server.SetReachable(false);
        var starting = BotUnderTest.StartAsync(context.Root, server, PhaseContext.ShortPoll, store => QueueAsync(store, plan.UnreachableQueued));
        await Task.WhenAny(starting, Task.Delay(plan.StartCap));
        if (starting.IsCompletedSuccessfully && !await Waits.CompletesWithinAsync(starting.Result.Watching, SettleAfterStart))
        {
            context.Note($"unreachable: measured {SettleAfterStart.TotalSeconds:0} s after the host started, while the timer monitors still waited for the backlog");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        context.Result.Figures["unreachable_cores"] = await ProcessMeter.CoresOverAsync(plan.IdleWindow);
        context.Result.Figures["queued"] = plan.UnreachableQueued;
        if (!starting.IsCompleted)
        {
            context.Note($"unreachable: the host had not finished starting when measured");
        }

    }

    private static async Task QueueAsync(BotStore store, int count)
    {
        for (var from = 0; from < count; from += Seeder.Batch)
        {
            var first = from;
            await store.RunAsync(db =>
            {
                var now = DateTimeOffset.UtcNow;
                for (var i = first; i < Math.Min(first + Seeder.Batch, count); i++)
                {
                    var subject = db.People.FindByTelegramUser(Seeder.SubjectTelegramId(i)) ?? throw new InvalidOperationException($"Seeded subject {i} is missing.");
                    Notify.Send(db, subject, MessagePriority.Reminder, now, TextId.CheckinNoSchedule);
                }
            });
        }
    }
}
