using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

/// <summary>The tree, its proofs and both verifiers against the published RFC 6962 vectors (see <see cref="MerkleVectors"/>).</summary>
public sealed class MerkleTreeVectorTests
{
    public static TheoryData<string, ulong, ulong, string, string[], string, bool> InclusionVectors => MerkleVectors.Inclusion;

    public static TheoryData<string, ulong, ulong, string[], string, string, bool> ConsistencyVectors => MerkleVectors.Consistency;

    [Fact]
    public void RootHash_OfEachPrefixOfTheReferenceLeaves_IsThePublishedRoot()
    {
        var tree = ReferenceTree();

        for (var n = 0; n <= 8; n++)
        {
            Assert.Equal(MerkleVectors.RootHashes[n], Convert.ToHexStringLower(tree.RootHash((ulong)n)));
        }

        Assert.Equal(MerkleVectors.RootHashes[8], Convert.ToHexStringLower(tree.RootHash()));
    }

    [Fact]
    public void EmptyTree_HashesToSha256OfTheEmptyString()
    {
        var tree = new MerkleTree();

        Assert.Equal(0UL, tree.Size);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(tree.RootHash()));
        Assert.Equal(tree.RootHash(), MerkleTree.EmptyRoot());
    }

    [Fact]
    public void HashLeaf_AndHashChildren_PrefixTheirDomainByte()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Convert.ToHexStringLower(MerkleTree.HashLeaf([])));
        var left = MerkleTree.HashLeaf([]);
        var right = MerkleTree.HashLeaf([0x00]);

        Assert.Equal(MerkleVectors.RootHashes[2], Convert.ToHexStringLower(MerkleTree.HashChildren(left, right)));
        Assert.NotEqual(MerkleTree.HashChildren(left, right), MerkleTree.HashChildren(right, left));
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void VerifyInclusion_PublishedVector_GivesThePublishedVerdict(string file, ulong index, ulong size, string leafHash, string[] proof, string root, bool verifies)
    {
        var result = MerkleTree.VerifyInclusion(B64(leafHash), index, size, proof.Select(B64).ToList(), B64(root));

        Assert.True(result == verifies, $"{file}: expected {(verifies ? "verified" : "rejected")}");
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void VerifyConsistency_PublishedVector_GivesThePublishedVerdict(string file, ulong size1, ulong size2, string[] proof, string root1, string root2, bool verifies)
    {
        var result = MerkleTree.VerifyConsistency(size1, size2, proof.Select(B64).ToList(), B64(root1), B64(root2));

        Assert.True(result == verifies, $"{file}: expected {(verifies ? "verified" : "rejected")}");
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void InclusionProof_OfTheReferenceTree_IsThePublishedHappyPath(string file, ulong index, ulong size, string leafHash, string[] proof, string root, bool verifies)
    {
        // Only the happy paths are proofs over the reference tree; the other rows are tampered copies.
        if (!verifies || !file.EndsWith("happy-path.json", StringComparison.Ordinal))
        {
            return;
        }

        var tree = ReferenceTree();

        Assert.Equal(leafHash, Convert.ToBase64String(tree.LeafHash(index)));
        Assert.Equal(proof, tree.InclusionProof(index, size).Select(Convert.ToBase64String));
        Assert.Equal(root, Convert.ToBase64String(tree.RootHash(size)));
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void ConsistencyProof_OfTheReferenceTree_IsThePublishedHappyPath(string file, ulong size1, ulong size2, string[] proof, string root1, string root2, bool verifies)
    {
        if (!verifies || !file.EndsWith("happy-path.json", StringComparison.Ordinal))
        {
            return;
        }

        var tree = ReferenceTree();

        Assert.Equal(proof, tree.ConsistencyProof(size1, size2).Select(Convert.ToBase64String));
        Assert.Equal(root1, Convert.ToBase64String(tree.RootHash(size1)));
        Assert.Equal(root2, Convert.ToBase64String(tree.RootHash(size2)));
    }

    [Fact]
    public void HappyPathVectors_ArePresent_SoTheProofComparisonsRun()
    {
        Assert.Equal(5, MerkleVectors.Inclusion.Count(row => (string)row[0] is var f && f.EndsWith("happy-path.json", StringComparison.Ordinal)));
        Assert.Equal(5, MerkleVectors.Consistency.Count(row => (string)row[0] is var f && f.EndsWith("happy-path.json", StringComparison.Ordinal)));
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

    private static byte[] B64(string text) => Convert.FromBase64String(text);
}
