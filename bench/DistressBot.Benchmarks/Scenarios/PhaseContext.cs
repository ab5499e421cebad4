using System.Globalization;
using DistressBot.Benchmarks.Harness;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Benchmarks.Scenarios;

/// <summary>What a phase runs with: the plan, its own copy of the seeded directory, and where its figures go.</summary>
/// <param name="Plan">Sizes and caps.</param>
/// <param name="Root">The phase's copy of the seeded directory (keys/, data/).</param>
/// <param name="Result">Figures and notes.</param>
internal sealed record PhaseContext(BenchPlan Plan, string Root, PhaseResult Result)
{
    /// <summary>Settings for the latency phases: a 2 s long poll (the start-up phase keeps the product's default).</summary>
    public static readonly IDictionary<string, string?> ShortPoll = new Dictionary<string, string?> { ["Telegram:PollTimeout"] = "00:00:02" };

    /// <summary>The fake Bot API on 127.0.0.1 with Telegram's limits enforced.</summary>
    public static Task<FakeBotApiServer> LimitedTelegramAsync() =>
        FakeBotApiServer.StartAsync(new FakeBotApiOptions { RateLimits = FakeRateLimits.Telegram });

    /// <summary>Starts the bot and waits (at most the plan's start cap) until it watches its timers; records "watching_s".</summary>
    public async Task<BotUnderTest> StartWatchingAsync(FakeBotApiServer server, IDictionary<string, string?> settings)
    {
        var bot = await BotUnderTest.StartAsync(Root, server, settings);
        if (await Waits.CompletesWithinAsync(bot.Watching, Plan.StartCap))
        {
            Result.Figures["watching_s"] = bot.SecondsSinceStart();
        }
        else
        {
            Note($"the bot did not watch its timers within {Plan.StartCap.TotalSeconds:0} s of start; the phase went on regardless");
        }

        return bot;
    }

    /// <summary>Adds a note.</summary>
    public void Note(FormattableString text) => Result.Notes.Add(text.ToString(CultureInfo.InvariantCulture));
}
