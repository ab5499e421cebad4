namespace DistressBot.Evidence;

/// <summary>
/// The right edge of an RFC 6962 tree: the roots of its perfect subtrees, largest first (one per set bit of the size),
/// enough to append a leaf and give the root in O(log n) without the leaves (the "compact range" of transparency-dev).
/// </summary>
public sealed class CompactRange
{
    private readonly List<byte[]> _peaks;

    /// <summary>An empty tree.</summary>
    public CompactRange()
        : this(0, [])
    {
    }

    private CompactRange(ulong size, List<byte[]> peaks)
    {
        Size = size;
        _peaks = peaks;
    }

    /// <summary>The number of leaves.</summary>
    public ulong Size { get; private set; }

    /// <summary>Copies of the peaks, largest subtree first (as stored by <see cref="Restore"/>).</summary>
    public IReadOnlyList<byte[]> Peaks => [.. _peaks.Select(p => (byte[])p.Clone())];

    /// <summary>A range of <paramref name="size"/> leaves from its stored <paramref name="peaks"/>.</summary>
    /// <exception cref="FormatException">The number of peaks is not the number of set bits of <paramref name="size"/>, or a peak is not 32 bytes.</exception>
    public static CompactRange Restore(ulong size, IReadOnlyList<byte[]> peaks)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        if (peaks.Count != System.Numerics.BitOperations.PopCount(size) || peaks.Any(p => p is not { Length: MerkleTree.HashSize }))
        {
            throw new FormatException($"A compact range of {size} leaves has {System.Numerics.BitOperations.PopCount(size)} peaks of {MerkleTree.HashSize} bytes.");
        }

        return new CompactRange(size, [.. peaks.Select(p => (byte[])p.Clone())]);
    }

    /// <summary>Appends a leaf (its input bytes, hashed as RFC 6962 §2.1 says).</summary>
    public void Append(ReadOnlySpan<byte> leaf)
    {
        var hash = MerkleTree.HashLeaf(leaf);

        // Each trailing set bit of the old size is a peak the new leaf completes into a larger one.
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            hash = MerkleTree.HashChildren(_peaks[^1], hash);
            _peaks.RemoveAt(_peaks.Count - 1);
        }

        _peaks.Add(hash);
        Size++;
    }

    /// <summary>The RFC 6962 root of the leaves appended so far (SHA-256 of nothing for none).</summary>
    public byte[] RootHash()
    {
        if (_peaks.Count == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        // The tree splits at the largest power of two below its size, so the peaks fold from the right.
        var root = _peaks[^1];
        for (var i = _peaks.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.HashChildren(_peaks[i], root);
        }

        return root;
    }
}
