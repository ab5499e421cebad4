using System.Globalization;
using System.Text;
using DistressBot.Localization;

namespace DistressBot.Evidence.Verification;

/// <summary>What a bundle that verified proves: the case, its entries, the key that signed it, and the earlier checkpoints it extends.</summary>
/// <param name="CaseId">The case number every entry carries.</param>
/// <param name="Entries">Lines in log.jsonl, all covered by the latest signed checkpoint.</param>
/// <param name="LastEntryAt">The server's time of the last entry.</param>
/// <param name="KeyName">The log key's name ("distressbot-1a2b3c4d").</param>
/// <param name="KeyId">The log key's 32-bit signed-note key id.</param>
/// <param name="VerifierKey">The log key's verifier key text, to compare with one received earlier.</param>
/// <param name="KeyPinned">True when the caller pinned this key (--key); false when it was taken from the bundle.</param>
/// <param name="CheckpointsChecked">The checkpoint folders checked ("checkpoints/000000", …), in order.</param>
/// <param name="NotChecked">Files in checkpoint folders this version reads no proof from (sent.txt, cosignatures, timestamp tokens), bundle paths.</param>
public sealed record BundleFacts(
    string CaseId,
    long Entries,
    DateTimeOffset LastEntryAt,
    string KeyName,
    uint KeyId,
    string VerifierKey,
    bool KeyPinned,
    IReadOnlyList<string> CheckpointsChecked,
    IReadOnlyList<string> NotChecked);

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
        if (facts.NotChecked.Count > 0)
        {
            text.Append(Say(VerdictTextId.FilesNotChecked, language, facts.NotChecked.Count.ToString(CultureInfo.InvariantCulture), Shortened(facts.NotChecked))).Append('\n');
        }

        text.Append(facts.KeyPinned ? Say(VerdictTextId.KeyMatchesPinned, language) : Say(VerdictTextId.KeyNotPinnedAdvice, language, facts.VerifierKey)).Append('\n');
        return text.ToString();
    }

    private static string Say(VerdictTextId id, Language language, params string[] args) => VerdictTexts.Format(id, language, args);

    // A long list (a year of hourly checkpoints) reads as its first few and an ellipsis.
    private static string Shortened(IReadOnlyList<string> items) =>
        items.Count <= 5 ? string.Join(", ", items) : string.Join(", ", items.Take(4)) + ", …, " + items[^1];
}
