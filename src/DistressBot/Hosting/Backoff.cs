namespace DistressBot.Hosting;

/// <summary>Doubling delays with jitter, from <c>first</c> up to <c>max</c>.</summary>
public sealed class Backoff(TimeSpan first, TimeSpan max)
{
    private readonly TimeSpan initial = first;
    private TimeSpan current = first;

    /// <summary>The next delay.</summary>
    public TimeSpan Next()
    {
        var delay = current;
        current = current * 2 > max ? max : current * 2;
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, delay.TotalMilliseconds / 4) + 1));
    }

    /// <summary>Back to the first delay after a success.</summary>
    public void Reset() => current = initial;
}
