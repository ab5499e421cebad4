using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Holds the host's "started" (and so systemd's READY=1, sent on it) until every hosted <see cref="IStartupReadiness"/> part is ready.</summary>
/// <remarks>
/// .NET 10 runs each <see cref="BackgroundService"/> on the thread pool, so the host reports started before any of them has
/// done anything: without this gate systemd would count the bot as up while it has not yet loaded a single deadline.
/// </remarks>
public sealed partial class ReadinessGate(IServiceProvider services, ILogger<ReadinessGate> logger) : IHostedLifecycleService
{
    /// <summary>Waits for the parts; a stop asked for meanwhile (SIGTERM, a failed part) ends the wait without failing the start.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected: this gate is itself a hosted service.
        var parts = services.GetServices<IHostedService>().OfType<IStartupReadiness>().ToList();
        try
        {
            await Task.WhenAll(parts.Select(p => p.Ready)).WaitAsync(cancellationToken);
            LogReady(parts.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStoppedBeforeReady();
        }
    }

    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3610, Level = LogLevel.Information, Message = "Ready: {Parts} parts serve (deadlines watched, admin socket open); the service manager is told")]
    private partial void LogReady(int parts);

    [LoggerMessage(EventId = 3611, Level = LogLevel.Warning, Message = "Stopping before the bot was ready (its deadlines were not yet watched)")]
    private partial void LogStoppedBeforeReady();
}
