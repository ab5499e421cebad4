using System.Globalization;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Tests.Localization;

namespace DistressBot.Tests.Domain;

/// <summary>Every queued text fits Telegram's limit and is cut on whole characters with a visible "…".</summary>
public sealed class OutgoingMessageFitTests
{
    [Theory]
    [MemberData(nameof(TextCutTests.Elements), MemberType = typeof(TextCutTests))]
    public void Fit_LongTextOfMultiUnitCharacters_CutsBetweenThemWithinTheLimit(string name, string element)
    {
        foreach (var lead in new[] { "", "x", "xy", "xyz" })
        {
            var text = lead + string.Concat(Enumerable.Repeat(element, (OutgoingMessage.MaxTextLength / element.Length) + 5));

            var fitted = OutgoingMessage.Fit(text);

            Assert.True(fitted.Length <= OutgoingMessage.MaxTextLength, $"{name}: {fitted.Length}");
            Assert.EndsWith(TextCut.Ellipsis, fitted, StringComparison.Ordinal);
            var kept = fitted[..^TextCut.Ellipsis.Length];
            Assert.StartsWith(lead, kept, StringComparison.Ordinal);
            Assert.True((kept.Length - lead.Length) % element.Length == 0, $"{name} after '{lead}': split inside a character");
            Assert.True(kept.Length > OutgoingMessage.MaxTextLength - element.Length - 1, $"{name}: cut more than one character short");
            Assert.Equal(new StringInfo(kept).LengthInTextElements, lead.Length + ((kept.Length - lead.Length) / element.Length));
        }
    }

    [Fact]
    public void Fit_TextAtTheLimit_IsUnchanged()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("😀", (OutgoingMessage.MaxTextLength - 1) / 2)) + "y";

        Assert.Equal(OutgoingMessage.MaxTextLength, text.Length);
        Assert.Same(text, OutgoingMessage.Fit(text));
    }
}
