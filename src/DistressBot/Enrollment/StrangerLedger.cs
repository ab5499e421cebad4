using DistressBot.Domain;

namespace DistressBot.Enrollment;

/// <summary>
/// What the bot remembers about people not enrolled, in memory only and capped: when each was last given the neutral line
/// (at most once per <see cref="ReplyEvery"/>) and how many wrong enrollment codes each sent in the current hour.
/// </summary>
/// <remarks>
/// Strangers' ids never reach the disk. Decisions are taken on a <see cref="Draft"/> inside a unit of work, which may run
/// again or roll back, and only <see cref="Apply"/>ed once it committed. A restart forgets everything, which at worst
/// lets a stranger hear the neutral line once more or try a few more codes; the overall guessing limit is durable
/// (<see cref="RedemptionReport"/>). Used by one update pump at a time, never concurrently.
/// </remarks>
public sealed class StrangerLedger
{
    /// <summary>A stranger hears the neutral line at most once in this long.</summary>
    public static readonly TimeSpan ReplyEvery = TimeSpan.FromHours(1);

    /// <summary>Wrong codes are counted per sender over this long.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    /// <summary>Wrong codes one sender may send in <see cref="FailureWindow"/> before their codes are refused unchecked.</summary>
    public const int FailuresPerSender = 5;

    /// <summary>At most this many strangers are remembered (and so answered) at once; the rest get no reply until some are forgotten.</summary>
    public const int Capacity = 2000;

    private readonly Dictionary<long, Entry> _senders = [];

    /// <summary>Strangers remembered now (for tests and the measurement).</summary>
    public int Count => _senders.Count;

    /// <summary>Starts the decisions of one unit of work at <paramref name="now"/>, forgetting what no longer matters.</summary>
    public Draft Begin(DateTimeOffset now)
    {
        if (_senders.Count > 0)
        {
            foreach (var gone in _senders.Where(s => s.Value.IsStale(now)).Select(s => s.Key).ToList())
            {
                _senders.Remove(gone);
            }
        }

        return new Draft(this, now);
    }

    /// <summary>Keeps the decisions of a committed unit of work.</summary>
    /// <exception cref="ArgumentException"><paramref name="draft"/> was begun on another ledger.</exception>
    public void Apply(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!ReferenceEquals(draft.Ledger, this))
        {
            throw new ArgumentException("The draft belongs to another ledger.", nameof(draft));
        }

        foreach (var (sender, entry) in draft.Changed)
        {
            _senders[sender] = entry;
        }
    }

    /// <summary>Decisions about strangers inside one unit of work; nothing is kept unless the ledger applies it after the commit.</summary>
    public sealed class Draft
    {
        private readonly DateTimeOffset _now;

        internal Draft(StrangerLedger ledger, DateTimeOffset now)
        {
            Ledger = ledger;
            _now = now;
        }

        /// <summary>Set when a stranger was left unanswered because the ledger is full.</summary>
        public bool WasFull { get; private set; }

        internal StrangerLedger Ledger { get; }

        internal Dictionary<long, Entry> Changed { get; } = [];

        /// <summary>True (and noted) when <paramref name="sender"/> may be given the neutral line now.</summary>
        public bool TryReply(long sender)
        {
            if (!TryGet(sender, out var entry))
            {
                return false;
            }

            if (entry.RepliedAt is { } at && _now - at < ReplyEvery)
            {
                return false;
            }

            Changed[sender] = entry with { RepliedAt = _now };
            return true;
        }

        /// <summary>True when <paramref name="sender"/> sent <see cref="FailuresPerSender"/> wrong codes within the window.</summary>
        public bool IsHeldBack(long sender) =>
            Current(sender) is { } entry && entry.FailuresIn(_now) >= FailuresPerSender;

        /// <summary>True when <paramref name="sender"/> sent a wrong code within the window.</summary>
        public bool HasFailed(long sender) =>
            Current(sender) is { } entry && entry.FailuresIn(_now) > 0;

        /// <summary>Counts a wrong code from <paramref name="sender"/>; true when it is the one that holds them back.</summary>
        public bool Failed(long sender)
        {
            if (!TryGet(sender, out var entry))
            {
                return false;
            }

            var failures = entry.FailuresIn(_now);
            Changed[sender] = entry with
            {
                Failures = failures + 1,
                FailuresSince = failures == 0 ? _now : entry.FailuresSince,
            };
            return failures + 1 == FailuresPerSender;
        }

        private Entry? Current(long sender) =>
            Changed.TryGetValue(sender, out var changed) ? changed : Ledger._senders.GetValueOrDefault(sender);

        private bool TryGet(long sender, out Entry entry)
        {
            if (Current(sender) is { } known)
            {
                entry = known;
                return true;
            }

            if (Ledger._senders.Count + Changed.Keys.Count(k => !Ledger._senders.ContainsKey(k)) >= Capacity)
            {
                WasFull = true;
                entry = new Entry(null, 0, _now);
                return false;
            }

            entry = new Entry(null, 0, _now);
            return true;
        }
    }

    internal sealed record Entry(DateTimeOffset? RepliedAt, int Failures, DateTimeOffset FailuresSince)
    {
        public int FailuresIn(DateTimeOffset now) => now - FailuresSince < FailureWindow ? Failures : 0;

        public bool IsStale(DateTimeOffset now) =>
            (RepliedAt is not { } at || now - at >= ReplyEvery) && FailuresIn(now) == 0;
    }
}
