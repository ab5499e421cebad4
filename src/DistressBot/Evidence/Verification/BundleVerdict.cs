using System.Globalization;
using System.Text;
using DistressBot.Localization;

namespace DistressBot.Evidence.Verification;

/// <summary>What a bundle that verified proves: the case, its entries, the key that signed it, and the earlier checkpoints it extends.</summary>
/// <param name="CaseId">The case number every entry carries.</param>
/// <param name="Entries">Lines in log.jsonl (redacted lines included), all covered by the latest signed checkpoint.</param>
/// <param name="LastEntryAt">The server's time of the last entry that is not redacted (a redacted line shows no time).</param>
/// <param name="KeyName">The log key's name ("distressbot-1a2b3c4d").</param>
/// <param name="KeyId">The log key's 32-bit signed-note key id.</param>
/// <param name="VerifierKey">The log key's verifier key text, to compare with one received earlier.</param>
/// <param name="KeyPinned">True when the caller pinned this key (--key); false when it was taken from the bundle.</param>
/// <param name="CheckpointsChecked">The checkpoint folders checked ("checkpoints/000000", …), in order.</param>
/// <param name="NotChecked">Files in checkpoint folders outside the layout, which no check reads (sent.txt is in <see cref="SentLists"/>), bundle paths.</param>
public sealed record BundleFacts(
    string CaseId,
    long Entries,
    DateTimeOffset LastEntryAt,
    string KeyName,
    uint KeyId,
    string VerifierKey,
    bool KeyPinned,
    IReadOnlyList<string> CheckpointsChecked,
    IReadOnlyList<string> NotChecked)
{
    /// <summary>The checkpoint folders whose witness cosignature verified, in order.</summary>
    public IReadOnlyList<CosignatureFact> Cosignatures { get; init; } = [];

    /// <summary>True when the caller pinned the witness key (--witness-key); false when it was taken from witness.vkey.</summary>
    public bool WitnessPinned { get; init; }

    /// <summary>The checkpoint folders whose RFC 3161 token verified, in order.</summary>
    public IReadOnlyList<TimestampFact> Timestamps { get; init; } = [];

    /// <summary>True when the caller pinned the timestamp authority's certificate (--tsa-cert); false when each token's own certificate was taken.</summary>
    public bool TimestampAuthorityPinned { get; init; }

    /// <summary>The checkpoints the caller kept (--checkpoint) that the log extends, in the order given.</summary>
    public IReadOnlyList<KeptCheckpointFact> KeptCheckpoints { get; init; } = [];

    /// <summary>The sent.txt files: where the server says each checkpoint went (its own word, not proof), bundle paths.</summary>
    public IReadOnlyList<string> SentLists { get; init; } = [];

    /// <summary>The redacted lines of log.jsonl (seq, kind and leaf hash; their content is withheld, not missing), in log order.</summary>
    public IReadOnlyList<RedactedEntry> Redacted { get; init; } = [];

    /// <summary>How many evidence/ files matched the SHA-256 and size their entries give.</summary>
    public int EvidenceFiles { get; init; }
}

/// <summary>A checkpoint folder whose witness cosignature verified.</summary>
/// <param name="Folder">"checkpoints/000003".</param>
/// <param name="Witness">The witness's key name.</param>
/// <param name="WitnessKey">The witness's verifier key text it verified with.</param>
/// <param name="CosignedAt">The latest time the witness says it cosigned (its own clock, whole seconds, UTC).</param>
public sealed record CosignatureFact(string Folder, string Witness, string WitnessKey, DateTimeOffset CosignedAt);

/// <summary>A checkpoint folder whose RFC 3161 token verified over its checkpoint's bytes.</summary>
/// <param name="Folder">"checkpoints/000003".</param>
/// <param name="Authority">The signing certificate's subject ("CN=…").</param>
/// <param name="GenTime">The authority's time in the token.</param>
public sealed record TimestampFact(string Folder, string Authority, DateTimeOffset GenTime);

/// <summary>A checkpoint the caller kept that the log extends.</summary>
/// <param name="Source">The file as the caller named it.</param>
/// <param name="Size">Entries it covers.</param>
public sealed record KeptCheckpointFact(string Source, ulong Size);

/// <summary>The outcome of <see cref="BundleVerifier.Verify(BundleReader, BundleTrust?)"/>: the facts when every check passed, else the first problem.</summary>
public sealed class BundleVerdict
{
    private BundleVerdict(BundleFacts? facts, BundleProblem? problem)
    {
        Facts = facts;
        Problem = problem;
    }

    /// <summary>True when the bundle verified (<see cref="Facts"/> set, <see cref="Problem"/> null).</summary>
    public bool Verified => Facts is not null;

    /// <summary>What the bundle proves, when it verified.</summary>
    public BundleFacts? Facts { get; }

    /// <summary>The first problem found, when it did not.</summary>
    public BundleProblem? Problem { get; }

    /// <summary>A verdict for a bundle that passed every check.</summary>
    public static BundleVerdict Pass(BundleFacts facts) => new(facts ?? throw new ArgumentNullException(nameof(facts)), null);

    /// <summary>A verdict naming the first problem.</summary>
    public static BundleVerdict Fail(BundleProblem problem) => new(null, problem ?? throw new ArgumentNullException(nameof(problem)));

    /// <summary>The verdict in plain words in <paramref name="language"/>, lines ending in LF.</summary>
    public string Describe(Language language)
    {
        if (Problem is { } problem)
        {
            return Say(VerdictTextId.NotVerified, language, problem.Describe(language)) + "\n";
        }

        var facts = Facts!;
        var text = new StringBuilder()
            .Append(Say(
                VerdictTextId.Verified,
                language,
                facts.CaseId,
                facts.Entries.ToString(CultureInfo.InvariantCulture),
                facts.LastEntryAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                facts.KeyName,
                facts.KeyId.ToString("x8", CultureInfo.InvariantCulture)))
            .Append('\n');
        text.Append(facts.CheckpointsChecked.Count == 0
            ? Say(VerdictTextId.NoCheckpointsChecked, language)
            : Say(VerdictTextId.CheckpointsChecked, language, facts.CheckpointsChecked.Count.ToString(CultureInfo.InvariantCulture), Shortened(facts.CheckpointsChecked)))
            .Append('\n');
        if (facts.Redacted.Count > 0)
        {
            var kinds = string.Join(", ", facts.Redacted.Select(r => r.Kind).Distinct(StringComparer.Ordinal));
            text.Append(Say(VerdictTextId.EntriesRedacted, language, facts.Redacted.Count.ToString(CultureInfo.InvariantCulture), kinds)).Append('\n');
        }

        if (facts.EvidenceFiles > 0)
        {
            text.Append(Say(VerdictTextId.EvidenceFilesMatch, language, facts.EvidenceFiles.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        DescribeOthers(facts, language, text);
        if (facts.NotChecked.Count > 0)
        {
            text.Append(Say(VerdictTextId.FilesNotChecked, language, facts.NotChecked.Count.ToString(CultureInfo.InvariantCulture), Shortened(facts.NotChecked))).Append('\n');
        }

        text.Append(facts.KeyPinned ? Say(VerdictTextId.KeyMatchesPinned, language) : Say(VerdictTextId.KeyNotPinnedAdvice, language, facts.VerifierKey)).Append('\n');
        text.Append(Say(VerdictTextId.ReadingsNotSigned, language)).Append('\n');
        return text.ToString();
    }

    // What the witness, the timestamp authority and the caller's own checkpoints add, each with the trust it rests on.
    private static void DescribeOthers(BundleFacts facts, Language language, StringBuilder text)
    {
        foreach (var cosigned in facts.Cosignatures)
        {
            text.Append(Say(VerdictTextId.FolderCosigned, language, cosigned.Folder, cosigned.Witness, Utc(cosigned.CosignedAt))).Append('\n');
        }

        foreach (var stamped in facts.Timestamps)
        {
            text.Append(Say(VerdictTextId.FolderTimestamped, language, stamped.Folder, stamped.Authority, Utc(stamped.GenTime))).Append('\n');
        }

        if (facts.WitnessPinned)
        {
            text.Append(facts.Cosignatures.Count > 0 ? Say(VerdictTextId.WitnessKeyMatchesPinned, language) : Say(VerdictTextId.WitnessPinnedNothingCosigned, language)).Append('\n');
        }
        else if (facts.Cosignatures.Count > 0)
        {
            var keys = string.Join("\n", facts.Cosignatures.Select(c => c.WitnessKey).Distinct(StringComparer.Ordinal));
            text.Append(Say(VerdictTextId.WitnessKeyNotPinnedAdvice, language, keys)).Append('\n');
        }

        if (facts.TimestampAuthorityPinned)
        {
            text.Append(facts.Timestamps.Count > 0 ? Say(VerdictTextId.TimestampAuthorityMatchesPinned, language) : Say(VerdictTextId.TimestampPinnedNothingStamped, language)).Append('\n');
        }
        else if (facts.Timestamps.Count > 0)
        {
            text.Append(Say(VerdictTextId.TimestampAuthorityNotPinnedAdvice, language)).Append('\n');
        }

        foreach (var kept in facts.KeptCheckpoints)
        {
            text.Append(Say(VerdictTextId.KeptCheckpointMatches, language, kept.Source, kept.Size.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        if (facts.SentLists.Count > 0)
        {
            text.Append(Say(VerdictTextId.SentListsNotProof, language, facts.SentLists.Count.ToString(CultureInfo.InvariantCulture), Shortened(facts.SentLists))).Append('\n');
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Say(VerdictTextId id, Language language, params string[] args) => VerdictTexts.Format(id, language, args);

    // A long list (a year of hourly checkpoints) reads as its first few and an ellipsis.
    private static string Shortened(IReadOnlyList<string> items) =>
        items.Count <= 5 ? string.Join(", ", items) : string.Join(", ", items.Take(4)) + ", …, " + items[^1];
}
