using DistressBot.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Admin;

/// <summary>`run` exits non-zero when a part of the bot failed, so systemd's Restart=on-failure brings it back.</summary>
public sealed class RunExitCodeTests
{
    [Fact]
    public async Task ExitCodeAfterRun_AServiceFaultedAndStoppedTheHost_IsExitFailed()
    {
        using var host = Host(services => services.AddHostedService<Failing>());
        var parts = CommandLine.BackgroundParts(host);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CommandLine.ExitFailed, CommandLine.ExitCodeAfterRun(parts));
    }

    [Fact]
    public async Task ExitCodeAfterRun_AStopThatWasAskedFor_IsZero()
    {
        using var host = Host(services => services.AddHostedService<Idle>());
        var parts = CommandLine.BackgroundParts(host);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await host.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, CommandLine.ExitCodeAfterRun(parts));
    }

    private static IHost Host(Action<IServiceCollection> services) =>
        new HostBuilder().ConfigureLogging(b => b.ClearProviders()).ConfigureServices(services).Build();

    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("a part of the bot failed");
        }
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
