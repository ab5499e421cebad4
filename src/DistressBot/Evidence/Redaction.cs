namespace DistressBot.Evidence;

/// <summary>
/// Which entry kinds an export withholds (docs/evidence.md, "Redacted lines"), named by words: <c>locations</c> covers
/// <c>location</c> and <c>alert_delivered</c> (an alert's words quote the subject's last known location, and a shared
/// location is passed on in one); <c>notes</c> covers <c>note</c>, <c>resolved</c> (whose content carries the resolving
/// note, so the whole entry, outcome included, is withheld) and <c>fact</c> (what a lawyer noted for the drafts, a last
/// known place among it). Words are given as <c>locations,notes</c>, in any order and case.
/// </summary>
public sealed class Redaction
{
    /// <summary>Every word and the kinds it covers, in the order the words are written back.</summary>
    public static readonly IReadOnlyList<(string Word, string[] Kinds)> Words =
    [
        ("locations", [CaseLogKinds.Location, CaseLogKinds.AlertDelivered]),
        ("notes", [CaseLogKinds.Note, CaseLogKinds.Resolved, CaseLogKinds.Fact]),
    ];

    private readonly HashSet<string> _kinds;

    private Redaction(IReadOnlyList<string> chosen)
    {
        Chosen = chosen;
        _kinds = [.. Words.Where(w => chosen.Contains(w.Word)).SelectMany(w => w.Kinds)];
    }

    /// <summary>Nothing withheld: the full bundle.</summary>
    public static Redaction None { get; } = new([]);

    /// <summary>The words chosen, in <see cref="Words"/> order, each once.</summary>
    public IReadOnlyList<string> Chosen { get; }

    /// <summary>True when nothing is withheld.</summary>
    public bool IsNone => Chosen.Count == 0;

    /// <summary>"locations,notes": the chosen words as the command takes them and the <c>exported</c> entry records them.</summary>
    public override string ToString() => string.Join(',', Chosen);

    /// <summary>True when an entry of <paramref name="kind"/> is withheld.</summary>
    public bool Covers(string kind) => _kinds.Contains(kind);

    /// <summary>
    /// Reads "locations,notes" (words between commas or spaces, letter case ignored, a word given twice counted once); false
    /// with the first <paramref name="unknown"/> word (or "" when there is no word at all) otherwise.
    /// </summary>
    public static bool TryParse(string text, out Redaction redaction, out string unknown)
    {
        ArgumentNullException.ThrowIfNull(text);
        (redaction, unknown) = (None, "");
        var parts = text.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var word = part.ToLowerInvariant();
            if (!Words.Any(w => w.Word == word))
            {
                unknown = part;
                return false;
            }

            chosen.Add(word);
        }

        redaction = new Redaction([.. Words.Select(w => w.Word).Where(chosen.Contains)]);
        return true;
    }
}
