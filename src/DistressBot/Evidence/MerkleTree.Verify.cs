using System.Security.Cryptography;

namespace DistressBot.Evidence;

/// <summary>The proof verifiers of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), for RFC 6962 trees.</summary>
public sealed partial class MerkleTree
{
    /// <summary>
    /// True only when <paramref name="proof"/> proves the leaf with hash <paramref name="leafHash"/> sits at 0-based
    /// <paramref name="index"/> in the tree of <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    /// <remarks>
    /// RFC 9162 §2.1.3.2, step by step. Fails closed: index ≥ size, a hash that is not 32 bytes, a null proof element, a
    /// proof too long or too short, or a mismatch all give false; only a null argument throws.
    /// </remarks>
    public static bool VerifyInclusion(byte[] leafHash, ulong index, ulong treeSize, IReadOnlyList<byte[]> proof, byte[] root)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(root);
        if (index >= treeSize || leafHash.Length != HashSize || root.Length != HashSize || !AllHashes(proof))
        {
            return false;
        }

        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = HashChildren(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = HashChildren(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>
    /// True only when <paramref name="proof"/> proves the tree of <paramref name="size1"/> leaves with root
    /// <paramref name="root1"/> is a prefix of the tree of <paramref name="size2"/> leaves with root <paramref name="root2"/>.
    /// </summary>
    /// <remarks>
    /// RFC 9162 §2.1.4.2, step by step, plus the cases the algorithm leaves to the caller: equal sizes need an empty
    /// proof and equal roots; size1 = 0 or size1 &gt; size2 fail (a proof from the empty tree proves nothing). Fails
    /// closed like <see cref="VerifyInclusion"/>: any malformed input gives false; only a null argument throws.
    /// </remarks>
    public static bool VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, byte[] root1, byte[] root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(root1);
        ArgumentNullException.ThrowIfNull(root2);
        if (size1 == 0 || size1 > size2 || root1.Length != HashSize || root2.Length != HashSize || !AllHashes(proof))
        {
            return false;
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(root1, root2);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        // Step 2: when size1 is a power of two, its root is the first node of the path.
        var path = ulong.IsPow2(size1) ? [root1, .. proof] : proof.ToList();
        var fn = size1 - 1;
        var sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = HashChildren(c, fr);
                sr = HashChildren(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = HashChildren(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0
            && CryptographicOperations.FixedTimeEquals(fr, root1)
            && CryptographicOperations.FixedTimeEquals(sr, root2);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (var node in proof)
        {
            if (node is null || node.Length != HashSize)
            {
                return false;
            }
        }

        return true;
    }
}
