using System.Text;
using DistressBot.Domain;

namespace DistressBot.Tests.Domain;

public sealed class PersonNamesTests
{
    private const string NguyenPrecomposed = "Nguy\u1EC5n";
    private const string NguyenDecomposed = "Nguye\u0302\u0303n";

    public static TheoryData<string, string> Accepted => new()
    {
        { "Latin", "Salek" },
        { "Cyrillic", "Салек" },
        { "Devanagari with vowel signs (combining marks)", "राहुल" },
        { "Vietnamese, precomposed", NguyenPrecomposed },
        { "Vietnamese, typed with combining marks", NguyenDecomposed },
        { "Arabic", "سلمى" },
        { "space, dot and hyphen", "Anna-Maria K." },
        { "digit first", "2nd Salek" },
        { "32 user-perceived characters with marks", string.Concat(Enumerable.Repeat("e\u0301", 32)) },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "empty", "" },
        { "only spaces", "   " },
        { "a lone combining mark", "\u0301" },
        { "a mark after a space", "Salek \u0301" },
        { "a mark first", "\u0301Salek" },
        { "zero-width space (format)", "Sa\u200Blek" },
        { "zero-width joiner (format)", "Sa\u200Dlek" },
        { "right-to-left override (format)", "\u202ESalek" },
        { "control character", "Sa\u0007lek" },
        { "NUL character", "Sa\u0000lek" },
        { "lone surrogate", "Sa\uD800lek" },
        { "punctuation", "Salek!" },
        { "hyphen first", "-Salek" },
        { "five marks on one letter", "q\u0301\u0302\u0303\u0304\u0306" },
        { "33 characters", new string('a', 33) },
        { "33 user-perceived characters with marks", string.Concat(Enumerable.Repeat("e\u0301", 33)) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void IsValid_NameInAnyScript_IsAccepted(string what, string typed)
    {
        Assert.True(PersonNames.IsValid(PersonNames.Normalize(typed)), what);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void IsValid_BadName_IsRefused(string what, string typed)
    {
        Assert.False(PersonNames.IsValid(PersonNames.Normalize(typed)), what);
    }

    [Fact]
    public void Normalize_DecomposedAndPrecomposed_GiveTheSameNfcText()
    {
        var fromDecomposed = PersonNames.Normalize(NguyenDecomposed);

        Assert.Equal(NguyenPrecomposed, fromDecomposed);
        Assert.True(fromDecomposed.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(6, fromDecomposed.Length);
        Assert.True(PersonNames.Same(NguyenDecomposed, NguyenPrecomposed.ToUpperInvariant()));
        Assert.False(PersonNames.Confusable(NguyenDecomposed, NguyenPrecomposed), "the same name is taken, not merely confusable");
    }

    [Fact]
    public void Normalize_FoldsWhiteSpaceAndTrims()
    {
        Assert.Equal("Anna Maria", PersonNames.Normalize("  Anna \u00A0\t Maria \n"));
    }

    public static TheoryData<string, string> LookAlikes => new()
    {
        { "Ѕalek", "Salek" },   // Cyrillic capital DZE
        { "Sаlek", "Salek" },   // Cyrillic small a
        { "Ѕаlеk", "Salek" },   // three Cyrillic letters
        { "ΗΕLΕΝ", "Helen" },   // Greek capitals
        { "Ivan", "lvan" },     // capital I and small l
        { "0leg", "Oleg" },     // zero and O
        { "Kim", "Kirn" },      // m and rn
        { "Ｓａｌｅｋ", "Salek" }, // full-width forms (NFKD)
        { "Нина", "Hина" },     // Cyrillic Н and Latin H
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Confusable_LookAlikeNames_AreConfusable(string typed, string existing)
    {
        Assert.True(PersonNames.Confusable(typed, existing));
        Assert.False(PersonNames.Same(typed, existing));
    }

    public static TheoryData<string, string> Different => new()
    {
        { "Salek", "Saleh" },
        { "Nguyễn", "Nguyen" },   // an accent is a visible difference
        { "Нина", "Нива" },
        { "राहुल", "राहल" },
        { "Anna", "Anna-Maria" },
    };

    [Theory]
    [MemberData(nameof(Different))]
    public void Confusable_DifferentNames_AreNotConfusable(string a, string b)
    {
        Assert.False(PersonNames.Confusable(a, b));
    }
}
