namespace DistressBot.Evidence.Verification;

/// <summary>
/// The RFC 6962 root of every prefix of a list of leaves, each in O(log n) hashes after O(n) once: every perfect
/// subtree's hash is kept, level by level, and the root of the first <c>size</c> leaves folds the perfect subtrees that
/// <c>size</c>'s binary digits name, right to left (which is MTH's split at the largest power of two below the size).
/// </summary>
/// <remarks>So a bundle with thousands of earlier checkpoints costs thousands of short folds, not thousands of whole trees.</remarks>
internal sealed class PrefixRoots
{
    // _levels[k][i] = the hash of the perfect subtree of 2^k leaves that starts at leaf i · 2^k.
    private readonly List<byte[][]> _levels = [];

    /// <summary>Over the leaf hashes (SHA-256(0x00 ‖ leaf), as <see cref="MerkleTree.HashLeaf"/> gives them), in order.</summary>
    public PrefixRoots(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var level = leafHashes.ToArray();
        _levels.Add(level);
        while (level.Length > 1)
        {
            var up = new byte[level.Length / 2][];
            for (var i = 0; i < up.Length; i++)
            {
                up[i] = MerkleTree.HashChildren(level[2 * i], level[(2 * i) + 1]);
            }

            _levels.Add(up);
            level = up;
        }
    }

    /// <summary>The number of leaves.</summary>
    public long Count => _levels[0].Length;

    /// <summary>MTH of the first <paramref name="size"/> leaves (the empty tree's hash for 0); out of range beyond <see cref="Count"/>.</summary>
    public byte[] RootAt(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Count);
        if (size == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        var parts = new List<byte[]>();
        var start = 0L;
        for (var k = _levels.Count - 1; k >= 0; k--)
        {
            if (((size >> k) & 1) == 1)
            {
                parts.Add(_levels[k][start >> k]);
                start += 1L << k;
            }
        }

        var root = parts[^1];
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.HashChildren(parts[i], root);
        }

        return root;
    }
}
