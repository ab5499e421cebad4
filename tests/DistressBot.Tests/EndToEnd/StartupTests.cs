using DistressBot.Hosting;
using DistressBot.Transport;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.EndToEnd;

/// <summary>`run` watches deadlines as soon as the backlog is handled, without waiting out a long poll that has nothing to deliver.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_TelegramHoldsEveryLongPoll_TheMonitorsLoadTheirTimersAnyway()
    {
        // The transport clock stands still, so the monitors' two-minute fallback never fires: only an answered poll lets them start.
        await using var sandbox = await BotSandbox.StartAsync(new BotSandboxOptions
        {
            TransportTime = new FakeTimeProvider(DateTimeOffset.UtcNow),
            Settings = new Dictionary<string, string?> { ["Telegram:PollTimeout"] = "00:00:50" },
        });

        // Before, the first getUpdates asked for a 50 s long poll, which the fake Bot API holds (as Telegram does) when
        // nothing is queued; now it asks with timeout 0 until the backlog is handled.
        await sandbox.Get<DeadlineMonitor>().Started.WaitAsync(TimeSpan.FromSeconds(20));
        await sandbox.Get<EscalationMonitor>().Started.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(sandbox.Get<InboundCatchUp>().Completed.IsCompleted);
        Assert.Contains(sandbox.Server.Requests, r => r.Method == "getUpdates");
    }
}
