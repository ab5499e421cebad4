using System.Text.RegularExpressions;
using DistressBot.Localization;

namespace DistressBot.Tests.Localization;

public sealed partial class TextCatalogueTests
{
    public static TheoryData<TextId> AllIds()
    {
        var data = new TheoryData<TextId>();
        foreach (var id in Enum.GetValues<TextId>())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Template_EveryText_ExistsInRussianAndEnglish(TextId id)
    {
        var ru = TextCatalogue.Template(id, Language.Ru);
        var en = TextCatalogue.Template(id, Language.En);

        Assert.False(string.IsNullOrWhiteSpace(ru));
        Assert.False(string.IsNullOrWhiteSpace(en));
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Template_BothLanguages_UseTheSamePlaceholders(TextId id)
    {
        static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(Placeholders(TextCatalogue.Template(id, Language.En)), Placeholders(TextCatalogue.Template(id, Language.Ru)));
    }

    [Fact]
    public void Russian_TextsAreReallyRussian()
    {
        var untranslated = Enum.GetValues<TextId>()
            .Where(id => TextCatalogue.Template(id, Language.Ru).Length > 12)
            .Where(id => !Cyrillic().IsMatch(TextCatalogue.Template(id, Language.Ru)))
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void StepWord_EveryTimelineKind_HasAText()
    {
        foreach (var kind in Enum.GetValues<DistressBot.Domain.CaseEntryKind>())
        {
            Assert.False(string.IsNullOrWhiteSpace(DistressBot.Escalation.CaseViews.StepWord(kind, Language.Ru)));
        }
    }

    [Theory]
    [InlineData("ru", Language.Ru)]
    [InlineData("ru-RU", Language.Ru)]
    [InlineData("uk", Language.Ru)]
    [InlineData("en", Language.En)]
    [InlineData("en-GB", Language.En)]
    [InlineData("de", Language.En)]
    [InlineData(null, Language.En)]
    public void FromTelegramCode_PicksLanguageOrFallback(string? code, Language expected) =>
        Assert.Equal(expected, LanguagePicker.FromTelegramCode(code, Language.En));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
