using DistressBot.Evidence;
using DistressBot.Evidence.Verification;

namespace DistressBot.Tests.Evidence.Verification;

public sealed class PrefixRootsTests
{
    [Fact]
    public void RootAt_EverySize_IsMerkleTreesRoot()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < 70; i++)
        {
            tree.Append([(byte)i, (byte)(i * 3)]);
        }

        var roots = new PrefixRoots([.. Enumerable.Range(0, 70).Select(i => tree.LeafHash((ulong)i))]);

        for (var size = 0; size <= 70; size++)
        {
            Assert.Equal(tree.RootHash((ulong)size), roots.RootAt(size));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => roots.RootAt(71));
    }

    [Fact]
    public void RootAt_Rfc6962TestVector_HasThePublishedRoot()
    {
        byte[][] leaves = [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], Convert.FromHexString("606162636465666768696a6b6c6d6e6f")];

        var roots = new PrefixRoots([.. leaves.Select(l => MerkleTree.HashLeaf(l))]);

        Assert.Equal("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", Convert.ToHexStringLower(roots.RootAt(8)));
    }
}
