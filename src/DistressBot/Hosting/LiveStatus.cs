using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Telegram;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>The running bot's health figures: the gauges of the <see cref="BotMetrics.MeterName"/> meter (outbox, scheduler lag, open cases), refreshed each Health:Interval, and the report `status` gets over the admin socket.</summary>
/// <remarks>
/// The outbox figures come from the dispatcher's in-memory <see cref="OutboxIndex"/>; open cases are counted from the case
/// records, read only after a commit changed a case. No refresh reads the people: at 100,000 people a full read holds the
/// one store thread for seconds, and in a mass event cases change every minute, so alarms would wait behind it.
/// </remarks>
public sealed partial class LiveStatus : BackgroundService, IStoreObserver
{
    private readonly BotRuntime _runtime;
    private readonly TelegramLink _link;
    private readonly TimerIndex[] _timers;
    private readonly TimeProvider _time;
    private readonly TransportClock _transport;
    private readonly ILogger<LiveStatus> _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly OutboxIndex _outbox;
    private volatile StatusFigures? _figures;
    private volatile bool _casesChanged = true;

    /// <summary>Adds the gauges to <paramref name="metrics"/>' meter.</summary>
    public LiveStatus(BotRuntime runtime, TelegramLink link, DeadlineIndex deadlines, EscalationIndex escalations, OutboxIndex outbox, BotMetrics metrics, TimeProvider time, TransportClock transport, ILogger<LiveStatus> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _outbox = outbox;
        _runtime = runtime;
        _link = link;
        _timers = [deadlines, escalations];
        _time = time;
        _transport = transport;
        _logger = logger;
        _startedAt = transport.Time.GetUtcNow();
        metrics.Meter.CreateObservableGauge("distressbot.outbox.length", () => _figures?.OutboxLength ?? 0, "{message}", "Messages waiting in the outbox");
        metrics.Meter.CreateObservableGauge("distressbot.outbox.oldest_age", OldestAgeSeconds, "s", "How long the oldest outbox message has waited");
        metrics.Meter.CreateObservableGauge("distressbot.scheduler.lag", () => SchedulerLag(_time.GetUtcNow()).TotalSeconds, "s", "How late the most overdue deadline or escalation timer is");
        metrics.Meter.CreateObservableGauge("distressbot.cases.open", () => _figures?.OpenCases ?? 0, "{case}", "Open cases (drills not counted)");
    }

    /// <summary>Rung after each refresh of the figures (tests wait on it).</summary>
    internal AsyncSignal Refreshed { get; } = new();

    /// <summary>How late the most overdue timer is at <paramref name="now"/>; zero when none is due.</summary>
    public TimeSpan SchedulerLag(DateTimeOffset now)
    {
        var lag = TimeSpan.Zero;
        foreach (var index in _timers)
        {
            if (index.Peek().Earliest is { } at && now - at > lag)
            {
                lag = now - at;
            }
        }

        return lag;
    }

    /// <summary>The report of the running bot, its store figures read now (the gauges take them too).</summary>
    public async Task<StatusReport> ReadAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var transportNow = _transport.Time.GetUtcNow();
        var link = _link.State;
        var report = new StatusReport
        {
            Running = true,
            CheckedAt = now,
            LastPollAt = link.LastAnswerAt,
            LastPollAgeSeconds = link.LastAnswerAt is { } answered ? StatusReading.Seconds(transportNow - answered) : null,
            Telegram = link switch
            {
                { TokenRevoked: true } => "token_revoked",
                { FailingSince: not null } => "failing",
                { LastAnswerAt: null } => "connecting",
                _ => "ok",
            },
            TelegramError = link.LastError is { } error ? TelegramErrors.Word(error) : null,
            TelegramFailingSeconds = link.FailingSince is { } since ? StatusReading.Seconds(transportNow - since) : null,
            SchedulerLagSeconds = StatusReading.Seconds(SchedulerLag(now)),
        };
        report = await StatusReading.WithStoreAsync(report, _runtime, now, ct, figures => _figures = figures);
        return report with { Problems = StatusJudge.Problems(report, StatusLimits.From(_runtime.Settings), transportNow - _startedAt) };
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stored = _figures;
                var openCases = stored?.OpenCases;
                if (_casesChanged || openCases is null)
                {
                    _casesChanged = false;
                    openCases = await StatusFigures.ReadOpenCasesAsync(_runtime.Store, stoppingToken);
                }

                var (length, oldest) = _outbox.Figures();
                _figures = new StatusFigures(length, oldest, openCases.Value, stored?.CoverageGaps ?? 0);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The gauges keep their last figures; the health round and `status` say what is wrong with the store.
                LogReadFailed(ex is RecordIntegrityException ? "a record failed authentication" : ex.GetType().Name);
            }

            Refreshed.Notify();
            await Task.Delay(_runtime.Settings.Health.Interval, _time, stoppingToken);
        }
    }

    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Cases.Count > 0)
        {
            _casesChanged = true;
        }
    }

    private double OldestAgeSeconds() =>
        _figures?.OldestQueuedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;

    [LoggerMessage(EventId = 3622, Level = LogLevel.Warning, Message = "The status figures (outbox, open cases, coverage) could not be read from the store ({Kind}); the gauges keep their last values")]
    private partial void LogReadFailed(string kind);
}
