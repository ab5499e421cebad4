using System.Collections.Frozen;

namespace DistressBot.Domain;

/// <summary>
/// Our focused table of look-alike characters for <see cref="PersonNames.Skeleton"/>: Cyrillic and Greek letters that
/// look like Latin ones, digits that look like letters, and Latin pairs such as "rn"/"m".
/// </summary>
/// <remarks>
/// No maintained .NET package implements UTS #39 confusables (icu.net wraps no spoof checker; ICU4N is an alpha), so this
/// is a hand-picked subset of Unicode's confusables.txt for the scripts our people write in. Limits: other scripts
/// (Armenian, Cherokee, mathematical letters outside NFKD) are not mapped, and a name is compared with each existing
/// one only as a whole, never by mixed-script rules. It errs towards "looks alike": a refused alias costs the coordinator
/// another choice, a confusable one can send an alarm about the wrong person.
/// </remarks>
internal static class Confusables
{
    // Applied before lower-casing, because some capitals look like a Latin letter their small forms do not (Η/H but η/n).
    private static readonly FrozenDictionary<char, string> Capitals = new Dictionary<char, string>
    {
        // Cyrillic capitals.
        ['А'] = "A", ['В'] = "B", ['Е'] = "E", ['Ѕ'] = "S", ['І'] = "l", ['Ј'] = "J", ['К'] = "K", ['М'] = "M",
        ['Н'] = "H", ['О'] = "O", ['Р'] = "P", ['С'] = "C", ['Т'] = "T", ['У'] = "Y", ['Х'] = "X", ['Ү'] = "Y",
        ['Һ'] = "h", ['Ԛ'] = "Q", ['Ԝ'] = "W", ['Ӏ'] = "l", ['З'] = "3", ['Ь'] = "b", ['Ԁ'] = "d",

        // Greek capitals.
        ['Α'] = "A", ['Β'] = "B", ['Ε'] = "E", ['Ζ'] = "Z", ['Η'] = "H", ['Ι'] = "l", ['Κ'] = "K", ['Μ'] = "M",
        ['Ν'] = "N", ['Ο'] = "O", ['Ρ'] = "P", ['Τ'] = "T", ['Υ'] = "Y", ['Χ'] = "X",

        // Latin capital I reads as small l; 0 and 1 read as O and l.
        ['I'] = "l", ['0'] = "O", ['1'] = "l", ['ǀ'] = "l",
    }.ToFrozenDictionary();

    // Applied after lower-casing.
    private static readonly FrozenDictionary<char, string> Smalls = new Dictionary<char, string>
    {
        // Cyrillic small letters.
        ['а'] = "a", ['е'] = "e", ['о'] = "o", ['р'] = "p", ['с'] = "c", ['у'] = "y", ['х'] = "x", ['ѕ'] = "s",
        ['і'] = "i", ['ј'] = "j", ['һ'] = "h", ['ԁ'] = "d", ['ԛ'] = "q", ['ԝ'] = "vv", ['ӏ'] = "l", ['ү'] = "y",
        ['к'] = "k", ['м'] = "rn", ['п'] = "n", ['г'] = "r", ['ь'] = "b", ['з'] = "3", ['в'] = "b", ['н'] = "h",
        ['т'] = "t",

        // Greek small letters.
        ['α'] = "a", ['ο'] = "o", ['ρ'] = "p", ['ν'] = "v", ['ι'] = "i", ['κ'] = "k", ['υ'] = "u", ['χ'] = "x",
        ['γ'] = "y", ['ω'] = "vv", ['η'] = "n", ['σ'] = "o", ['ϲ'] = "c", ['ϳ'] = "j", ['β'] = "b", ['ε'] = "e",
        ['ζ'] = "z",

        // Latin look-alikes: "rn" reads as "m", "vv" as "w"; dotless i, script g, Latin alpha.
        ['m'] = "rn", ['w'] = "vv", ['ı'] = "i", ['ɡ'] = "g", ['ɑ'] = "a",
    }.ToFrozenDictionary();

    /// <summary>The Latin look-alike of <paramref name="c"/> before lower-casing, or <paramref name="c"/> itself.</summary>
    public static string BeforeLowerCase(char c) => Capitals.TryGetValue(c, out var latin) ? latin : c.ToString();

    /// <summary>The Latin look-alike of a lower-cased <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static string AfterLowerCase(char c) => Smalls.TryGetValue(c, out var latin) ? latin : c.ToString();
}
