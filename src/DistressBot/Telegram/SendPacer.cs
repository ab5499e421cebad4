namespace DistressBot.Telegram;

/// <summary>Keeps sends within Telegram's limits (30 a second overall, one a second per chat by default), counted from when each request ended, on the transport clock.</summary>
/// <remarks>
/// Pacing is about real HTTP traffic, so it runs on the transport clock (<see cref="Transport.TransportClock"/>), never on domain time.
/// Each limit allows at most <c>burst</c> sends within any window of <c>burst / perSecond</c> (overall: 30 in one second; a chat:
/// one in one second). A send counts from the instant its request ended (<see cref="Ended"/>), not from when it was taken:
/// Telegram counts a request when it arrives, which lies between the two, so counting from the end keeps the next send a full
/// window after the arrival of the one it must follow whatever the round trip took, and Telegram never answers 429 for a pace
/// the bot chose. The overall window starts full: a process restarted after a crash cannot know what its predecessor sent in
/// its last second. A 429 for one chat holds back that chat only (<see cref="RateLimited"/>); a 429 for another chat right
/// after it, with no send accepted between them, means the limit is the bot's, and everything waits. A chat's window is
/// forgotten once it has emptied, found by a queue of sends in time order, so each send costs O(1) amortised however many chats.
/// </remarks>
public sealed class SendPacer
{
    private readonly TimeProvider _clock;
    private readonly Window _global;
    private readonly int _chatBurst;
    private readonly TimeSpan _chatWindow;
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Queue<(long Chat, DateTimeOffset At)> _sends = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private long? _lastRateLimited;

    /// <summary>A pacer allowing <paramref name="globalBurst"/> sends in any <c>globalBurst / globalPerSecond</c> overall, and <paramref name="chatBurst"/> in any <c>chatBurst / chatPerSecond</c> to one chat.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not positive or a burst is less than 1.</exception>
    public SendPacer(TimeProvider clock, double globalPerSecond = 30, int globalBurst = 30, int chatBurst = 1, double chatPerSecond = 1)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(globalPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(chatPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(globalBurst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chatBurst, 1);
        _clock = clock;
        _global = new Window(globalBurst, TimeSpan.FromSeconds(globalBurst / globalPerSecond), startFull: clock.GetUtcNow());
        _chatBurst = chatBurst;
        _chatWindow = TimeSpan.FromSeconds(chatBurst / chatPerSecond);
    }

    /// <summary>Chats held (a send within their window, or a 429 pause).</summary>
    public int TrackedChats => _chats.Count;

    /// <summary>How long until the overall limit (or a pause for everything) lets any send through; zero when it does now.</summary>
    public TimeSpan GlobalWait()
    {
        var now = _clock.GetUtcNow();
        return now < _pausedUntil ? _pausedUntil - now : _global.WaitFor(now);
    }

    /// <summary>How long until a send to <paramref name="chatId"/> is allowed; zero when it is now. Takes nothing.</summary>
    public TimeSpan Wait(long chatId)
    {
        var now = _clock.GetUtcNow();
        Forget(now);
        return Max(GlobalWait(), ChatWait(chatId, now));
    }

    /// <summary>Counts a send to <paramref name="chatId"/> as starting now if both limits allow it (call <see cref="Ended"/> when its request ends); otherwise says how long to wait.</summary>
    public bool TryTake(long chatId, out TimeSpan wait)
    {
        var now = _clock.GetUtcNow();
        Forget(now);
        wait = Max(GlobalWait(), ChatWait(chatId, now));
        if (wait > TimeSpan.Zero)
        {
            return false;
        }

        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = _chats[chatId] = new ChatState(new Window(_chatBurst, _chatWindow, startFull: null));
        }

        chat.GlobalSlot = _global.Take(now);
        chat.ChatSlot = chat.Window.Take(now);
        _sends.Enqueue((chatId, now));
        return true;
    }

    /// <summary>The request of the send taken last for <paramref name="chatId"/> has ended (answered, or failed): it counts from now, when it has surely reached Telegram.</summary>
    public void Ended(long chatId)
    {
        var now = _clock.GetUtcNow();
        _lastRateLimited = null;
        End(chatId, now);
    }

    /// <summary>Telegram answered 429 for <paramref name="chatId"/>: that chat waits <paramref name="retryAfter"/>; if the previous answer was a 429 for another chat, every chat does.</summary>
    public void RateLimited(long chatId, TimeSpan retryAfter)
    {
        var now = _clock.GetUtcNow();
        End(chatId, now);
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = _chats[chatId] = new ChatState(new Window(_chatBurst, _chatWindow, startFull: null));
        }

        var until = now + retryAfter;
        if (until > chat.PausedUntil)
        {
            chat.PausedUntil = until;
        }

        _sends.Enqueue((chatId, until));
        if (_lastRateLimited is { } previous && previous != chatId)
        {
            PauseUntil(until);
        }

        _lastRateLimited = chatId;
    }

    /// <summary>Stops all sending until <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }

    private void End(long chatId, DateTimeOffset now)
    {
        if (_chats.TryGetValue(chatId, out var chat) && chat.GlobalSlot is { } slot)
        {
            _global.End(slot, now);
            chat.Window.End(chat.ChatSlot, now);
            chat.GlobalSlot = null;
            _sends.Enqueue((chatId, now));
        }
    }

    private TimeSpan ChatWait(long chatId, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            return TimeSpan.Zero; // a chat without a window has an empty one
        }

        var paused = chat.PausedUntil > now ? chat.PausedUntil - now : TimeSpan.Zero;
        return Max(paused, chat.Window.WaitFor(now));
    }

    // A chat whose window has emptied and whose pause is over carries no information: forget it (a later send makes a new one).
    private void Forget(DateTimeOffset now)
    {
        while (_sends.TryPeek(out var send) && send.At + _chatWindow <= now)
        {
            _sends.Dequeue();
            if (_chats.TryGetValue(send.Chat, out var chat) && chat.GlobalSlot is null && chat.PausedUntil <= now && chat.Window.Latest + _chatWindow <= now)
            {
                _chats.Remove(send.Chat);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class ChatState(Window window)
    {
        public Window Window { get; } = window;

        public int? GlobalSlot { get; set; }

        public int ChatSlot { get; set; }

        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;
    }

    // The last `count` sends' instants in a ring: a new send may start once the one `count` sends back counts from a full window ago.
    private sealed class Window
    {
        private readonly DateTimeOffset[] _at;
        private readonly TimeSpan _length;
        private int _next;

        public Window(int count, TimeSpan length, DateTimeOffset? startFull)
        {
            _at = new DateTimeOffset[count];
            Array.Fill(_at, startFull ?? DateTimeOffset.MinValue);
            _length = length;
            Latest = startFull ?? DateTimeOffset.MinValue;
        }

        public DateTimeOffset Latest { get; private set; }

        public TimeSpan WaitFor(DateTimeOffset now)
        {
            var oldest = _at[_next];
            return oldest == DateTimeOffset.MinValue || oldest + _length <= now ? TimeSpan.Zero : oldest + _length - now;
        }

        public int Take(DateTimeOffset now)
        {
            var slot = _next;
            _at[slot] = now;
            _next = (_next + 1) % _at.Length;
            Latest = now > Latest ? now : Latest;
            return slot;
        }

        public void End(int slot, DateTimeOffset now)
        {
            if (now > _at[slot])
            {
                _at[slot] = now;
            }

            Latest = now > Latest ? now : Latest;
        }
    }
}
