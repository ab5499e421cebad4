namespace DistressBot.Domain;

/// <summary>A subject's PINs, only as hashes (<see cref="PinVault"/>): each with its own random salt, and the Argon2id cost they were made at.</summary>
public sealed class PinState
{
    /// <summary>Salt of <see cref="CheckinHash"/> (16 bytes).</summary>
    public required byte[] CheckinSalt { get; init; }

    /// <summary>Hash of the check-in PIN.</summary>
    public required byte[] CheckinHash { get; init; }

    /// <summary>Salt of <see cref="DuressHash"/> (16 bytes).</summary>
    public required byte[] DuressSalt { get; init; }

    /// <summary>Hash of the duress PIN.</summary>
    public required byte[] DuressHash { get; init; }

    /// <summary>Argon2id memory in KiB both hashes were made with.</summary>
    public required long MemoryKiB { get; init; }

    /// <summary>Argon2id passes both hashes were made with.</summary>
    public required long Passes { get; init; }

    /// <summary>
    /// PINs "set" by a /pin dialogue opened with the duress PIN (the holder of the phone believes in them): each is taken as the
    /// duress PIN, so using them neither reveals the change as false nor stops the alarm. Cleared by a real change.
    /// </summary>
    public List<PinHash> Decoys { get; init; } = [];
}

/// <summary>One salted PIN hash.</summary>
/// <param name="Salt">16 random bytes.</param>
/// <param name="Hash">The hash.</param>
public sealed record PinHash(byte[] Salt, byte[] Hash);

/// <summary>Which PIN a subject's next plain message is taken as.</summary>
public enum PinStep
{
    /// <summary>The PIN of a check-in asked for after a bare /checkin (or the reminder's button).</summary>
    Checkin,

    /// <summary>The current check-in PIN, before new PINs are chosen (/pin with PINs set).</summary>
    Current,

    /// <summary>The new check-in PIN.</summary>
    NewCheckin,

    /// <summary>The new duress PIN.</summary>
    NewDuress,

    /// <summary>The PIN of a guarded change (<see cref="PinPrompt.Change"/>) given without one.</summary>
    Change,
}

/// <summary>A change that could hide a disappearance, so it needs the PIN once PINs are set.</summary>
public enum GuardedChange
{
    /// <summary>/schedule.</summary>
    Schedule,

    /// <summary>/timezone.</summary>
    TimeZone,

    /// <summary>/pause.</summary>
    Pause,

    /// <summary>/resume.</summary>
    Resume,
}

/// <summary>A PIN the bot waits for from a subject; part of their sealed <see cref="Person"/> record. Never holds a PIN, only a hash.</summary>
public sealed class PinPrompt
{
    /// <summary>What the next plain message is taken as.</summary>
    public required PinStep Step { get; set; }

    /// <summary>Since when the bot waits.</summary>
    public required DateTimeOffset Since { get; set; }

    /// <summary>The /pin dialogue was opened with the duress PIN: it plays out the same, but the real PINs do not change.</summary>
    public bool ThroughDuress { get; set; }

    /// <summary>At <see cref="PinStep.NewDuress"/>: the salt of the new check-in PIN's hash.</summary>
    public byte[]? NewCheckinSalt { get; set; }

    /// <summary>At <see cref="PinStep.NewDuress"/>: the hash of the new check-in PIN.</summary>
    public byte[]? NewCheckinHash { get; set; }

    /// <summary>At <see cref="PinStep.Change"/>: the change waiting for the PIN.</summary>
    public GuardedChange? Change { get; set; }

    /// <summary>At <see cref="PinStep.Change"/>: the words of that change's command (no PIN among them).</summary>
    public string? Words { get; set; }
}

/// <summary>Wrong PINs in the current window; part of the subject's sealed <see cref="Person"/> record.</summary>
public sealed class PinFailures
{
    /// <summary>When the first wrong PIN of this window came.</summary>
    public required DateTimeOffset WindowStart { get; set; }

    /// <summary>Wrong PINs since <see cref="WindowStart"/>.</summary>
    public int Count { get; set; }

    /// <summary>The coordinators were told of this window's wrong PINs.</summary>
    public bool CoordinatorsTold { get; set; }
}
