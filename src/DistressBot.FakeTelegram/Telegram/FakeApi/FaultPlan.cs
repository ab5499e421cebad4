namespace DistressBot.Telegram.FakeApi;

/// <summary>Random faults the fake injects into Bot API calls, reproducible through a seed; safe to change while running.</summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private double _serverError;
    private double _tooManyRequests;
    private double _delay;
    private double _abort;
    private TimeSpan _retryAfter = TimeSpan.FromSeconds(1);
    private TimeSpan _delayDuration = TimeSpan.FromSeconds(5);
    private bool _applyToAllMethods;

    /// <summary>Creates a plan with no faults; the seed makes a run's sequence of faults repeatable.</summary>
    public FaultPlan(int seed = 20240601)
    {
        // A seeded generator is what makes a failing resilience test replayable; it is not for security.
#pragma warning disable CA5394 // Random is deliberate: reproducibility, not unpredictability.
        _random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>Probability (0..1) of answering 502 "Bad Gateway".</summary>
    public double ServerErrorProbability { get => Read(ref _serverError); set => Write(ref _serverError, CheckProbability(value)); }

    /// <summary>Probability (0..1) of answering 429 with <see cref="RetryAfter"/>.</summary>
    public double TooManyRequestsProbability { get => Read(ref _tooManyRequests); set => Write(ref _tooManyRequests, CheckProbability(value)); }

    /// <summary>retry_after carried by an injected 429, rounded up to whole seconds as Telegram sends it.</summary>
    public TimeSpan RetryAfter
    {
        get { lock (_gate) { return _retryAfter; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1));
            lock (_gate) { _retryAfter = value; }
        }
    }

    /// <summary>Probability (0..1) of waiting <see cref="Delay"/> before handling a call, so client timeouts fire.</summary>
    public double DelayProbability { get => Read(ref _delay); set => Write(ref _delay, CheckProbability(value)); }

    /// <summary>How long a delayed call waits (wall-clock) before it is handled; a call the client gave up on is not applied.</summary>
    public TimeSpan Delay
    {
        get { lock (_gate) { return _delayDuration; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _delayDuration = value; }
        }
    }

    /// <summary>Probability (0..1) of dropping the connection without an answer.</summary>
    public double AbortProbability { get => Read(ref _abort); set => Write(ref _abort, CheckProbability(value)); }

    /// <summary>False (default): faults hit only sending methods (send*, edit*, delete*, answer*); true: every method, getUpdates too.</summary>
    public bool ApplyToAllMethods
    {
        get { lock (_gate) { return _applyToAllMethods; } }
        set { lock (_gate) { _applyToAllMethods = value; } }
    }

    /// <summary>Draws the fault, if any, for one call; each probability is an independent draw, checked abort first.</summary>
    internal FaultDecision Decide(bool isSendingMethod)
    {
        lock (_gate)
        {
            if (!isSendingMethod && !_applyToAllMethods)
            {
                return FaultDecision.None;
            }

            var delay = Hit(_delay) ? _delayDuration : TimeSpan.Zero;
            if (Hit(_abort))
            {
                return new FaultDecision(FaultKind.Abort, delay, 0);
            }

            if (Hit(_tooManyRequests))
            {
                return new FaultDecision(FaultKind.TooManyRequests, delay, (int)Math.Ceiling(_retryAfter.TotalSeconds));
            }

            if (Hit(_serverError))
            {
                return new FaultDecision(FaultKind.ServerError, delay, 0);
            }

            return new FaultDecision(FaultKind.None, delay, 0);
        }
    }

    // A zero probability draws nothing, so a plan with faults off never advances the seeded sequence.
#pragma warning disable CA5394 // see constructor
    private bool Hit(double probability) => probability > 0 && _random.NextDouble() < probability;
#pragma warning restore CA5394

    private double Read(ref double field)
    {
        lock (_gate) { return field; }
    }

    private void Write(ref double field, double value)
    {
        lock (_gate) { field = value; }
    }

    private static double CheckProbability(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A fault probability must be between 0 and 1.");
        }

        return value;
    }
}

/// <summary>Which fault a call gets.</summary>
internal enum FaultKind
{
    None,
    Abort,
    TooManyRequests,
    ServerError,
}

/// <summary>The fault drawn for one call: its kind, a delay before it, and retry_after seconds for a 429.</summary>
internal readonly record struct FaultDecision(FaultKind Kind, TimeSpan Delay, int RetryAfterSeconds)
{
    public static FaultDecision None => new(FaultKind.None, TimeSpan.Zero, 0);
}
