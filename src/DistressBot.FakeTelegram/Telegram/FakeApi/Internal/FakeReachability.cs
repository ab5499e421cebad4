namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Whether the fake is "on the network"; an outage also cuts the long polls already waiting.</summary>
internal sealed class FakeReachability : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _outage = new();
    private bool _reachable = true;

    /// <summary>False during an outage.</summary>
    public bool IsReachable
    {
        get { lock (_gate) { return _reachable; } }
    }

    /// <summary>Cancelled when an outage starts, so calls in flight can be dropped too.</summary>
    public CancellationToken OutageToken
    {
        get { lock (_gate) { return _outage.Token; } }
    }

    /// <summary>Starts or ends an outage.</summary>
    public void Set(bool reachable)
    {
        CancellationTokenSource? ended = null;
        lock (_gate)
        {
            if (_reachable == reachable)
            {
                return;
            }

            _reachable = reachable;
            if (!reachable)
            {
                ended = _outage;
                _outage = new CancellationTokenSource();
            }
        }

        // Cancel outside the lock: cancellation runs the waiting calls' callbacks synchronously.
        ended?.Cancel();
        ended?.Dispose();
    }

    /// <summary>Releases the outage token source.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _outage.Dispose();
        }
    }
}
