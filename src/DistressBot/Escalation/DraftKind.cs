namespace DistressBot.Escalation;

/// <summary>Which filing a draft is (/draft C-0042 police|wgeid|interim).</summary>
public enum DraftKind
{
    /// <summary>A missing-person report to the police.</summary>
    Police,

    /// <summary>An urgent action to the UN Working Group on Enforced or Involuntary Disappearances.</summary>
    Wgeid,

    /// <summary>A request for interim measures against a state that might hand the person over.</summary>
    Interim,
}

/// <summary>The words that name a <see cref="DraftKind"/> in commands, file names and the case log.</summary>
public static class DraftKinds
{
    /// <summary>"police", "wgeid", "interim".</summary>
    public static string Word(DraftKind kind) => kind switch
    {
        DraftKind.Police => "police",
        DraftKind.Wgeid => "wgeid",
        DraftKind.Interim => "interim",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A draft kind without a word."),
    };

    /// <summary>True and the kind when <paramref name="typed"/> is one of the words (any case of letters).</summary>
    public static bool TryParse(string? typed, out DraftKind kind)
    {
        foreach (var candidate in Enum.GetValues<DraftKind>())
        {
            if (string.Equals(typed?.Trim(), Word(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = DraftKind.Police;
        return false;
    }
}
