using DistressBot.Domain;
using Microsoft.Extensions.Logging;

namespace DistressBot.Transport;

/// <summary>When the bot was down (a gap in its "alive" notes) or cut off from Telegram, so alarms in those windows can say so.</summary>
public sealed partial class DowntimeLog(BotStore store, TimeProvider time, ILogger<DowntimeLog> logger)
{
    /// <summary>Meta key of the last "alive" note (ticks, UTC).</summary>
    public const string AliveKey = "health.alive";

    /// <summary>Meta key of an ongoing Telegram outage's start (ticks, UTC).</summary>
    public const string OutageKey = "telegram.outage";

    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset From, DateTimeOffset? To)> _windows = [];
    private Task? _loaded;

    /// <summary>Reads the last "alive" note once: a gap longer than <paramref name="tolerance"/> up to now was downtime.</summary>
    public Task LoadAsync(TimeSpan tolerance, CancellationToken ct)
    {
        lock (_gate)
        {
            // A failed read is not cached: the next caller tries again.
            if (_loaded is null || _loaded.IsFaulted || _loaded.IsCanceled)
            {
                _loaded = LoadOnceAsync(tolerance, ct);
            }

            return _loaded;
        }
    }

    /// <summary>The down window containing <paramref name="instant"/>, closed at <paramref name="now"/> if still open; null if none.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Around(DateTimeOffset instant, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var (from, to) in _windows)
            {
                var end = to ?? now;
                if (instant >= from && instant <= end)
                {
                    return (from, end);
                }
            }

            return null;
        }
    }

    /// <summary>Telegram has been unreachable since <paramref name="since"/>.</summary>
    public void OutageStarted(DateTimeOffset since)
    {
        lock (_gate)
        {
            _windows.Add((since, null));
        }
    }

    /// <summary>Telegram is reachable again.</summary>
    public void OutageEnded(DateTimeOffset at)
    {
        lock (_gate)
        {
            for (var i = 0; i < _windows.Count; i++)
            {
                if (_windows[i].To is null)
                {
                    _windows[i] = (_windows[i].From, at);
                }
            }
        }
    }

    private async Task LoadOnceAsync(TimeSpan tolerance, CancellationToken ct)
    {
        var (alive, outage) = await store.RunAsync(db => (db.Meta.Number(AliveKey), db.Meta.Number(OutageKey)), ct);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (alive is { } ticks && now - new DateTimeOffset(ticks, TimeSpan.Zero) > tolerance)
            {
                var lastAlive = new DateTimeOffset(ticks, TimeSpan.Zero);
                _windows.Add((lastAlive, now));
                LogDown(TimeSpan.FromSeconds(Math.Round((now - lastAlive).TotalSeconds)), lastAlive);
            }

            if (outage is { } since)
            {
                _windows.Add((new DateTimeOffset(since, TimeSpan.Zero), null));
            }
        }
    }

    [LoggerMessage(EventId = 3320, Level = LogLevel.Warning, Message = "The bot was not running for {DownFor} (last alive {Since:O}); deadlines that passed meanwhile are acted on now")]
    private partial void LogDown(TimeSpan downFor, DateTimeOffset since);
}
