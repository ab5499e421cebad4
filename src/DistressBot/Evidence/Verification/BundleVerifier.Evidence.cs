using System.Globalization;
using System.Security.Cryptography;

namespace DistressBot.Evidence.Verification;

/// <summary>The evidence check: every file an <c>evidence</c> entry names is in the bundle with that SHA-256 and size, and every file under <c>evidence/</c> is named by one.</summary>
public static partial class BundleVerifier
{
    /// <summary>Most bytes of one evidence file read: 20 MiB, the Bot API's download limit the bot keeps to.</summary>
    public const int MaxEvidenceBytes = 20 * 1024 * 1024;

    // A file under evidence/ that no entry names is refused: it would sit in the bundle looking vouched for while nothing signed covers it.
    private static int CheckEvidence(BundleReader bundle, IReadOnlyList<CaseLogEntry> entries)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Kind == CaseLogKinds.Evidence))
        {
            if (entry.Content is null || EvidenceContent.Parse(entry.Content) is not { } evidence)
            {
                throw Fail(VerdictTextId.EvidenceEntryMalformed, BundleLayout.Log, entry.Sequence, entry.Sequence, entry.Sequence + 1);
            }

            if (!named.Add(evidence.BundlePath))
            {
                continue;
            }

            if (!bundle.Contains(evidence.BundlePath))
            {
                throw Fail(VerdictTextId.EvidenceFileMissing, evidence.BundlePath, entry.Sequence, entry.Sequence, entry.Sequence + 1, evidence.BundlePath);
            }

            var bytes = bundle.Read(evidence.BundlePath, MaxEvidenceBytes);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha256 != evidence.Sha256 || bytes.LongLength != evidence.Length)
            {
                throw Fail(VerdictTextId.EvidenceFileChanged, evidence.BundlePath, entry.Sequence, evidence.BundlePath, entry.Sequence, entry.Sequence + 1, sha256, bytes.LongLength.ToString(CultureInfo.InvariantCulture));
            }
        }

        var stray = bundle.Files.Where(f => f.StartsWith(EvidenceContent.Folder + "/", StringComparison.Ordinal) && !named.Contains(f)).Order(StringComparer.Ordinal).FirstOrDefault();
        return stray is null ? named.Count : throw Fail(VerdictTextId.EvidenceFileNotLogged, stray, null, stray);
    }
}
