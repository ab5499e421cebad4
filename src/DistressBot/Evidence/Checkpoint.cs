using System.Globalization;
using System.Text;

namespace DistressBot.Evidence;

/// <summary>
/// The note text of a C2SP tlog-checkpoint (tlog-checkpoint v1.0.0, "Note text"): origin line, tree size in decimal,
/// base64 RFC 6962 root hash (32 bytes), then optional non-empty extension lines, each line ending in newline.
/// </summary>
public sealed class Checkpoint
{
    private readonly byte[] _rootHash;

    /// <summary>
    /// A checkpoint; <see cref="ArgumentException"/> when the origin is empty or holds a newline or control
    /// character, the root is not 32 bytes, or an extension line is empty or holds one.
    /// </summary>
    public Checkpoint(string origin, ulong treeSize, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!IsLine(origin))
        {
            throw new ArgumentException("A checkpoint origin must be a non-empty line without control characters.", nameof(origin));
        }

        if (rootHash.Length != MerkleTree.HashSize)
        {
            throw new ArgumentException($"A checkpoint root hash must be {MerkleTree.HashSize} bytes.", nameof(rootHash));
        }

        var lines = extensions?.ToArray() ?? [];
        if (!lines.All(l => l is not null && IsLine(l)))
        {
            throw new ArgumentException("Checkpoint extension lines must be non-empty lines without control characters.", nameof(extensions));
        }

        Origin = origin;
        TreeSize = treeSize;
        _rootHash = rootHash.ToArray();
        Extensions = lines;
    }

    /// <summary>The log's identity, the first line.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public ulong TreeSize { get; }

    /// <summary>A copy of the 32-byte RFC 6962 root hash at <see cref="TreeSize"/>.</summary>
    public byte[] RootHash => (byte[])_rootHash.Clone();

    /// <summary>The opaque extension lines after the root hash, usually none.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Reads a checkpoint note text (the signed text, not the whole note); <see cref="FormatException"/> naming the rule
    /// broken: it must end in a newline, have at least three lines, no empty line, a tree size in decimal without
    /// leading zeros that fits 64 bits, and a root hash in canonical base64 of 32 bytes.
    /// </summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NoteText.CharacterProblem(text) is { } problem)
        {
            throw new FormatException($"Not a checkpoint: {problem}.");
        }

        if (!text.EndsWith('\n'))
        {
            throw new FormatException("Not a checkpoint: the text does not end in a newline.");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new FormatException("Not a checkpoint: it needs an origin, a tree size and a root hash line.");
        }

        if (lines.Any(l => l.Length == 0))
        {
            throw new FormatException("Not a checkpoint: it holds an empty line.");
        }

        var size = lines[1];
        if (!size.All(char.IsAsciiDigit) || (size.Length > 1 && size[0] == '0')
            || !ulong.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var treeSize))
        {
            throw new FormatException("Not a checkpoint: the tree size must be a decimal number without leading zeros that fits 64 bits.");
        }

        var root = Base64.Decode(lines[2]);
        if (root is null || root.Length != MerkleTree.HashSize)
        {
            throw new FormatException($"Not a checkpoint: the root hash must be canonical base64 of {MerkleTree.HashSize} bytes.");
        }

        return new Checkpoint(lines[0], treeSize, root, lines[3..]);
    }

    /// <summary>The note text: origin, size, base64 root and extension lines, each ending in newline (the text to sign).</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(_rootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static bool IsLine(string line) => line.Length > 0 && NoteText.CharacterProblem(line) is null && !line.Contains('\n', StringComparison.Ordinal);
}
