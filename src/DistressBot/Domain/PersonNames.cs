using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DistressBot.Domain;

/// <summary>Names and aliases as people type them, in any script: one stored form (NFC), what they may hold, and which look alike.</summary>
/// <remarks>
/// A name is letters (each with up to <see cref="MaxMarksPerLetter"/> combining marks: "राहुल", "Nguyễn"), digits, spaces,
/// dots and hyphens, at most <see cref="MaxLength"/> user-perceived characters. Control and format characters (zero-width
/// joiners, bidi overrides) and marks not standing on a letter are refused: they make two names that read the same differ.
/// </remarks>
public static partial class PersonNames
{
    /// <summary>The most user-perceived characters (text elements) a name may have.</summary>
    public const int MaxLength = 32;

    /// <summary>The most combining marks on one letter (Vietnamese needs two, Devanagari and Arabic vowel signs one or two).</summary>
    public const int MaxMarksPerLetter = 4;

    // A bound on the stored form whatever the marks; 32 elements of a letter with 4 marks is 160 code units.
    private const int MaxCodeUnits = 160;

    /// <summary>NFC form, white space trimmed and each inner run folded to one space; text that is not valid UTF-16 is only trimmed (and then refused).</summary>
    public static string Normalize(string? name)
    {
        var text = (name ?? "").Trim();
        try
        {
            text = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; IsValid refuses it.
            return text;
        }

        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>True when <paramref name="name"/> (already normalised) is 1 to 32 letters (with their marks), digits, spaces, dots and hyphens, starting with a letter or digit.</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length is >= 1 and <= MaxCodeUnits
            && NamePattern().IsMatch(name)
            && new StringInfo(name).LengthInTextElements <= MaxLength;
    }

    /// <summary>The same name as typed either way: equal after <see cref="Normalize"/>, ignoring case.</summary>
    public static bool Same(string? a, string? b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the two names look alike (<see cref="Skeleton"/>s are equal) without being the <see cref="Same"/> name.</summary>
    public static bool Confusable(string a, string b) =>
        !Same(a, b) && string.Equals(Skeleton(a), Skeleton(b), StringComparison.Ordinal);

    /// <summary>
    /// A key that is equal for names a reader could take for one another (the idea of Unicode TR39's skeleton): compatibility
    /// decomposition (NFKD), look-alike letters mapped to Latin, lower case, then NFD. For comparison only, never for display.
    /// </summary>
    /// <remarks>The mapping is our focused table (<see cref="Confusables"/>), not the full Unicode confusables data.</remarks>
    public static string Skeleton(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string decomposed;
        try
        {
            decomposed = Normalize(name).Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = name;
        }

        var mapped = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            mapped.Append(Confusables.BeforeLowerCase(c));
        }

        var lower = mapped.ToString().ToLowerInvariant();
        var skeleton = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            skeleton.Append(Confusables.AfterLowerCase(c));
        }

        return skeleton.ToString().Normalize(NormalizationForm.FormD);
    }

    // A letter with at most four marks, or a digit, first; then those or a space, dot or hyphen. \p{M} covers Mn, Mc and Me.
    [GeneratedRegex(@"^(?:\p{L}\p{M}{0,4}|\p{Nd})(?:\p{L}\p{M}{0,4}|\p{Nd}|[ .\-])*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
