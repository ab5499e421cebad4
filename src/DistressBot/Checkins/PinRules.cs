namespace DistressBot.Checkins;

/// <summary>Why a new PIN was refused.</summary>
public enum PinRefusal
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Not 4 to 12 ASCII digits.</summary>
    Shape,

    /// <summary>Easy to guess: one digit repeated, a block repeated (1212), or consecutive digits up or down (1234, 8765, 7890).</summary>
    Trivial,
}

/// <summary>What a new PIN must be: 4 to 12 digits, not trivially guessable. Pure; a duress PIN equal to the check-in PIN is refused by <see cref="SetPins"/>.</summary>
public static class PinRules
{
    /// <summary>Fewest digits in a PIN.</summary>
    public const int MinLength = 4;

    /// <summary>Most digits in a PIN.</summary>
    public const int MaxLength = 12;

    /// <summary>True when <paramref name="text"/> has the shape of a PIN (4 to 12 ASCII digits, nothing else).</summary>
    public static bool HasShape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length is >= MinLength and <= MaxLength && text.All(char.IsAsciiDigit);
    }

    /// <summary>Whether <paramref name="pin"/> may be chosen as a new PIN.</summary>
    public static PinRefusal Check(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (!HasShape(pin))
        {
            return PinRefusal.Shape;
        }

        return RepeatsABlock(pin) || Steps(pin, 1) || Steps(pin, 9) ? PinRefusal.Trivial : PinRefusal.None;
    }

    // 0000, 1212, 123123: the PIN is one shorter block said again and again.
    private static bool RepeatsABlock(string pin)
    {
        for (var block = 1; block <= pin.Length / 2; block++)
        {
            if (pin.Length % block == 0 && Enumerable.Range(block, pin.Length - block).All(i => pin[i] == pin[i - block]))
            {
                return true;
            }
        }

        return false;
    }

    // Every digit is the one before plus step, modulo 10: step 1 is 1234 or 7890, step 9 is 4321 or 1098.
    private static bool Steps(string pin, int step) =>
        Enumerable.Range(1, pin.Length - 1).All(i => (pin[i] - '0' + 10 - (pin[i - 1] - '0')) % 10 == step);
}
