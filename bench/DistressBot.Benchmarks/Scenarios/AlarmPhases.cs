using DistressBot.Benchmarks.Harness;
using DistressBot.Benchmarks.Statistics;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>
/// Subjects miss deadlines on purpose, with the wall clock: each alarm's instant (deadline + grace) is set a little in the
/// future while the bot runs, and two events are timed from it: the commit that queues the alarm (seen by a store observer)
/// and the alarm's sendMessage accepted (200) by the rate-limited fake Bot API.
/// </summary>
internal static class AlarmPhases
{
    /// <summary>Spread: <see cref="BenchPlan.SpreadAlarms"/> alarms, each with its own coordinator, evenly over <see cref="BenchPlan.SpreadWindow"/>.</summary>
    public static Task SpreadAsync(PhaseContext context)
    {
        var plan = context.Plan;
        var indices = Enumerable.Range(BenchPlan.FirstOwnCoordinatorSubject, plan.SpreadAlarms).ToList();
        var step = plan.SpreadWindow / plan.SpreadAlarms;
        return RunAsync(context, "spread", indices, [], (i, t0) => t0 + (step * (i - BenchPlan.FirstOwnCoordinatorSubject)));
    }

    /// <summary>A burst: <see cref="BenchPlan.BurstAlarms"/> alarms at one instant, each with its own coordinator (<paramref name="oneCoordinator"/> false) or all of one coordinator.</summary>
    public static Task BurstAsync(PhaseContext context, bool oneCoordinator)
    {
        var plan = context.Plan;
        var indices = Enumerable.Range(oneCoordinator ? 0 : BenchPlan.FirstOwnCoordinatorSubject, BenchPlan.BurstAlarms).ToList();
        return RunAsync(context, oneCoordinator ? "burst-one" : "burst-own", indices, [], (_, t0) => t0);
    }

    /// <summary>Every other subject's deadline reminder due at one instant, with <see cref="BenchPlan.FloodAlarms"/> alarms at the same instant.</summary>
    public static Task ReminderFloodAsync(PhaseContext context)
    {
        var plan = context.Plan;
        var alarms = Enumerable.Range(BenchPlan.FirstOwnCoordinatorSubject, BenchPlan.FloodAlarms).ToList();
        var reminders = Enumerable.Range(0, plan.Subjects).Except(alarms).ToList();
        return RunAsync(context, "reminders", alarms, reminders, (_, t0) => t0);
    }

    private static async Task RunAsync(PhaseContext context, string phase, List<int> alarmIndices, List<int> reminderIndices, Func<int, DateTimeOffset, DateTimeOffset> instantOf)
    {
        var plan = context.Plan;
        var figures = context.Result.Figures;
        var server = await PhaseContext.LimitedTelegramAsync();
        var bot = await context.StartWatchingAsync(server, PhaseContext.ShortPoll);

        // Far enough ahead that the units of work setting the deadlines are committed before the first one falls.
        var touched = alarmIndices.Count + reminderIndices.Count;
        var t0 = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2 + (touched / 1_500.0));
        var instants = alarmIndices.ToDictionary(i => i, i => instantOf(i, t0));
        var ids = await SubjectPrep.UpdateAsync(bot.Store, alarmIndices, (i, state) => SubjectPrep.AlarmAt(state, instants[i]));
        await SubjectPrep.UpdateAsync(bot.Store, reminderIndices, (_, state) => SubjectPrep.ReminderAt(state, t0));
        if (DateTimeOffset.UtcNow > t0)
        {
            context.Note($"{phase}: setting the deadlines ended {(DateTimeOffset.UtcNow - t0).TotalSeconds:0.0} s after the first alarm instant");
        }

        var last = instants.Values.Max();
        var cap = plan.Cap(phase);
        var recorder = bot.Recorder;
        var allQueued = await Waits.UntilAsync(() => ids.Values.All(recorder.Alarms.ContainsKey), last + cap);
        var queued = ids.Where(p => recorder.Alarms.ContainsKey(p.Value))
            .Select(p => (recorder.Alarms[p.Value] - instants[p.Key]).TotalSeconds).ToList();
        figures["alarms"] = ids.Count;
        figures["queued"] = queued.Count;
        if (Percentiles.Summary(queued) is { } q && allQueued)
        {
            (figures["queued_p50_s"], figures["queued_p99_s"], figures["queued_max_s"]) = q;
        }
        else if (!allQueued)
        {
            context.Note($"{phase}: {queued.Count} of {ids.Count} alarms queued within {cap.TotalSeconds:0} s of the last instant");
        }

        // Accepted by Telegram: the n-th alarm sendMessage accepted (200) to these coordinators, paired with the n-th instant.
        var chats = alarmIndices.GroupBy(i => Seeder.CoordinatorOf(plan, i)).ToDictionary(g => g.Key, g => g.Count());
        var perChat = chats.Values.Max();
        var floor = Math.Max(alarmIndices.Count / 30.0, perChat * 1.0);
        figures["floor_s"] = floor;
        List<DateTimeOffset> Accepted() => [.. server.Requests
            .Where(r => r.Method == "sendMessage" && r.StatusCode == 200 && r.ChatId is { } c && chats.ContainsKey(c) && r.ReceivedAt >= t0 - TimeSpan.FromSeconds(1))
            .Select(r => r.ReceivedAt).Order()];
        var allAccepted = await Waits.UntilAsync(() => Accepted().Count >= alarmIndices.Count, last + cap);
        var accepted = Accepted();
        figures["accepted"] = Math.Min(accepted.Count, alarmIndices.Count);
        figures["rejected_429"] = server.Requests.Count(r => r.StatusCode == 429);
        if (allAccepted)
        {
            var sent = accepted.Take(alarmIndices.Count).Zip(instants.Values.Order(), (a, i) => (a - i).TotalSeconds).ToList();
            (figures["accepted_p50_s"], figures["accepted_p99_s"], figures["accepted_max_s"]) = Percentiles.Summary(sent)!.Value;
            figures["all_accepted_s"] = (accepted[alarmIndices.Count - 1] - t0).TotalSeconds;
        }
        else
        {
            figures["accepted_within_s"] = (DateTimeOffset.UtcNow - t0).TotalSeconds;
            context.Note($"{phase}: {accepted.Count} of {alarmIndices.Count} alarm messages accepted by Telegram within {cap.TotalSeconds:0} s of the last instant (floor {floor:0.#} s)");
        }
    }
}
