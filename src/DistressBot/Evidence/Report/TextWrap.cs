using System.Globalization;
using System.Text;

namespace DistressBot.Evidence.Report;

/// <summary>
/// Breaks text into lines no wider than a width: at spaces, inside a word only when the word alone is wider, at every
/// newline. Nothing is dropped: control characters become a visible <c>\u001b</c>, a tab four spaces.
/// </summary>
internal static class TextWrap
{
    /// <summary>The lines of <paramref name="text"/>, each at most <paramref name="width"/> wide as <paramref name="measure"/> measures it (a single character may be wider).</summary>
    public static List<string> Lines(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Visible(text).Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = measure(word) <= width ? word : BreakWord(word, measure, width, lines);
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>The text with line ends made <c>\n</c>, tabs spaces and other control characters visible escapes.</summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\t')
            {
                builder.Append("    ");
            }
            else if (c != '\n' && char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Adds the full chunks of a word too wide for one line to lines; returns the last chunk, which the next word may join.
    private static string BreakWord(string word, Func<string, double> measure, double width, List<string> lines)
    {
        var chunk = string.Empty;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (chunk.Length > 0 && measure(chunk + element) > width)
            {
                lines.Add(chunk);
                chunk = string.Empty;
            }

            chunk += element;
        }

        return chunk;
    }
}
