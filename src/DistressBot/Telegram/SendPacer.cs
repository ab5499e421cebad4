namespace DistressBot.Telegram;

/// <summary>Keeps sends within Telegram's limits: a global and a per-chat token bucket on the transport clock.</summary>
/// <remarks>
/// Pacing is about real HTTP traffic, so it runs on the transport clock (<see cref="Transport.TransportClock"/>), never on domain time. A bucket lets through at
/// most its burst plus its rate in any one second, so the global one keeps a small burst (5 + 25 = 30, Telegram's limit), and
/// it starts empty: a process restarted after a crash cannot know what its predecessor sent in its last second.
/// A chat's bucket is forgotten once it has refilled (a full bucket carries no information), found by a queue of takes in
/// time order, so each send costs O(1) amortised however many chats there are.
/// </remarks>
public sealed class SendPacer(TimeProvider clock, double globalPerSecond = 25, int globalBurst = 5, int chatBurst = 3, double chatPerSecond = 1)
{
    private readonly Bucket _global = new(Math.Max(1, globalBurst), globalPerSecond, initialTokens: 0);
    private readonly Dictionary<long, Bucket> _chats = [];
    private readonly Queue<(long Chat, DateTimeOffset TakenAt)> _takes = new();
    private readonly TimeSpan _chatRefill = TimeSpan.FromSeconds(chatBurst / chatPerSecond);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Chat buckets held (those that have not refilled since their last send).</summary>
    public int TrackedChats => _chats.Count;

    /// <summary>How long until the global bucket (or a 429 pause) lets any send through; zero when it does now.</summary>
    public TimeSpan GlobalWait()
    {
        var now = clock.GetUtcNow();
        return now < _pausedUntil ? _pausedUntil - now : _global.WaitFor(now);
    }

    /// <summary>Takes a token for <paramref name="chatId"/> if both buckets allow it now; otherwise says how long to wait.</summary>
    public bool TryTake(long chatId, out TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        if (now < _pausedUntil)
        {
            wait = _pausedUntil - now;
            return false;
        }

        // A chat without a bucket has a full one; it is made only by a send, so a refused look leaves nothing behind.
        ForgetRefilled(now);
        var known = _chats.TryGetValue(chatId, out var chat);
        var chatWait = known ? chat!.WaitFor(now) : TimeSpan.Zero;
        var globalWait = _global.WaitFor(now);
        if (chatWait > TimeSpan.Zero || globalWait > TimeSpan.Zero)
        {
            wait = chatWait > globalWait ? chatWait : globalWait;
            return false;
        }

        if (!known)
        {
            chat = _chats[chatId] = new Bucket(chatBurst, chatPerSecond, chatBurst);
        }

        chat!.Take(now);
        _global.Take(now);
        _takes.Enqueue((chatId, now));
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

    // A bucket untouched for the refill time since its last take is full again: forget it (a later send makes a full one).
    private void ForgetRefilled(DateTimeOffset now)
    {
        while (_takes.TryPeek(out var take) && take.TakenAt + _chatRefill <= now)
        {
            _takes.Dequeue();
            if (_chats.TryGetValue(take.Chat, out var bucket) && bucket.LastTake == take.TakenAt)
            {
                _chats.Remove(take.Chat);
            }
        }
    }

    private sealed class Bucket(int capacity, double perSecond, double initialTokens)
    {
        private double _tokens = initialTokens;
        private DateTimeOffset _updated = DateTimeOffset.MinValue;

        public DateTimeOffset LastTake { get; private set; } = DateTimeOffset.MinValue;

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }

        public void Take(DateTimeOffset now)
        {
            Refill(now);
            _tokens -= 1;
            LastTake = now;
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
