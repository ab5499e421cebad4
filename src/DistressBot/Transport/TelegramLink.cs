namespace DistressBot.Transport;

/// <summary>What the last getUpdates calls said about the link to Telegram, for `status` and the poll's pace.</summary>
/// <param name="LastAnswerAt">When Telegram last answered getUpdates (transport clock); null before the first answer.</param>
/// <param name="LastError">The class of the last failed call, null once a call succeeds.</param>
/// <param name="FailingSince">Since when every call failed; null while calls succeed.</param>
/// <param name="TokenRevoked">Telegram answered 401: the token was revoked or is wrong, and only the admin can fix it.</param>
public sealed record TelegramLinkState(DateTimeOffset? LastAnswerAt, TelegramErrorClass? LastError, DateTimeOffset? FailingSince, bool TokenRevoked);

/// <summary>What a failed getUpdates means for the poll: how long to wait, and whether this is news the log must carry once.</summary>
/// <param name="Wait">The wait before the next call (a revoked token waits <see cref="TelegramLink.RevokedTokenRetry"/>, not the short backoff).</param>
/// <param name="TokenNewlyRevoked">True only on the first 401 of a run of them: log it once, as critical.</param>
public sealed record PollFailureVerdict(TimeSpan Wait, bool TokenNewlyRevoked);

/// <summary>The state of the link to Telegram as the poll sees it; thread-safe (the admin socket reads it while the poll writes).</summary>
public sealed class TelegramLink
{
    /// <summary>How often a bot whose token Telegram refuses (401) asks again: a revoked token does not come back by itself, and asking at full speed only fills the log.</summary>
    public static readonly TimeSpan RevokedTokenRetry = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private TelegramLinkState _state = new(null, null, null, false);

    /// <summary>The state now.</summary>
    public TelegramLinkState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Telegram answered at <paramref name="at"/>; returns true when the token had been refused until now.</summary>
    public bool Answered(DateTimeOffset at)
    {
        lock (_gate)
        {
            var wasRevoked = _state.TokenRevoked;
            _state = new TelegramLinkState(at, null, null, false);
            return wasRevoked;
        }
    }

    /// <summary>A call failed at <paramref name="at"/> with <paramref name="errorClass"/>; <paramref name="backoff"/> is the wait an ordinary failure would get.</summary>
    public PollFailureVerdict Failed(TelegramErrorClass errorClass, DateTimeOffset at, TimeSpan backoff)
    {
        lock (_gate)
        {
            var revoked = errorClass == TelegramErrorClass.Unauthorized;
            var newly = revoked && !_state.TokenRevoked;
            _state = _state with { LastError = errorClass, FailingSince = _state.FailingSince ?? at, TokenRevoked = revoked };
            return new PollFailureVerdict(revoked ? RevokedTokenRetry : backoff, newly);
        }
    }
}
