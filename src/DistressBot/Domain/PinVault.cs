using DistressBot.Crypto;

namespace DistressBot.Domain;

/// <summary>Which of a subject's PINs a typed one is.</summary>
public enum PinMatch
{
    /// <summary>Neither.</summary>
    None,

    /// <summary>The check-in PIN.</summary>
    Checkin,

    /// <summary>The duress PIN.</summary>
    Duress,
}

/// <summary>Hashes and matches PINs under the keyring (<see cref="PinHasher"/>); the only place PIN hashes are made or compared.</summary>
public sealed class PinVault(ILookupHasher keyed)
{
    /// <summary>A new random salt and the hash of <paramref name="pin"/> with it, at the current cost.</summary>
    public (byte[] Salt, byte[] Hash) Hash(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var salt = PinHasher.NewSalt();
        return (salt, PinHasher.Hash(keyed, pin, salt, PinHasher.Cost));
    }

    /// <summary>True when <paramref name="pin"/> hashes to <paramref name="hash"/> with <paramref name="salt"/> at the current cost (constant-time comparison).</summary>
    public bool Matches(string pin, byte[] salt, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(hash);
        return PinHasher.Same(PinHasher.Hash(keyed, pin, salt, PinHasher.Cost), hash);
    }

    /// <summary><paramref name="pins"/> with the PINs of <paramref name="believed"/> (made by <see cref="Seal"/>) as its only decoys.</summary>
    public static PinState WithDecoys(PinState pins, PinState believed)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(believed);
        return new PinState
        {
            CheckinSalt = pins.CheckinSalt,
            CheckinHash = pins.CheckinHash,
            DuressSalt = pins.DuressSalt,
            DuressHash = pins.DuressHash,
            MemoryKiB = pins.MemoryKiB,
            Passes = pins.Passes,
            Decoys = [new PinHash(believed.CheckinSalt, believed.CheckinHash), new PinHash(believed.DuressSalt, believed.DuressHash)],
        };
    }

    /// <summary>PINs from the new check-in PIN's salt and hash (made by <see cref="Hash"/>) and the new duress PIN, hashed now with its own salt.</summary>
    public PinState Seal(byte[] checkinSalt, byte[] checkinHash, string duressPin)
    {
        ArgumentNullException.ThrowIfNull(checkinSalt);
        ArgumentNullException.ThrowIfNull(checkinHash);
        var (duressSalt, duressHash) = Hash(duressPin);
        return new PinState
        {
            CheckinSalt = checkinSalt,
            CheckinHash = checkinHash,
            DuressSalt = duressSalt,
            DuressHash = duressHash,
            MemoryKiB = PinHasher.Cost.MemoryKiB,
            Passes = PinHasher.Cost.Passes,
        };
    }

    /// <summary>
    /// Which PIN <paramref name="typed"/> is (a decoy counts as the duress PIN). Every hash is always computed, check-in first,
    /// then duress, then the decoys, and all compared in constant time before any result is looked at, so the time taken does
    /// not tell a duress PIN from a real or a wrong one.
    /// </summary>
    /// <exception cref="ArgumentException">The stored salts or cost are damaged.</exception>
    public PinMatch Match(PinState pins, string typed)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(typed);
        var cost = new Argon2Settings(pins.MemoryKiB, pins.Passes);
        var checkin = PinHasher.Same(PinHasher.Hash(keyed, typed, pins.CheckinSalt, cost), pins.CheckinHash);
        var duress = PinHasher.Same(PinHasher.Hash(keyed, typed, pins.DuressSalt, cost), pins.DuressHash);
        foreach (var decoy in pins.Decoys)
        {
            duress |= PinHasher.Same(PinHasher.Hash(keyed, typed, decoy.Salt, cost), decoy.Hash);
        }

        return checkin ? PinMatch.Checkin : duress ? PinMatch.Duress : PinMatch.None;
    }
}
