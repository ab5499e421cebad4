using DistressBot.Hosting;

namespace DistressBot.Tests.Health;

/// <summary>What `status` calls a problem (exit 1) is a pure function of the report and the limits: one row per case.</summary>
public sealed class StatusJudgeTests
{
    private static readonly StatusLimits Limits = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(25), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(2));

    private static readonly StatusReport Well = new()
    {
        Running = true,
        Telegram = "ok",
        LastPollAgeSeconds = 3,
        OutboxLength = 0,
        SchedulerLagSeconds = 0,
        Store = "ok",
        CoverageGaps = 0,
    };

    public static TheoryData<string, StatusReport, string?> Rows => new()
    {
        { "all well", Well, null },
        { "not running", Well with { Running = false }, "The bot is not running" },
        { "token revoked", Well with { Telegram = "token_revoked", TelegramError = "401" }, "refuses the bot token (401)" },
        { "failing, short", Well with { Telegram = "failing", TelegramError = "network", TelegramFailingSeconds = 299 }, null },
        { "failing, long", Well with { Telegram = "failing", TelegramError = "network", TelegramFailingSeconds = 301 }, "unreachable for 5m1s (network)" },
        { "polling stuck", Well with { LastPollAgeSeconds = 146 }, "Polling is stuck" },
        { "polling fresh enough", Well with { LastPollAgeSeconds = 145 }, null },
        { "outbox at the limit", Well with { OutboxLength = 2, OutboxOldestAgeSeconds = 300 }, null },
        { "outbox old", Well with { OutboxLength = 2, OutboxOldestAgeSeconds = 301 }, "The oldest of 2 outbox messages" },
        { "lag at the limit", Well with { SchedulerLagSeconds = 120 }, null },
        { "lag", Well with { SchedulerLagSeconds = 121 }, "Deadlines are acted on 2m1s late" },
        { "store damaged", Well with { Store = "damaged" }, "A stored record does not open" },
        { "coverage gap", Well with { CoverageGaps = 2 }, "2 subjects have no reachable coordinator" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Problems_OneRowPerCase(string name, StatusReport report, string? expected)
    {
        var problems = StatusJudge.Problems(report, Limits);

        if (expected is null)
        {
            Assert.True(problems.Count == 0, name + ": " + string.Join(" | ", problems));
        }
        else
        {
            Assert.Contains(expected, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Problems_NoAnswerYet_IsAProblemOnlyAfterTheOutageLimit()
    {
        var connecting = Well with { Telegram = "connecting", LastPollAgeSeconds = null };

        Assert.Empty(StatusJudge.Problems(connecting, Limits, runningFor: TimeSpan.FromSeconds(20)));
        Assert.Contains("has not answered since the bot started", Assert.Single(StatusJudge.Problems(connecting, Limits, runningFor: TimeSpan.FromMinutes(6))), StringComparison.Ordinal);
    }
}
