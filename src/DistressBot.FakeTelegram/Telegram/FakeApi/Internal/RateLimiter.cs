namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Decides whether a send is within <see cref="FakeRateLimits"/> at a given instant, and counts it when it is.</summary>
internal sealed class RateLimiter(FakeRateLimits limits)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _lastPerChat = [];

    /// <summary>Null when the send to <paramref name="chatId"/> (null: no chat) at <paramref name="now"/> is allowed (it is then counted); otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(long? chatId, DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_recent.TryPeek(out var oldest) && oldest <= now - limits.Window)
            {
                _recent.Dequeue();
            }

            var wait = TimeSpan.Zero;
            if (_recent.Count >= limits.MessagesPerWindow)
            {
                wait = _recent.Peek() + limits.Window - now;
            }

            if (chatId is { } chat && _lastPerChat.TryGetValue(chat, out var last) && now - last < limits.PerChatInterval)
            {
                wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (last + limits.PerChatInterval - now).Ticks));
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            _recent.Enqueue(now);
            if (chatId is { } accepted)
            {
                _lastPerChat[accepted] = now;
            }

            return null;
        }
    }
}
