namespace DistressBot.Tests.Fakes;

/// <summary>
/// A clock that runs <c>factor</c> times faster than the system clock, from the moment it is made: a wait of one second on it
/// takes 1/factor of a real second. Given to the bot as its transport clock, it lets pacing, retry backoff and outages
/// play out through the real HTTP path without the test waiting for them in real time; the bot and the fake Telegram
/// read the same clock, so rate limits are still measured on the clock the bot paces by.
/// </summary>
internal sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly double _factor;
    private readonly long _startTimestamp = System.GetTimestamp();
    private readonly DateTimeOffset _startUtc = System.GetUtcNow();

    public AcceleratedTimeProvider(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _factor = factor;
    }

    public override DateTimeOffset GetUtcNow() => _startUtc + (System.GetElapsedTime(_startTimestamp) * _factor);

    public override long GetTimestamp() => _startTimestamp + (long)((System.GetTimestamp() - _startTimestamp) * _factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    private TimeSpan ToReal(TimeSpan span) => span <= TimeSpan.Zero || span == Timeout.InfiniteTimeSpan ? span : span / _factor;

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
