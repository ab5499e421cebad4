using System.Text.RegularExpressions;
using DistressBot.Localization;

namespace DistressBot.Tests.Localization;

/// <summary>Every text a subject can receive has cover words that read like an ordinary app, and plain words that name no case, helper or alarm.</summary>
public sealed partial class CoverCatalogueTests
{
    /// <summary>Every text a subject can receive (every id not listed as never sent to subjects).</summary>
    public static TheoryData<TextId> SubjectTexts()
    {
        var data = new TheoryData<TextId>();
        foreach (var id in Enum.GetValues<TextId>().Where(TextAudience.ReachesSubjects))
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>The texts with cover words of their own.</summary>
    public static TheoryData<TextId> RewordedTexts()
    {
        var data = new TheoryData<TextId>();
        foreach (var id in CoverCatalogue.Reworded)
        {
            data.Add(id);
        }

        return data;
    }

    // Fails for a new text (a PIN dialogue, a pause notice) until it gets cover words in CoverCatalogue, or is listed as
    // already neutral there, or is listed in TextAudience as never sent to subjects.
    [Theory]
    [MemberData(nameof(SubjectTexts))]
    public void EveryTextASubjectCanReceive_HasACoverVersion(TextId id) =>
        Assert.True(CoverCatalogue.Covers(id), $"{id} can reach a subject but has no cover wording (add it to CoverCatalogue, or to TextAudience if no subject ever gets it).");

    [Theory]
    [MemberData(nameof(RewordedTexts))]
    public void CoverWords_UseThePlainPlaceholders_InBothLanguages(TextId id)
    {
        static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(Placeholders(TextCatalogue.Template(id, Language.En)), Placeholders(CoverCatalogue.Template(id, Language.En)));
        Assert.Equal(Placeholders(TextCatalogue.Template(id, Language.En)), Placeholders(CoverCatalogue.Template(id, Language.Ru)));
        Assert.Matches(Cyrillic(), CoverCatalogue.Template(id, Language.Ru));
    }

    [Theory]
    [MemberData(nameof(SubjectTexts))]
    public void CoverWords_NameNoCheckinSafetySosAlarmOrHelper(TextId id)
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var cover = CoverCatalogue.Template(id, language);
            Assert.Empty(ForbiddenWords.UnderCover(cover));
            Assert.DoesNotContain("/checkin", cover, StringComparison.Ordinal);
            Assert.DoesNotContain("/status", cover, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(SubjectTexts))]
    public void PlainWords_ASubjectReads_NameNoCaseCoordinatorLawyerAlarmEscalationOrDuress(TextId id)
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            Assert.Empty(ForbiddenWords.InAnyWording(TextCatalogue.Template(id, language)));
        }
    }

    [Fact]
    public void ForbiddenWords_CatchStemsButNotLookalikes()
    {
        Assert.NotEmpty(ForbiddenWords.InAnyWording("дело C-0001 открыто"));
        Assert.NotEmpty(ForbiddenWords.InAnyWording("координатору ушла тревога"));
        Assert.NotEmpty(ForbiddenWords.UnderCover("Отметьтесь до 12:00"));
        Assert.NotEmpty(ForbiddenWords.UnderCover("Reminder: check in by 12:00"));
        Assert.NotEmpty(ForbiddenWords.UnderCover("/sos"));
        Assert.Empty(ForbiddenWords.UnderCover("Что можно сделать: /help. Готово ✓ Next one due by 12:00 (in 3 h)"));
    }

    [Fact]
    public void TextsNeverSentToSubjects_AreTheOnlyOnesWithoutCoverWords()
    {
        var withoutCover = Enum.GetValues<TextId>().Where(id => !CoverCatalogue.Covers(id)).ToList();

        Assert.All(withoutCover, id => Assert.False(TextAudience.ReachesSubjects(id), id.ToString()));
        Assert.Contains(TextId.MissedAlert, withoutCover);
        Assert.Contains(TextId.StateMissed, withoutCover);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
