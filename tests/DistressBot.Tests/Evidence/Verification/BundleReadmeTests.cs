using System.Diagnostics;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>README.txt's by-hand recipe is run with bash, coreutils and /usr/bin/openssl on a real bundle, so it cannot be wrong.</summary>
public sealed class BundleReadmeTests
{
    [Fact]
    public void Text_ForARussianReader_IsRussianThenEnglish_WithTheSameCommands()
    {
        var text = BundleReadme.Text("C-0042", "distressbot-1a2b3c4d", Language.Ru);

        var parts = text.Split(BundleReadme.EnglishHeading);
        Assert.Equal(2, parts.Length);
        Assert.Contains("Пакет доказательств по делу C-0042", parts[0], StringComparison.Ordinal);
        Assert.Contains("Evidence bundle for case C-0042", parts[1], StringComparison.Ordinal);
        Assert.Contains("distressbot-1a2b3c4d/C-0042", parts[1], StringComparison.Ordinal);
        Assert.Contains("distressbot verify", parts[1], StringComparison.Ordinal);
        Assert.Equal(Commands(parts[1]), Commands(parts[0]));
        Assert.NotEmpty(Commands(parts[1]));
    }

    [Fact]
    public void Text_ForAnEnglishReader_IsEnglishOnly()
    {
        var text = BundleReadme.Text("C-0042", "distressbot-1a2b3c4d", Language.En);

        Assert.StartsWith(BundleReadme.EnglishHeading, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCyrillic}", text);
    }

    [Fact]
    public void Text_AKeyNameAShellWouldRead_IsRefused() =>
        Assert.Throws<ArgumentException>(() => BundleReadme.Text("C-0042", "x';rm -rf ~;'", Language.En));

    [Fact]
    public async Task ByHandRecipe_OnAGoodBundle_GivesTheLeafHash_TheSignedRoots_AndAVerifiedSignature()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var root = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes()).RootHash());

        var output = await RunRecipeAsync(bundle);

        Assert.Contains(Convert.ToHexStringLower(MerkleTree.HashLeaf(bundle.EntryBytes()[0])) + "  -", output, StringComparison.Ordinal);
        Assert.Contains("root computed: " + root + "\n", output, StringComparison.Ordinal);
        Assert.Contains("root signed:   " + root + "\n", output, StringComparison.Ordinal);
        foreach (var (folder, size) in new[] { ("000000", 2), ("000001", 5) })
        {
            var earlier = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes().Take(size)).RootHash());
            Assert.Contains($"checkpoints/{folder}/checkpoint: computed {earlier}, signed {earlier}\n", output, StringComparison.Ordinal);
        }

        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByHandRecipe_OnARedactedBundle_TakesTheRedactedLinesHashes_AndGivesTheSameSignedRoots()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        bundle.Redact(0, 3, 6);
        var root = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes()).RootHash());

        var output = await RunRecipeAsync(bundle);

        Assert.Contains("root computed: " + root + "\n", output, StringComparison.Ordinal);
        Assert.Contains("root signed:   " + root + "\n", output, StringComparison.Ordinal);
        foreach (var (folder, size) in new[] { ("000000", 2), ("000001", 5) })
        {
            var earlier = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes().Take(size)).RootHash());
            Assert.Contains($"checkpoints/{folder}/checkpoint: computed {earlier}, signed {earlier}\n", output, StringComparison.Ordinal);
        }

        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByHandRecipe_OnAChangedEntryAndCheckpoint_ShowsTheRootsDifferAndTheSignatureFails()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var lines = bundle.LogLines();
        lines[1] = (bundle.Entries[1] with { Text = "другие слова" }).ToString();
        bundle.WriteLog(lines);
        var note = File.ReadAllText(bundle.PathOf("checkpoint"));
        File.WriteAllText(bundle.PathOf("checkpoint"), note.Replace("\n7\n", "\n8\n", StringComparison.Ordinal));
        var signed = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes()).RootHash());

        var output = await RunRecipeAsync(bundle);

        Assert.Contains("root signed:   " + signed + "\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("root computed: " + signed + "\n", output, StringComparison.Ordinal);
        var earlier = Convert.ToBase64String(BundleFixture.Tree(bundle.EntryBytes().Take(5)).RootHash());
        Assert.Contains("signed " + earlier, output, StringComparison.Ordinal);
        Assert.DoesNotContain("computed " + earlier, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature Verified Successfully", output, StringComparison.Ordinal);
        Assert.Contains("Signature Verification Failure", output, StringComparison.Ordinal);
    }

    private static List<string> Commands(string part) =>
        [.. part.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..])];

    // Writes README.txt into the bundle as the exporter will, then runs its English commands there, in order, as one bash script.
    private static async Task<string> RunRecipeAsync(BundleFixture bundle)
    {
        Assert.True(File.Exists("/usr/bin/openssl"), "README.txt's recipe needs /usr/bin/openssl (CI has it): install openssl.");
        var readme = BundleReadme.Text(BundleFixture.CaseId, bundle.Signer.KeyName, Language.Ru);
        File.WriteAllText(bundle.PathOf(BundleLayout.Readme), readme);
        var english = File.ReadAllText(bundle.PathOf(BundleLayout.Readme)).Split(BundleReadme.EnglishHeading)[1];
        var script = Path.Combine(Path.GetTempPath(), $"distressbot-readme-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, string.Join('\n', Commands(english)) + "\n");
        try
        {
            var start = new ProcessStartInfo("bash", [script])
            {
                WorkingDirectory = bundle.Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PATH"] = "/usr/bin:/bin";
            using var bash = Process.Start(start)!;
            var output = bash.StandardOutput.ReadToEndAsync();
            var error = bash.StandardError.ReadToEndAsync();
            await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return await output + await error;
        }
        finally
        {
            File.Delete(script);
        }
    }
}
