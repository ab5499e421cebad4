namespace DistressBot.Transport;

/// <summary>
/// The loop of a background queue worker (checkpoints to publish, evidence to download): a pass over its queue, then a
/// wait of <c>idle</c> after a pass that took everything, or a growing backoff (5 s doubling to 5 min) after one that left
/// something waiting or failed; each pass rings <c>passed</c> (tests wait on it).
/// </summary>
public static class PassLoop
{
    /// <summary>Runs <paramref name="pass"/> (true: the queue was emptied) until <paramref name="ct"/> is cancelled; a throwing pass is told to <paramref name="failed"/> and backed off like one that left work.</summary>
    public static async Task RunAsync(Func<CancellationToken, Task<bool>> pass, TimeSpan idle, Action<Exception> failed, AsyncSignal passed, TransportClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(passed);
        ArgumentNullException.ThrowIfNull(clock);
        await Task.Yield();
        var backoff = new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
        while (!ct.IsCancellationRequested)
        {
            var wait = idle;
            try
            {
                if (await pass(ct))
                {
                    backoff.Reset();
                }
                else
                {
                    wait = backoff.Next();
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failed(ex);
                wait = backoff.Next();
            }

            passed.Notify();
            await Task.Delay(wait, clock.Time, ct);
        }
    }
}
