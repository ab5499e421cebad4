using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

/// <summary>
/// For every tree of 1..64 leaves and every index or earlier size: the generated proof verifies, and any single
/// changed byte (of the proof, the root or the leaf), a wrong index or first size, or an impossible size makes it fail.
/// </summary>
public sealed class MerkleTreePropertyTests
{
    private const int MaxLeaves = 64;

    private static readonly MerkleTree Tree = BuildTree(MaxLeaves);

    [Fact]
    public void EveryInclusionProof_Verifies_AndNoChangedByteWrongIndexOrImpossibleSizeDoes()
    {
        for (var n = 1UL; n <= MaxLeaves; n++)
        {
            var root = Tree.RootHash(n);
            for (var m = 0UL; m < n; m++)
            {
                var leaf = Tree.LeafHash(m);
                var proof = Tree.InclusionProof(m, n);

                Assert.True(MerkleTree.VerifyInclusion(leaf, m, n, proof, root), $"PATH({m}, D[{n}]) must verify");

                foreach (var changed in EveryByteFlipped(proof))
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaf, m, n, changed, root), $"a changed proof of PATH({m}, D[{n}]) verified");
                }

                foreach (var changedRoot in EveryByteFlipped(root))
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaf, m, n, proof, changedRoot), $"PATH({m}, D[{n}]) verified against a changed root");
                }

                foreach (var changedLeaf in EveryByteFlipped(leaf))
                {
                    Assert.False(MerkleTree.VerifyInclusion(changedLeaf, m, n, proof, root), $"PATH({m}, D[{n}]) verified a changed leaf");
                }

                foreach (var index in WrongIndices(m, n))
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaf, index, n, proof, root), $"PATH({m}, D[{n}]) verified as index {index}");
                }

                foreach (var size in ImpossibleSizes(m))
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaf, m, size, proof, root), $"PATH({m}, D[{n}]) verified as size {size}");
                }

                if (proof.Count > 0)
                {
                    Assert.False(MerkleTree.VerifyInclusion(leaf, m, n, proof.Take(proof.Count - 1).ToList(), root), $"PATH({m}, D[{n}]) verified without its last node");
                }

                Assert.False(MerkleTree.VerifyInclusion(leaf, m, n, [.. proof, root], root), $"PATH({m}, D[{n}]) verified with a node added");
            }
        }
    }

    [Fact]
    public void EveryConsistencyProof_Verifies_AndNoChangedByteWrongFirstSizeOrImpossibleSizeDoes()
    {
        for (var n = 1UL; n <= MaxLeaves; n++)
        {
            var root2 = Tree.RootHash(n);
            for (var m = 1UL; m <= n; m++)
            {
                var root1 = Tree.RootHash(m);
                var proof = Tree.ConsistencyProof(m, n);

                Assert.True(MerkleTree.VerifyConsistency(m, n, proof, root1, root2), $"PROOF({m}, D[{n}]) must verify");

                foreach (var changed in EveryByteFlipped(proof))
                {
                    Assert.False(MerkleTree.VerifyConsistency(m, n, changed, root1, root2), $"a changed PROOF({m}, D[{n}]) verified");
                }

                foreach (var changedRoot in EveryByteFlipped(root1))
                {
                    Assert.False(MerkleTree.VerifyConsistency(m, n, proof, changedRoot, root2), $"PROOF({m}, D[{n}]) verified a changed first root");
                }

                foreach (var changedRoot in EveryByteFlipped(root2))
                {
                    Assert.False(MerkleTree.VerifyConsistency(m, n, proof, root1, changedRoot), $"PROOF({m}, D[{n}]) verified a changed second root");
                }

                foreach (var size1 in WrongIndices(m, n + 1).Where(s => s != 0))
                {
                    Assert.False(MerkleTree.VerifyConsistency(size1, n, proof, root1, root2), $"PROOF({m}, D[{n}]) verified as from size {size1}");
                }

                foreach (var size2 in ImpossibleSizes(m - 1))
                {
                    Assert.False(MerkleTree.VerifyConsistency(m, size2, proof, root1, root2), $"PROOF({m}, D[{n}]) verified as to size {size2}");
                }
            }
        }
    }

    [Fact]
    public void Verifiers_NullArguments_Throw_ButMalformedProofsAreFalse()
    {
        var tree = BuildTree(5);
        var leaf = tree.LeafHash(2);
        var root = tree.RootHash();
        var proof = tree.InclusionProof(2, 5);

        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyInclusion(null!, 2, 5, proof, root));
        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyInclusion(leaf, 2, 5, null!, root));
        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyInclusion(leaf, 2, 5, proof, null!));
        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyConsistency(2, 5, null!, root, root));
        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyConsistency(2, 5, [], null!, root));
        Assert.Throws<ArgumentNullException>(() => MerkleTree.VerifyConsistency(2, 5, [], root, null!));

        Assert.False(MerkleTree.VerifyInclusion(leaf, 2, 5, [proof[0], null!, proof[2]], root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 2, 5, [proof[0], proof[1][..31], proof[2]], root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 2, ulong.MaxValue, proof, root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, ulong.MaxValue, ulong.MaxValue, proof, root));
        Assert.False(MerkleTree.VerifyConsistency(2, 5, [null!], tree.RootHash(2), root));
        Assert.False(MerkleTree.VerifyConsistency(2, ulong.MaxValue, tree.ConsistencyProof(2, 5), tree.RootHash(2), root));
        Assert.False(MerkleTree.VerifyConsistency(0, 5, [], MerkleTree.EmptyRoot(), root));
    }

    [Fact]
    public void Proofs_OutsideTheTree_AreArgumentErrors()
    {
        var tree = BuildTree(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(3, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(5));
        Assert.Empty(tree.ConsistencyProof(5, 5));
    }

    [Fact]
    public void Append_ReturnsTheIndex_AndAnEarlierRootNeverChanges()
    {
        var tree = new MerkleTree();
        var first = tree.Append("a"u8);
        var rootAtOne = tree.RootHash();
        var second = tree.Append("b"u8);

        Assert.Equal(0UL, first);
        Assert.Equal(1UL, second);
        Assert.Equal(rootAtOne, tree.RootHash(1));
        Assert.NotEqual(rootAtOne, tree.RootHash());
        Assert.Equal(MerkleTree.HashLeaf("a"u8), rootAtOne);
    }

    private static MerkleTree BuildTree(int leaves)
    {
        var tree = new MerkleTree();
        for (var i = 0; i < leaves; i++)
        {
            tree.Append(BitConverter.GetBytes(i));
        }

        return tree;
    }

    private static IEnumerable<byte[]> EveryByteFlipped(byte[] hash)
    {
        for (var i = 0; i < hash.Length; i++)
        {
            var copy = (byte[])hash.Clone();
            copy[i] ^= 0x01;
            yield return copy;
        }
    }

    private static IEnumerable<List<byte[]>> EveryByteFlipped(IReadOnlyList<byte[]> proof)
    {
        for (var node = 0; node < proof.Count; node++)
        {
            foreach (var changed in EveryByteFlipped(proof[node]))
            {
                var copy = proof.ToList();
                copy[node] = changed;
                yield return copy;
            }
        }
    }

    // Every other index of the same tree, and a few beyond it: the proof's left/right turns bind the index.
    private static IEnumerable<ulong> WrongIndices(ulong index, ulong size) =>
        Enumerable.Range(0, (int)size + 2).Select(i => (ulong)i).Append(ulong.MaxValue).Where(i => i != index);

    // Sizes no proof for this index can hold. RFC 6962 roots do not commit to the tree size, so a neighbouring size
    // whose tree has the same shape along the path (PATH(0, D[3]) read as size 4) verifies too: the signed
    // checkpoint is what binds size and root together.
    private static IEnumerable<ulong> ImpossibleSizes(ulong index) =>
        [0, index, ulong.MaxValue];
}
