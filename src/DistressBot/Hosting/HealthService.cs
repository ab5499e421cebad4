using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Telegram;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Each interval: notes that the bot is alive (for downtime at the next start), pings the external heartbeat while polling and dispatching are healthy, runs the daily coverage check (the first one <see cref="FirstCoverageAfter"/> after start), and signs open cases' hourly checkpoints.</summary>
public sealed partial class HealthService(
    BotStore store,
    BotSettings settings,
    DowntimeLog downtime,
    UpdatePump pump,
    OutboxDispatcher dispatcher,
    IHttpClientFactory http,
    TimeProvider time,
    TransportClock transport,
    ILogger<HealthService> logger) : BackgroundService
{
    private static readonly TimeSpan CoverageEvery = TimeSpan.FromDays(1);

    /// <summary>
    /// The first coverage check after start: out of the start-up path (it reads every person: seconds at 100,000, and the store's
    /// one thread meanwhile), once the backlog and the first timers are handled. Nothing is lost by the wait: a gap is reported
    /// at most daily, and the changes that open one (someone unreachable, revoked) check at once in their own unit.
    /// </summary>
    internal static readonly TimeSpan FirstCoverageAfter = TimeSpan.FromMinutes(10);

    /// <summary>Rung after each round (tests wait on it).</summary>
    internal AsyncSignal Ticked { get; } = new();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // The last "alive" note must be read before this service overwrites it.
        await Backoff.RetryAsync(
            async ct =>
            {
                await downtime.LoadAsync(DeadlineMonitor.DowntimeTolerance, ct);
                return true;
            },
            LogFailed,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(30),
            transport,
            stoppingToken);

        var nextCoverage = time.GetUtcNow() + FirstCoverageAfter;
        var nextCheckpoints = time.GetUtcNow();
        var interval = settings.Health.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var storeHealthy = false;
            try
            {
                var checkCoverage = now >= nextCoverage;
                var checkCheckpoints = now >= nextCheckpoints;

                // A gap that is reported is logged by the domain's own event (3310), once per report.
                await store.RunAsync(
                    db =>
                    {
                        db.Meta.SetNumber(DowntimeLog.AliveKey, now.UtcTicks);
                        if (checkCoverage)
                        {
                            PersonReachability.CheckCoverage(db, now);
                        }
                    },
                    stoppingToken);
                storeHealthy = true;
                if (checkCoverage)
                {
                    nextCoverage = now + CoverageEvery;
                }

                if (checkCheckpoints)
                {
                    // Its own unit of work: a case that does not open must not cost the alive note or the heartbeat.
                    nextCheckpoints = now + HourlyCheckpoints.CheckEvery;
                    await store.RunAsync(db => HourlyCheckpoints.Run(db, now), stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }

            if (storeHealthy)
            {
                await HeartbeatAsync(stoppingToken);
            }
            else
            {
                LogUnhealthy();
            }

            Ticked.Notify();
            await Task.Delay(interval, time, stoppingToken);
        }
    }

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(settings.Health.HeartbeatUrl))
        {
            return;
        }

        // Transport clock: liveness is about the process, not domain time.
        var now = transport.Time.GetUtcNow();
        var stale = settings.Health.Interval * 2 + settings.Telegram.PollTimeout;
        if (now - pump.LastPoll > stale || now - dispatcher.LastPass > stale + TimeSpan.FromMinutes(1))
        {
            LogUnhealthy();
            return; // silence is the signal: the external monitor notices the missing ping
        }

        try
        {
            using var client = http.CreateClient("heartbeat");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await client.GetAsync(new Uri(settings.Health.HeartbeatUrl), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogHeartbeatFailed(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogHeartbeatFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2801, Level = LogLevel.Error, Message = "Health round failed")]
    private partial void LogFailed(Exception ex);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "Polling or dispatching is stalled; heartbeat withheld")]
    private partial void LogUnhealthy();

    [LoggerMessage(EventId = 2803, Level = LogLevel.Warning, Message = "Heartbeat ping failed ({Reason})")]
    private partial void LogHeartbeatFailed(string reason);
}
