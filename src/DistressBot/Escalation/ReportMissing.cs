using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>What became of a missing report.</summary>
public enum MissingOutcome
{
    /// <summary>Nothing was typed: nothing changed.</summary>
    Usage,

    /// <summary>The text starts with none of the coordinator's subjects' aliases: nothing changed, nothing revealed.</summary>
    SubjectNotFound,

    /// <summary>A case was opened (or the subject's open case joined) and both levels alerted.</summary>
    Opened,
}

/// <summary>The result of a missing report.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The case alerted (for <see cref="MissingOutcome.Opened"/>).</param>
/// <param name="Subject">The subject reported missing (for <see cref="MissingOutcome.Opened"/>).</param>
public sealed record MissingResult(MissingOutcome Outcome, Case? Case = null, Person? Subject = null);

/// <summary>
/// A coordinator in a subject's chain reports the subject missing: the text starts with the alias (which may have spaces; the
/// longest leading run of words naming one of the coordinator's subjects wins), the rest is what they know (cut to
/// <see cref="MaxReportLength"/>). It opens or joins the subject's case and alerts both levels at once; the subject is not told.
/// </summary>
public static class ReportMissing
{
    /// <summary>What a missing report says is kept up to this many UTF-16 code units, cut on whole characters.</summary>
    public const int MaxReportLength = 1000;

    // Prefixes of a report longer than this cannot be an alias, however many spaces were typed in it.
    private const int MaxAliasTyped = 640;

    /// <summary>/missing <paramref name="aliasAndText"/> by <paramref name="coordinator"/> at <paramref name="now"/>.</summary>
    public static MissingResult Run(DataSession db, Person coordinator, string aliasAndText, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(aliasAndText);
        if (aliasAndText.Length == 0)
        {
            return new MissingResult(MissingOutcome.Usage);
        }

        var (subject, text) = SplitAlias(db, coordinator, aliasAndText);
        if (subject is null || !CaseAccess.MayManage(coordinator, subject))
        {
            return new MissingResult(MissingOutcome.SubjectNotFound);
        }

        var @case = Alarms.MissingReport(db, subject, coordinator, TextCut.End(text, MaxReportLength), now);
        return new MissingResult(MissingOutcome.Opened, @case, subject);
    }

    // The longest leading run of words that names one of the coordinator's subjects, compared as aliases are stored
    // (NFC, folded spaces, any case), so a decomposed "Nguyễn" finds the precomposed one.
    private static (Person? Subject, string Remainder) SplitAlias(DataSession db, Person coordinator, string arguments)
    {
        var subjects = CaseAccess.SubjectsOf(db, coordinator);
        for (var end = arguments.Length; end > 0; end = LastWordEnd(arguments, end))
        {
            if (end <= MaxAliasTyped
                && (end == arguments.Length || char.IsWhiteSpace(arguments[end]))
                && subjects.FirstOrDefault(s => PersonNames.Same(s.Name, arguments[..end])) is { } subject)
            {
                return (subject, arguments[end..].Trim());
            }
        }

        return (null, arguments);
    }

    // The end of the word before the one ending at end, or 0.
    private static int LastWordEnd(string text, int end)
    {
        var i = end - 1;
        while (i > 0 && !char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }
}
