using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace DistressBot.Evidence.Report;

/// <summary>
/// Which characters a TrueType font draws, read from its <c>cmap</c> table (Unicode subtables, formats 4 and 12), so the
/// report can show a character the font lacks as <c>[U+1F6A8]</c> instead of an anonymous box.
/// </summary>
internal sealed class FontCoverage
{
    private readonly FrozenSet<int> _codePoints;

    private FontCoverage(FrozenSet<int> codePoints) => _codePoints = codePoints;

    /// <summary>Reads the coverage of <paramref name="font"/>.</summary>
    /// <exception cref="FormatException">The font has no Unicode cmap subtable in format 4 or 12.</exception>
    public static FontCoverage Of(byte[] font)
    {
        var bytes = font.AsSpan();
        var cmap = TableOffset(bytes, "cmap");
        var count = U16(bytes, cmap + 2);
        int? format4 = null;
        int? format12 = null;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (i * 8);
            var platform = U16(bytes, record);
            var encoding = U16(bytes, record + 2);
            var subtable = cmap + (int)U32(bytes, record + 4);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode)
            {
                continue;
            }

            switch (U16(bytes, subtable))
            {
                case 4:
                    format4 ??= subtable;
                    break;
                case 12:
                    format12 ??= subtable;
                    break;
                default:
                    break;
            }
        }

        var codePoints = new HashSet<int>();
        if (format12 is { } full)
        {
            ReadFormat12(bytes, full, codePoints);
        }
        else if (format4 is { } basic)
        {
            ReadFormat4(bytes, basic, codePoints);
        }
        else
        {
            throw new FormatException("The font has no Unicode character map (cmap format 4 or 12).");
        }

        return new FontCoverage(codePoints.ToFrozenSet());
    }

    /// <summary>Whether the font has a glyph for <paramref name="codePoint"/>.</summary>
    public bool Has(int codePoint) => _codePoints.Contains(codePoint);

    /// <summary>The text with each character the font lacks written <c>[U+XXXX]</c>; line breaks are kept as they are.</summary>
    public string Printable(string text)
    {
        StringBuilder? builder = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n' || Has(rune.Value))
            {
                builder?.Append(rune.ToString());
            }
            else
            {
                builder ??= new StringBuilder(text, 0, index, text.Length + 16);
                builder.Append(CultureInfo.InvariantCulture, $"[U+{rune.Value:X4}]");
            }

            index += rune.Utf16SequenceLength;
        }

        return builder?.ToString() ?? text;
    }

    private static void ReadFormat4(ReadOnlySpan<byte> bytes, int table, HashSet<int> codePoints)
    {
        var segments = U16(bytes, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int start = U16(bytes, starts + (2 * s));
            int end = U16(bytes, ends + (2 * s));
            int delta = U16(bytes, deltas + (2 * s));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            int rangeOffset = U16(bytes, rangeOffsetAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = at + 2 <= bytes.Length ? U16(bytes, at) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    codePoints.Add(c);
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> bytes, int table, HashSet<int> codePoints)
    {
        var groups = U32(bytes, table + 12);
        for (var g = 0u; g < groups; g++)
        {
            var group = table + 16 + (int)(g * 12);
            var start = U32(bytes, group);
            var end = U32(bytes, group + 4);
            var glyph = U32(bytes, group + 8);
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                if (glyph + (c - start) != 0)
                {
                    codePoints.Add((int)c);
                }
            }
        }
    }

    private static int TableOffset(ReadOnlySpan<byte> bytes, string tag)
    {
        var tables = U16(bytes, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (i * 16);
            if (Encoding.ASCII.GetString(bytes.Slice(record, 4)) == tag)
            {
                return (int)U32(bytes, record + 8);
            }
        }

        throw new FormatException($"The font has no '{tag}' table.");
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
}
