namespace DistressBot.Telegram;

/// <summary>Keeps sends within Telegram's limits: a global and a per-chat token bucket on the transport clock.</summary>
/// <remarks>
/// Pacing is about real HTTP traffic, so it runs on the transport clock (<see cref="Transport.TransportClock"/>), never on domain time. A bucket lets through at
/// most its burst plus its rate in any one second, so the global one keeps a small burst (5 + 25 = 30, Telegram's limit), and
/// it starts empty: a process restarted after a crash cannot know what its predecessor sent in its last second.
/// </remarks>
public sealed class SendPacer(TimeProvider clock, double globalPerSecond = 25, int globalBurst = 5, int chatBurst = 3, double chatPerSecond = 1)
{
    private readonly Bucket _global = new(Math.Max(1, globalBurst), globalPerSecond, initialTokens: 0);
    private readonly Dictionary<long, Bucket> _chats = [];
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Takes a token for <paramref name="chatId"/> if both buckets allow it now; otherwise says how long to wait.</summary>
    public bool TryTake(long chatId, out TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        if (now < _pausedUntil)
        {
            wait = _pausedUntil - now;
            return false;
        }

        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = _chats[chatId] = new Bucket(chatBurst, chatPerSecond, chatBurst);
        }

        var chatWait = chat.WaitFor(now);
        var globalWait = _global.WaitFor(now);
        if (chatWait > TimeSpan.Zero || globalWait > TimeSpan.Zero)
        {
            wait = chatWait > globalWait ? chatWait : globalWait;
            return false;
        }

        chat.Take(now);
        _global.Take(now);
        if (_chats.Count > 10_000)
        {
            // Full buckets carry no information; forget them so memory stays flat.
            foreach (var idle in _chats.Where(c => c.Value.IsFull(now)).Select(c => c.Key).ToList())
            {
                _chats.Remove(idle);
            }
        }

        wait = TimeSpan.Zero;
        return true;
    }

    /// <summary>Stops all sending until <paramref name="until"/> (Telegram answered 429).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }

    private sealed class Bucket(int capacity, double perSecond, double initialTokens)
    {
        private double _tokens = initialTokens;
        private DateTimeOffset _updated = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }

        public void Take(DateTimeOffset now)
        {
            Refill(now);
            _tokens -= 1;
        }

        public bool IsFull(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= capacity;
        }

        private void Refill(DateTimeOffset now)
        {
            if (_updated != DateTimeOffset.MinValue)
            {
                _tokens = Math.Min(capacity, _tokens + ((now - _updated).TotalSeconds * perSecond));
            }

            _updated = now;
        }
    }
}
