using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence;

/// <summary>C2SP tlog-checkpoint v1.0.0 note texts: exact parsing and writing, and signing them as signed notes.</summary>
public sealed class CheckpointTests
{
    // The example of C2SP tlog-checkpoint.md (its note text), github.com/C2SP/C2SP, copied as data.
    private const string SpecText = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    private const string Root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    [Fact]
    public void Parse_SpecExample_ReadsOriginSizeAndRoot_AndWritesItBackExactly()
    {
        var checkpoint = Checkpoint.Parse(SpecText);

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163UL, checkpoint.TreeSize);
        Assert.Equal(Convert.FromBase64String(Root), checkpoint.RootHash);
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(SpecText, checkpoint.ToText());
    }

    [Fact]
    public void Parse_EmptyTreeAndExtensionLines_AreKept()
    {
        var text = $"log.example/a\n0\n{Convert.ToBase64String(MerkleTree.EmptyRoot())}\next one\next two\n";

        var checkpoint = Checkpoint.Parse(text);

        Assert.Equal(0UL, checkpoint.TreeSize);
        Assert.Equal(["ext one", "ext two"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.ToText());
    }

    [Fact]
    public void Parse_LargestTreeSize_Fits()
    {
        Assert.Equal(ulong.MaxValue, Checkpoint.Parse($"o\n18446744073709551615\n{Root}\n").TreeSize);
    }

    [Theory]
    [InlineData("o\n5\n" + Root, "newline")]
    [InlineData("o\n5\n", "needs an origin, a tree size and a root hash")]
    [InlineData("o\n5\n" + Root + "\n\n", "empty line")]
    [InlineData("o\n5\n" + Root + "\n\next\n", "empty line")]
    [InlineData("\n5\n" + Root + "\n", "empty line")]
    [InlineData("o\n05\n" + Root + "\n", "leading zeros")]
    [InlineData("o\n00\n" + Root + "\n", "leading zeros")]
    [InlineData("o\n+5\n" + Root + "\n", "tree size")]
    [InlineData("o\n-1\n" + Root + "\n", "tree size")]
    [InlineData("o\n 5\n" + Root + "\n", "tree size")]
    [InlineData("o\n٥\n" + Root + "\n", "tree size")]
    [InlineData("o\n18446744073709551616\n" + Root + "\n", "64 bits")]
    [InlineData("o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n", "32 bytes")]
    [InlineData("o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", "canonical base64")]
    [InlineData("o\n5\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", "base64")]
    [InlineData("o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", "base64")]
    [InlineData("o\r\n5\n" + Root + "\n", "control character")]
    public void Parse_BrokenRule_IsRefusedNamingIt(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => Checkpoint.Parse(text));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadParts_AreRefused()
    {
        var root = new byte[32];

        Assert.Throws<ArgumentException>(() => new Checkpoint("", 1, root));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a\nb", 1, root));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, new byte[31]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, root, [""]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 1, root, ["x\ny"]));
    }

    [Fact]
    public void SignedCheckpointOfATree_OpensAndReadsBackTheSameSizeAndRoot()
    {
        var tree = new MerkleTree();
        tree.Append("first entry"u8);
        tree.Append("second entry"u8);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("distressbot.example/C-0042", key);

        var note = signer.Sign(new Checkpoint("distressbot.example/C-0042", tree.Size, tree.RootHash()).ToText());

        Assert.True(NoteVerifier.Parse(signer.VerifierKey).TryOpen(note, out var text));
        var opened = Checkpoint.Parse(text!);
        Assert.Equal(2UL, opened.TreeSize);
        Assert.Equal(tree.RootHash(), opened.RootHash);
        Assert.False(NoteVerifier.Parse(signer.VerifierKey).TryOpen(note.Replace("\n2\n", "\n3\n", StringComparison.Ordinal), out _));
    }
}
