using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Tests.Localization;

public sealed class TextCutTests
{
    // Each: a text element that is more than one UTF-16 code unit, which no cut may split.
    public static TheoryData<string, string> Elements => new()
    {
        { "emoji (surrogate pair)", "😀" },
        { "flag (two regional indicators)", "🇷🇺" },
        { "family (ZWJ sequence)", "👨‍👩‍👧" },
        { "skin tone modifier", "👍🏽" },
        { "combining acute accent", "e\u0301" },
        { "Vietnamese with two combining marks", "e\u0302\u0303" },
        { "Devanagari conjunct", "हु" },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void End_NeverSplitsATextElement(string name, string element)
    {
        var text = "x" + string.Concat(Enumerable.Repeat(element, 50));
        for (var max = 1; max < text.Length; max++)
        {
            var cut = TextCut.End(text, max);
            Assert.True(cut.Length <= max, $"{name}: {cut.Length} > {max}");
            Assert.True(IsWholeElements(cut, element), $"{name}: split at {max}");
            Assert.EndsWith(TextCut.Ellipsis, cut);
        }
    }

    [Theory]
    [MemberData(nameof(Elements))]
    public void Start_NeverSplitsATextElement(string name, string element)
    {
        var text = string.Concat(Enumerable.Repeat(element, 50)) + "x";
        for (var max = 1; max < text.Length; max++)
        {
            var cut = TextCut.Start(text, max);
            Assert.True(cut.Length <= max, $"{name}: {cut.Length} > {max}");
            Assert.StartsWith(TextCut.Ellipsis, cut);
            Assert.True(IsWholeElements(cut, element), $"{name}: split at {max}");
        }
    }

    [Theory]
    [MemberData(nameof(Elements))]
    public void Middle_NeverSplitsATextElement(string name, string element)
    {
        var text = "head " + string.Concat(Enumerable.Repeat(element, 60)) + " tail";
        for (var max = 1; max < text.Length; max++)
        {
            var cut = TextCut.Middle(text, max);
            Assert.True(cut.Length <= max, $"{name}: {cut.Length} > {max}");
            Assert.Contains(TextCut.Ellipsis, cut, StringComparison.Ordinal);
            Assert.True(IsWholeElements(cut, element), $"{name}: split at {max}");
        }
    }

    [Fact]
    public void End_TextThatFits_IsReturnedUnchanged()
    {
        Assert.Equal("short", TextCut.End("short", 5));
        Assert.Equal("", TextCut.End("", 1));
    }

    [Fact]
    public void End_TooLong_KeepsTheStartAndMarksTheCut()
    {
        Assert.Equal("abc…", TextCut.End("abcdefgh", 4));
    }

    [Fact]
    public void Middle_TooLong_KeepsBothEnds()
    {
        var cut = TextCut.Middle("Case C-0001 opened … many lines … resolved by Nina", 30);
        Assert.StartsWith("Case C-0001", cut, StringComparison.Ordinal);
        Assert.EndsWith("by Nina", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 30);
    }

    [Fact]
    public void Middle_HeadShare_GivesTheStartMoreRoom()
    {
        var cut = TextCut.Middle(new string('a', 50) + new string('b', 50), 21, headShare: 0.75);
        Assert.Equal(new string('a', 15) + "…" + new string('b', 5), cut);
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Throws<ArgumentNullException>(() => TextCut.End(null!, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextCut.End("abc", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextCut.Middle("abc", 2, 1.5));
    }

    // The cut keeps only "x", ASCII, the ellipsis, and whole copies of the element.
    private static bool IsWholeElements(string cut, string element)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(cut);
        while (enumerator.MoveNext())
        {
            var piece = (string)enumerator.Current;
            if (piece != element && piece != TextCut.Ellipsis && !(piece.Length == 1 && piece[0] < 128))
            {
                return false;
            }
        }

        return true;
    }
}
