using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

public sealed class CompactRangeTests
{
    [Fact]
    public void Root_equals_the_full_trees_root_at_every_size_and_survives_being_stored()
    {
        var tree = new MerkleTree();
        var range = new CompactRange();
        Assert.Equal(MerkleTree.EmptyRoot(), range.RootHash());
        for (var i = 0; i < 130; i++)
        {
            var leaf = BitConverter.GetBytes(i * 7919);
            tree.Append(leaf);
            range = CompactRange.Restore(range.Size, range.Peaks); // as the store reads it back each time
            range.Append(leaf);

            Assert.Equal(tree.RootHash(), range.RootHash());
            Assert.Equal(tree.Size, range.Size);
        }
    }

    [Fact]
    public void Restore_refuses_peaks_that_do_not_fit_the_size()
    {
        var peak = new byte[MerkleTree.HashSize];

        Assert.Throws<FormatException>(() => CompactRange.Restore(3, [peak]));
        Assert.Throws<FormatException>(() => CompactRange.Restore(2, [new byte[31]]));
    }
}
