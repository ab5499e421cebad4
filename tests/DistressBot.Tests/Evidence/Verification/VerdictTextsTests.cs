using System.Text.RegularExpressions;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence.Verification;

public sealed partial class VerdictTextsTests
{
    public static TheoryData<VerdictTextId> AllIds() => [.. Enum.GetValues<VerdictTextId>()];

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Template_EveryText_ExistsInBothLanguagesWithTheSamePlaceholders(VerdictTextId id)
    {
        var ru = VerdictTexts.Template(id, Language.Ru);
        var en = VerdictTexts.Template(id, Language.En);

        Assert.False(string.IsNullOrWhiteSpace(ru));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.Equal(Placeholders(en), Placeholders(ru));
        Assert.Matches(Cyrillic(), ru);
        Assert.DoesNotMatch(Cyrillic(), en);
    }

    [Fact]
    public void Table_HoldsEveryIdAndNoOther() =>
        Assert.Equal(Enum.GetValues<VerdictTextId>().Order(), VerdictTexts.Ids.Order());

    [Fact]
    public void BundleReadme_BothLanguages_HaveTheSamePlaceholders() =>
        Assert.Equal(Placeholders(BundleReadme.Template(Language.En)), Placeholders(BundleReadme.Template(Language.Ru)));

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
