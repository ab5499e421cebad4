using DistressBot.Localization;

namespace DistressBot.Evidence.Verification;

/// <summary>
/// The first problem `verify` found: what (<see cref="Id"/>, worded by <see cref="VerdictTexts"/> with <see cref="Args"/>),
/// and where: the bundle path of the file (<see cref="File"/>) and, for log.jsonl, the entry's 0-based seq (<see cref="Entry"/>; line = seq + 1).
/// </summary>
/// <param name="Id">The sentence.</param>
/// <param name="Args">Its placeholders' values, already written out (invariant culture).</param>
/// <param name="File">The bundle path at fault ("log.jsonl", "checkpoints/000001/proof"), or null for the bundle itself.</param>
/// <param name="Entry">The 0-based line index at fault in log.jsonl, or null.</param>
public sealed record BundleProblem(VerdictTextId Id, IReadOnlyList<string> Args, string? File = null, long? Entry = null)
{
    /// <summary>The sentence in <paramref name="language"/>.</summary>
    public string Describe(Language language) => VerdictTexts.Format(Id, language, Args);
}

/// <summary>Thrown by <see cref="BundleReader"/> when the bundle cannot be read safely; <see cref="Problem"/> says what and where.</summary>
public sealed class BundleProblemException : Exception
{
    /// <summary>The exception for <paramref name="problem"/> (its message is the English sentence).</summary>
    public BundleProblemException(BundleProblem problem)
        : base(problem?.Describe(Language.En))
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>The exception for <paramref name="problem"/> caused by <paramref name="innerException"/>.</summary>
    public BundleProblemException(BundleProblem problem, Exception innerException)
        : base(problem?.Describe(Language.En), innerException)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>What could not be read, and where.</summary>
    public BundleProblem Problem { get; }
}
