namespace DistressBot.Storage;

/// <summary>What the host reports about its store: healthy, or faulted with the last storage error and how long it has lasted.</summary>
/// <param name="IsFaulted">True while the store cannot write and callers' tasks are waiting for it to recover.</param>
/// <param name="LastError">The last storage error's message (never record contents), or null when none was seen.</param>
/// <param name="FaultedSince">When the current fault began, or null while healthy.</param>
/// <param name="FailedAttempts">How many attempts in a row have failed in the current fault; 0 while healthy.</param>
public sealed record StoreHealth(bool IsFaulted, string? LastError, DateTimeOffset? FaultedSince, int FailedAttempts)
{
    /// <summary>The state of a store that has seen no fault.</summary>
    public static StoreHealth Healthy { get; } = new(false, null, null, 0);
}
