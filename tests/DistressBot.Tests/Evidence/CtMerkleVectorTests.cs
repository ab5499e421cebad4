using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

/// <summary>
/// The known-answer paths and proofs of google/certificate-transparency, <c>cpp/merkletree/merkle_tree_test.cc</c>
/// (kSHA256Paths with its 1-based leaf turned 0-based, kSHA256Proofs), over the same eight reference leaves; copied as data.
/// </summary>
public sealed class CtMerkleVectorTests
{
    public static TheoryData<ulong, ulong, string[]> Paths => new()
    {
        { 0, 1, [] },
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    public static TheoryData<ulong, ulong, string[]> Proofs => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void InclusionProof_IsTheKnownAnswer_AndVerifies(ulong index, ulong size, string[] path)
    {
        var tree = ReferenceTree();

        Assert.Equal(path, tree.InclusionProof(index, size).Select(Convert.ToHexStringLower));
        Assert.True(MerkleTree.VerifyInclusion(tree.LeafHash(index), index, size, path.Select(Convert.FromHexString).ToList(), tree.RootHash(size)));
        Assert.False(MerkleTree.VerifyInclusion(tree.LeafHash(index), index, size, path.Select(Convert.FromHexString).ToList(), MerkleTree.EmptyRoot()));
    }

    [Theory]
    [MemberData(nameof(Proofs))]
    public void ConsistencyProof_IsTheKnownAnswer_AndVerifies(ulong size1, ulong size2, string[] proof)
    {
        var tree = ReferenceTree();

        Assert.Equal(proof, tree.ConsistencyProof(size1, size2).Select(Convert.ToHexStringLower));
        Assert.True(MerkleTree.VerifyConsistency(size1, size2, proof.Select(Convert.FromHexString).ToList(), tree.RootHash(size1), tree.RootHash(size2)));
        var swapped = MerkleTree.VerifyConsistency(size1, size2, proof.Select(Convert.FromHexString).ToList(), tree.RootHash(size2), tree.RootHash(size1));
        Assert.Equal(size1 == size2, swapped); // swapped roots verify only when they are the same root
    }

    private static MerkleTree ReferenceTree()
    {
        var tree = new MerkleTree();
        foreach (var input in MerkleVectors.LeafInputs)
        {
            tree.Append(Convert.FromHexString(input));
        }

        return tree;
    }
}
