namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Every call the fake answered, in the order their answers were decided.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];

    /// <summary>Appends one call.</summary>
    public void Add(FakeRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>A copy of the calls so far.</summary>
    public IReadOnlyList<FakeRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }
}
