namespace DistressBot.Transport;

/// <summary>The wall clock of the transport: pacing, retry backoff, poll floors and liveness; apart from the domain's <see cref="TimeProvider"/>.</summary>
/// <remarks>
/// Production runs on <see cref="System"/>. Tests hand in a faster clock, so retries, pacing and outages do not wait in
/// real time while domain time stays wherever the test put it. A timeout that bounds one real HTTP round trip stays on
/// the real clock: the round trip takes real time whatever this clock says.
/// </remarks>
public sealed class TransportClock(TimeProvider time)
{
    /// <summary>The system clock, the only one used outside tests.</summary>
    public static TransportClock System { get; } = new(TimeProvider.System);

    /// <summary>The clock itself.</summary>
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));
}
