using System.Security.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// An append-only RFC 6962 Merkle hash tree over SHA-256 (RFC 6962 §2.1), held in memory as its list of leaf hashes:
/// the tree hash MTH, the inclusion proof PATH(m, D[n]) and the consistency proof PROOF(m, D[n]) of any earlier size.
/// </summary>
/// <remarks>
/// Leaf hash = SHA-256(0x00 ‖ leaf bytes), node hash = SHA-256(0x01 ‖ left ‖ right); the empty tree hashes to SHA-256 of the
/// empty string. Proofs are computed from the recursive definitions of RFC 6962 §2.1.1 and §2.1.2, O(n) hashes each.
/// Sizes and indices are unsigned 64-bit like RFC 9162's; the verifiers are in <c>MerkleTree.Verify.cs</c>.
/// </remarks>
public sealed partial class MerkleTree
{
    /// <summary>Bytes in every hash of the tree (SHA-256): 32.</summary>
    public const int HashSize = 32;

    private readonly List<byte[]> _leafHashes = [];

    /// <summary>The number of leaves appended so far.</summary>
    public ulong Size => (ulong)_leafHashes.Count;

    /// <summary>The RFC 6962 leaf hash of <paramref name="leaf"/>: SHA-256(0x00 ‖ leaf), 32 bytes.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(leaf);
        return hash.GetHashAndReset();
    }

    /// <summary>The RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right), 32 bytes.</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x01]);
        hash.AppendData(left);
        hash.AppendData(right);
        return hash.GetHashAndReset();
    }

    /// <summary>The hash of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1), 32 bytes.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Appends one leaf (its bytes are hashed with <see cref="HashLeaf"/>) and returns its 0-based index.</summary>
    public ulong Append(ReadOnlySpan<byte> leaf)
    {
        _leafHashes.Add(HashLeaf(leaf));
        return Size - 1;
    }

    /// <summary>
    /// Appends one leaf by its leaf hash, already SHA-256(0x00 ‖ leaf) (a redacted line gives it instead of the leaf's bytes),
    /// and returns its 0-based index; <see cref="ArgumentException"/> unless it is 32 bytes.
    /// </summary>
    public ulong AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != HashSize)
        {
            throw new ArgumentException($"A leaf hash is {HashSize} bytes, not {leafHash.Length}.", nameof(leafHash));
        }

        _leafHashes.Add(leafHash.ToArray());
        return Size - 1;
    }

    /// <summary>The leaf hash at a 0-based index; <see cref="ArgumentOutOfRangeException"/> when index ≥ <see cref="Size"/>.</summary>
    public byte[] LeafHash(ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return (byte[])_leafHashes[(int)index].Clone();
    }

    /// <summary>MTH of the whole tree, 32 bytes.</summary>
    public byte[] RootHash() => RootHash(Size);

    /// <summary>MTH(D[0:treeSize]), the root the tree had at an earlier size, 32 bytes; out of range when treeSize &gt; <see cref="Size"/>.</summary>
    public byte[] RootHash(ulong treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        return Mth(0, (int)treeSize);
    }

    /// <summary>
    /// PATH(index, D[treeSize]) of RFC 6962 §2.1.1: the sibling hashes from the leaf up to the root, leaf side first.
    /// Out of range unless index &lt; treeSize ≤ <see cref="Size"/>.
    /// </summary>
    public IReadOnlyList<byte[]> InclusionProof(ulong index, ulong treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, treeSize);
        var proof = new List<byte[]>();
        Path((int)index, 0, (int)treeSize, proof);
        return proof;
    }

    /// <summary>
    /// PROOF(size1, D[size2]) of RFC 6962 §2.1.2: proves the tree of size1 is a prefix of the tree of size2 (empty when
    /// the sizes are equal). Out of range unless 0 &lt; size1 ≤ size2 ≤ <see cref="Size"/>.
    /// </summary>
    public IReadOnlyList<byte[]> ConsistencyProof(ulong size1, ulong size2)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size2, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size1, size2);
        ArgumentOutOfRangeException.ThrowIfZero(size1);
        var proof = new List<byte[]>();
        SubProof((int)size1, 0, (int)size2, true, proof);
        return proof;
    }

    // MTH(D[start:start+count]).
    private byte[] Mth(int start, int count)
    {
        if (count == 0)
        {
            return EmptyRoot();
        }

        if (count == 1)
        {
            return (byte[])_leafHashes[start].Clone();
        }

        var k = LargestPowerOfTwoBelow(count);
        return HashChildren(Mth(start, k), Mth(start + k, count - k));
    }

    // PATH(m, D[start:start+count]), appended leaf side first.
    private void Path(int m, int start, int count, List<byte[]> proof)
    {
        if (count == 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(count);
        if (m < k)
        {
            Path(m, start, k, proof);
            proof.Add(Mth(start + k, count - k));
        }
        else
        {
            Path(m - k, start + k, count - k, proof);
            proof.Add(Mth(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+count], b).
    private void SubProof(int m, int start, int count, bool wholeSubtree, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!wholeSubtree)
            {
                proof.Add(Mth(start, count));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(count);
        if (m <= k)
        {
            SubProof(m, start, k, wholeSubtree, proof);
            proof.Add(Mth(start + k, count - k));
        }
        else
        {
            SubProof(m - k, start + k, count - k, false, proof);
            proof.Add(Mth(start, k));
        }
    }

    // The largest power of two strictly smaller than n (n ≥ 2), the split point k of RFC 6962 §2.1.
    private static int LargestPowerOfTwoBelow(int n) => 1 << (31 - int.LeadingZeroCount(n - 1));
}
