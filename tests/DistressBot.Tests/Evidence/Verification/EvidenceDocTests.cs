using System.Globalization;
using System.Reflection;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>docs/evidence.md describes what the code does: every kind, and the reader's limits.</summary>
public sealed class EvidenceDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(DocPath()));

    [Fact]
    public void KindsTable_ListsEveryKindOfCaseLogKinds_AndNoOther()
    {
        var kinds = typeof(CaseLogKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);
        var section = Doc.Value[Doc.Value.IndexOf("### Kinds", StringComparison.Ordinal)..Doc.Value.IndexOf("### Content", StringComparison.Ordinal)];
        var documented = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('`')[1]).Order(StringComparer.Ordinal);

        Assert.Equal(kinds, documented);
    }

    [Fact]
    public void Limits_AreTheReadersAndVerifiers()
    {
        Assert.Contains("at most " + BundleReader.MaxFiles.ToString("N0", CultureInfo.InvariantCulture) + " files", Doc.Value, StringComparison.Ordinal);
        Assert.Contains($"at most {BundleReader.MaxCentralDirectoryBytes / 1024 / 1024} MiB", Doc.Value, StringComparison.Ordinal);
        Assert.Contains($"`log.jsonl` {BundleVerifier.MaxLogBytes / 1024 / 1024} MiB, a checkpoint note {BundleVerifier.MaxNoteBytes / 1024} KiB, `log.vkey` {BundleVerifier.MaxKeyBytes / 1024} KiB, a proof {BundleVerifier.MaxProofBytes / 1024} KiB, {BundleReader.MaxTotalBytes / 1024 / 1024} MiB in all", Doc.Value.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string DocPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var doc = Path.Combine(folder.FullName, "docs", "evidence.md");
            if (File.Exists(doc))
            {
                return doc;
            }
        }

        throw new FileNotFoundException("docs/evidence.md not found above " + AppContext.BaseDirectory);
    }
}
