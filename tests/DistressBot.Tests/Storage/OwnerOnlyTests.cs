using System.Runtime.Versioning;
using DistressBot.Storage;

namespace DistressBot.Tests.Storage;

[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class OwnerOnlyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-owner-").FullName;

    [Fact]
    public void CreateFolder_WithMissingParents_CreatesEachLevel0700AndLeavesExistingOnesAlone()
    {
        File.SetUnixFileMode(_root, (UnixFileMode)Convert.ToInt32("755", 8));
        var leaf = Path.Combine(_root, "a", "b", "c");

        OwnerOnly.CreateFolder(leaf);

        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(Path.Combine(_root, "a")));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(Path.Combine(_root, "a", "b")));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(leaf));
        Assert.Equal("0755", OwnerOnly.Octal(File.GetUnixFileMode(_root)));
    }

    [Theory]
    [InlineData("700", null)]
    [InlineData("500", null)]
    [InlineData("755", "0755")]
    [InlineData("750", "0750")]
    [InlineData("701", "0701")]
    [InlineData("720", "0720")]
    [InlineData("777", "0777")]
    public void LooseFolderProblem_AnyGroupOrOtherBit_NamesTheModeAndTheChmod(string mode, string? shown)
    {
        File.SetUnixFileMode(_root, (UnixFileMode)Convert.ToInt32(mode, 8));

        var problem = OwnerOnly.LooseFolderProblem(_root, "The data directory");

        File.SetUnixFileMode(_root, OwnerOnly.FolderMode);
        if (shown is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Equal($"The data directory {_root} is open to group or others (mode {shown}); it holds the bot's secrets, so it must be owner-only: run 'chmod 700 {_root}' and start again.", problem);
        }
    }

    [Fact]
    public void LooseFolderProblem_MissingFolder_IsNone() =>
        Assert.Null(OwnerOnly.LooseFolderProblem(Path.Combine(_root, "missing"), "The data directory"));

    [Fact]
    public void Tighten_OpenFolder_Becomes0700AndKeepsItsContent()
    {
        var folder = Path.Combine(_root, "open");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kept"), "x");
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("777", 8));

        OwnerOnly.Tighten(folder);

        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(folder));
        Assert.Equal("x", File.ReadAllText(Path.Combine(folder, "kept")));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        File.SetUnixFileMode(_root, OwnerOnly.FolderMode);
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("/tmp")]
    [InlineData("/var/tmp")]
    public void LooseFolderProblem_OfASystemFolder_NeverAdvisesClosingIt(string folder)
    {
        var problem = OwnerOnly.LooseFolderProblem(folder, "The keyring's folder");

        Assert.NotNull(problem);
        Assert.Contains("is a shared folder", problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, "distressbot"), problem, StringComparison.Ordinal);
        Assert.DoesNotContain("chmod", problem, StringComparison.Ordinal);
    }
}
