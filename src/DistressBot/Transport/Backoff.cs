namespace DistressBot.Transport;

/// <summary>Doubling delays with jitter, from <c>first</c> up to <c>max</c>.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private readonly TimeSpan _initial = first;
    private TimeSpan _current = first;

    /// <summary>The next delay.</summary>
    public TimeSpan Next()
    {
        var delay = _current;
        _current = _current * 2 > max ? max : _current * 2;
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, delay.TotalMilliseconds / 4) + 1));
    }

    /// <summary>Back to the first delay after a success.</summary>
    public void Reset() => _current = _initial;

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, reporting each failure and waiting on <paramref name="clock"/> (the transport's) between tries; only cancellation ends it.</summary>
    /// <remarks>For start-up steps a service cannot do without (read the inbox, load timers): retry, never stop the host.</remarks>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, Action<Exception> failed, TimeSpan first, TimeSpan max, TransportClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(clock);
        var backoff = new Backoff(first < max ? first : max, max);
        while (true)
        {
            try
            {
                return await attempt(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failed(ex);
                await Task.Delay(backoff.Next(), clock.Time, ct);
            }
        }
    }
}
