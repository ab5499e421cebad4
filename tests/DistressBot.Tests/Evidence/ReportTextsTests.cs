using System.Reflection;
using System.Text.RegularExpressions;
using DistressBot.Evidence;
using DistressBot.Evidence.Report;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence;

public sealed partial class ReportTextsTests
{
    public static TheoryData<ReportText> AllIds() => [.. Enum.GetValues<ReportText>()];

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Template_EveryText_ExistsInRussianAndEnglishWithTheSamePlaceholders(ReportText id)
    {
        var ru = ReportTexts.Template(id, Language.Ru);
        var en = ReportTexts.Template(id, Language.En);

        Assert.False(string.IsNullOrWhiteSpace(ru));
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.Equal(Placeholders(en), Placeholders(ru));
    }

    [Fact]
    public void Russian_TextsAreReallyRussian()
    {
        var untranslated = Enum.GetValues<ReportText>()
            .Select(id => (id, Text: Placeholder().Replace(ReportTexts.Template(id, Language.Ru), "")))
            .Where(t => t.Text.Length > 12 && !Cyrillic().IsMatch(t.Text))
            .Select(t => t.id)
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Kind_EveryKindOfTheLog_IsWordedInBothLanguages()
    {
        var kinds = typeof(CaseLogKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind =>
        {
            Assert.NotEqual(kind, ReportTexts.Kind(kind, Language.Ru));
            Assert.NotEqual(kind, ReportTexts.Kind(kind, Language.En));
        });
        Assert.Equal(kinds.Order(StringComparer.Ordinal), ReportTexts.KnownKinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Kind_UnknownKind_IsItsRawWord() =>
        Assert.Equal("witness_cosigned", ReportTexts.Kind("witness_cosigned", Language.Ru));

    [Fact]
    public void Role_EveryRoleOfTheLog_IsWorded() =>
        Assert.All(CaseLogEntry.Roles, role => Assert.NotEqual(role, ReportTexts.Role(role, Language.Ru)));

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
