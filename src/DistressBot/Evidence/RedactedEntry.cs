using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DistressBot.Evidence;

/// <summary>
/// A line of a redacted bundle's log.jsonl that stands for an entry whose content is withheld (docs/evidence.md,
/// "Redacted lines"): <c>{"redacted":"&lt;base64 leaf hash&gt;","seq":N,"kind":"note"}</c>, exactly so, in that key order,
/// ASCII. The tree takes its leaf hash as given instead of hashing the line, so the log's root is the full log's.
/// </summary>
/// <param name="LeafHash">The withheld entry's RFC 6962 leaf hash, SHA-256(0x00 ‖ entry bytes), 32 bytes.</param>
/// <param name="Sequence">The withheld entry's seq (its leaf index).</param>
/// <param name="Kind">The withheld entry's kind, a snake_case word.</param>
public sealed partial record RedactedEntry(byte[] LeafHash, long Sequence, string Kind)
{
    private static readonly byte[] Prefix = "{\"redacted\":"u8.ToArray();

    /// <summary>The redacted line of <paramref name="entry"/>: its leaf hash, seq and kind, nothing else.</summary>
    public static RedactedEntry Of(CaseLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new RedactedEntry(MerkleTree.HashLeaf(entry.ToBytes()), entry.Sequence, entry.Kind);
    }

    /// <summary>True when <paramref name="line"/> starts as a redacted line does (an entry starts with <c>{"v":</c>, so never does).</summary>
    public static bool IsRedactedLine(ReadOnlySpan<byte> line) => line.StartsWith(Prefix);

    /// <summary>The line's canonical bytes (no LF).</summary>
    /// <exception cref="ArgumentException">A hash that is not 32 bytes, a negative seq, or a kind that is not a snake_case word.</exception>
    public byte[] ToBytes()
    {
        ArgumentNullException.ThrowIfNull(LeafHash);
        ArgumentNullException.ThrowIfNull(Kind);
        if (LeafHash.Length != MerkleTree.HashSize || Sequence < 0 || !KindWord().IsMatch(Kind))
        {
            throw new ArgumentException("A redacted line needs a 32-byte leaf hash, a seq of 0 or more and a snake_case kind.");
        }

        return Encoding.ASCII.GetBytes(
            "{\"redacted\":\"" + Convert.ToBase64String(LeafHash) + "\",\"seq\":" + Sequence.ToString(CultureInfo.InvariantCulture) + ",\"kind\":\"" + Kind + "\"}");
    }

    /// <summary>Reads a redacted line (without its LF); anything but the exact canonical form is refused.</summary>
    /// <exception cref="FormatException">Not a redacted line in its one canonical form (what is wrong is said).</exception>
    public static RedactedEntry Parse(ReadOnlySpan<byte> line)
    {
        var match = Line().Match(Encoding.Latin1.GetString(line));
        if (!match.Success)
        {
            throw new FormatException("a redacted line must be exactly {\"redacted\":\"<base64 of a 32-byte leaf hash>\",\"seq\":<integer>,\"kind\":\"<snake_case word>\"}.");
        }

        var hash = Base64.Decode(match.Groups[1].Value);
        if (hash is not { Length: MerkleTree.HashSize })
        {
            throw new FormatException("the redacted line's hash is not the canonical base64 of 32 bytes.");
        }

        if (!long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            throw new FormatException("the redacted line's seq is out of range.");
        }

        return new RedactedEntry(hash, seq, match.Groups[3].Value);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindWord();

    [GeneratedRegex("^\\{\"redacted\":\"([A-Za-z0-9+/]{43}=)\",\"seq\":(0|[1-9][0-9]{0,18}),\"kind\":\"([a-z][a-z0-9_]{0,63})\"\\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
