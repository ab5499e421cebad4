using System.Globalization;

namespace DistressBot.Localization;

/// <summary>Cuts texts people read on whole user-perceived characters, with a visible "…" where text was left out.</summary>
/// <remarks>
/// Lengths are in UTF-16 code units (what Telegram and <see cref="string.Length"/> count); cuts fall only on text-element
/// boundaries (extended grapheme clusters, Unicode UAX #29, as <see cref="StringInfo"/> finds them), so a surrogate pair,
/// a flag, an emoji ZWJ sequence or a letter with its combining marks is kept whole or left out whole.
/// </remarks>
public static class TextCut
{
    /// <summary>The mark put where text was left out (U+2026, one code unit).</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> itself when it is at most <paramref name="maxLength"/> code units; otherwise its longest
    /// prefix of whole text elements followed by "…", at most <paramref name="maxLength"/> code units in all.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static string End(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        return text[..PrefixEnd(Boundaries(text), maxLength - Ellipsis.Length)] + Ellipsis;
    }

    /// <summary>
    /// <paramref name="text"/> itself when it fits; otherwise "…" followed by its longest suffix of whole text elements,
    /// at most <paramref name="maxLength"/> code units in all (for logs read from the end).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    public static string Start(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        return Ellipsis + text[SuffixStart(Boundaries(text), text.Length, maxLength - Ellipsis.Length)..];
    }

    /// <summary>
    /// <paramref name="text"/> itself when it fits; otherwise its start and its end with "…" between them, cut on whole
    /// text elements, at most <paramref name="maxLength"/> code units in all; the start gets
    /// <paramref name="headShare"/> of the room (0 to 1, half by default).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1, or <paramref name="headShare"/> is outside 0 to 1.</exception>
    public static string Middle(string text, int maxLength, double headShare = 0.5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(headShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(headShare, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = maxLength - Ellipsis.Length;
        var boundaries = Boundaries(text);
        var head = PrefixEnd(boundaries, (int)(room * headShare));
        var tail = SuffixStart(boundaries, text.Length, room - head);
        return text[..head] + Ellipsis + text[tail..];
    }

    /// <summary>The start index of every text element, then the text's length.</summary>
    private static int[] Boundaries(string text)
    {
        var starts = StringInfo.ParseCombiningCharacters(text);
        var boundaries = new int[starts.Length + 1];
        starts.CopyTo(boundaries, 0);
        boundaries[^1] = text.Length;
        return boundaries;
    }

    /// <summary>The largest boundary at most <paramref name="room"/>.</summary>
    private static int PrefixEnd(int[] boundaries, int room)
    {
        var end = 0;
        foreach (var boundary in boundaries)
        {
            if (boundary > room)
            {
                break;
            }

            end = boundary;
        }

        return end;
    }

    /// <summary>The smallest boundary whose suffix is at most <paramref name="room"/> long.</summary>
    private static int SuffixStart(int[] boundaries, int length, int room)
    {
        var start = length;
        for (var i = boundaries.Length - 1; i >= 0; i--)
        {
            if (length - boundaries[i] > room)
            {
                break;
            }

            start = boundaries[i];
        }

        return start;
    }
}
