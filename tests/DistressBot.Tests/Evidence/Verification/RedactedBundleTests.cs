using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>
/// A bundle whose chosen entries are redacted lines (leaf hash, seq, kind) verifies against the same signed checkpoint
/// as the full one, says what it withholds, and a redacted line that was changed fails like a changed entry.
/// </summary>
public sealed class RedactedBundleTests
{
    [Fact]
    public void Verify_RedactedLines_PassAgainstTheSameCheckpoint_AndAreReportedAsAFact()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var checkpoint = File.ReadAllBytes(bundle.PathOf(BundleLayout.Checkpoint));

        bundle.Redact(0, 3, 6);
        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal(checkpoint, File.ReadAllBytes(bundle.PathOf(BundleLayout.Checkpoint)));
        Assert.Equal([0L, 3L, 6L], verdict.Facts!.Redacted.Select(r => r.Sequence));
        Assert.Equal(7, verdict.Facts.Entries);
        Assert.Equal(BundleFixture.CaseId, verdict.Facts.CaseId);
        Assert.Contains("3 entries redacted (kinds note)", verdict.Describe(Language.En), StringComparison.Ordinal);
        Assert.Contains("Скрыто записей: 3 (виды: note)", verdict.Describe(Language.Ru), StringComparison.Ordinal);
        Assert.DoesNotContain("Дверь", File.ReadAllText(bundle.PathOf(BundleLayout.Log)), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AFullBundle_ReportsNothingRedacted()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified);
        Assert.Empty(verdict.Facts!.Redacted);
        Assert.DoesNotContain("redacted", verdict.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ARedactedLineWhoseHashWasChanged_FailsNamingTheEntry_LikeAChangedEntry()
    {
        using var bundle = BundleFixture.Create(7, 3, 4);
        bundle.Redact(3);
        var lines = bundle.LogLines();
        var other = Convert.ToBase64String(MerkleTree.HashLeaf(Encoding.UTF8.GetBytes("another entry")));
        lines[3] = "{\"redacted\":\"" + other + "\",\"seq\":3,\"kind\":\"note\"}";
        bundle.WriteLog(lines);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.False(verdict.Verified);
        Assert.Equal(VerdictTextId.EntryChanged, verdict.Problem!.Id);
        Assert.Equal(3, verdict.Problem.Entry);
        Assert.Contains("Entry 3 (line 4 of log.jsonl) was changed", verdict.Describe(Language.En), StringComparison.Ordinal);
    }

    public static TheoryData<string, VerdictTextId> BadLines => new()
    {
        { "{\"redacted\":\"AAAA\",\"seq\":3,\"kind\":\"note\"}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\",\"seq\":3,\"kind\":\"note\",\"content\":\"x\"}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\", \"seq\":3,\"kind\":\"note\"}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\",\"seq\":03,\"kind\":\"note\"}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\",\"kind\":\"note\",\"seq\":3}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\",\"seq\":3,\"kind\":\"Note\"}", VerdictTextId.EntryMalformed },
        { "{\"redacted\":\"{hash}\",\"seq\":4,\"kind\":\"note\"}", VerdictTextId.EntryOutOfPlace },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Verify_ARedactedLineNotInItsOneForm_OrOutOfPlace_IsRefusedNamingTheLine(string line, VerdictTextId expected)
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var lines = bundle.LogLines();
        var hash = Convert.ToBase64String(MerkleTree.HashLeaf(Encoding.UTF8.GetBytes(lines[3])));
        lines[3] = line.Replace("{hash}", hash, StringComparison.Ordinal);
        bundle.WriteLog(lines);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.False(verdict.Verified);
        Assert.Equal(expected, verdict.Problem!.Id);
        Assert.Equal(3, verdict.Problem.Entry);
    }

    [Fact]
    public void Verify_ALogOfRedactedLinesAlone_IsRefused()
    {
        using var bundle = BundleFixture.Create(3, 2);
        bundle.Redact(0, 1, 2);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.Equal(VerdictTextId.LogAllRedacted, verdict.Problem!.Id);
    }

    [Fact]
    public void RedactedEntry_IsCanonical_AndReadsBackItsHashSeqAndKind()
    {
        var entry = BundleFixture.Entry(3);

        var line = RedactedEntry.Of(entry).ToBytes();
        var read = RedactedEntry.Parse(line);

        Assert.Equal("{\"redacted\":\"" + Convert.ToBase64String(MerkleTree.HashLeaf(entry.ToBytes())) + "\",\"seq\":3,\"kind\":\"note\"}", Encoding.ASCII.GetString(line));
        Assert.Equal(MerkleTree.HashLeaf(entry.ToBytes()), read.LeafHash);
        Assert.Equal((3L, "note"), (read.Sequence, read.Kind));
        Assert.True(RedactedEntry.IsRedactedLine(line));
        Assert.False(RedactedEntry.IsRedactedLine(entry.ToBytes()));
    }

    [Theory]
    [InlineData("locations", "locations", "location,alert_delivered")]
    [InlineData("NOTES, locations", "locations,notes", "location,note,resolved,fact,alert_delivered")]
    [InlineData("notes,notes", "notes", "note,resolved,fact")]
    public void Redaction_TryParse_KnownWords_CoverTheirKinds(string text, string chosen, string kinds)
    {
        Assert.True(Redaction.TryParse(text, out var redaction, out _));

        Assert.Equal(chosen, redaction.ToString());
        var all = new[] { CaseLogKinds.Location, CaseLogKinds.Note, CaseLogKinds.Resolved, CaseLogKinds.Fact, CaseLogKinds.Opened, CaseLogKinds.Exported, CaseLogKinds.Draft, CaseLogKinds.AlertDelivered };
        Assert.Equal(kinds, string.Join(',', all.Where(redaction.Covers)));
    }

    [Theory]
    [InlineData("photos", "photos")]
    [InlineData("notes,photos", "photos")]
    [InlineData("", "")]
    [InlineData(" , ", "")]
    public void Redaction_TryParse_AnUnknownWordOrNone_IsRefusedNamingIt(string text, string unknown)
    {
        Assert.False(Redaction.TryParse(text, out var redaction, out var named));

        Assert.Equal(unknown, named);
        Assert.True(redaction.IsNone);
    }
}
