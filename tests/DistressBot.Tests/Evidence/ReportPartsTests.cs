using DistressBot.Evidence.Report;
using PdfSharp.Fonts;

namespace DistressBot.Tests.Evidence;

public sealed class ReportPartsTests
{
    [Fact]
    public void ReportFonts_AnswerTheirOwnFamiliesWithEmbeddedTrueType_AndNoOther()
    {
        var fonts = ReportFonts.Resolver;

        var sans = fonts.ResolveTypeface(ReportFonts.Sans, bold: true, italic: false);
        var mono = fonts.ResolveTypeface(ReportFonts.Mono, bold: false, italic: false);

        Assert.NotNull(sans);
        Assert.True(sans.MustSimulateBold);
        Assert.NotNull(mono);
        Assert.Equal([0, 1, 0, 0], fonts.GetFont(sans.FaceName)![..4]); // TrueType's sfnt version
        Assert.Equal([0, 1, 0, 0], fonts.GetFont(mono.FaceName)![..4]);
        Assert.Null(fonts.ResolveTypeface("Arial", bold: false, italic: false)); // another resolver keeps the families it knows
        Assert.Null(fonts.GetFont("Arial"));
    }

    [Fact]
    public void ReportFonts_Install_LeavesPdfSharpResolvingOurFamilies()
    {
        ReportFonts.Install();
        ReportFonts.Install();

        Assert.True(
            ReferenceEquals(GlobalFontSettings.FontResolver, ReportFonts.Resolver) || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, ReportFonts.Resolver));
    }

    [Fact]
    public void FontCoverage_NamesWhatDejaVuCannotDraw_AndKeepsTheRest()
    {
        var sans = FontCoverage.Of(ReportFonts.Resolver.GetFont("DejaVuSans")!);

        Assert.True(sans.Has('Ж'));
        Assert.True(sans.Has('✓'));
        Assert.False(sans.Has(0x1F6A8));
        Assert.Equal("[U+1F6A8] Марина ✓\nok", sans.Printable("🚨 Марина ✓\nok"));
        Assert.Equal("a[U+0001]", sans.Printable("a\u0001"));
    }

    [Theory]
    [InlineData("один два три четыре пять шесть", 9, new[] { "один два", "три", "четыре", "пять", "шесть" })]
    [InlineData("a\nb\r\nc", 50, new[] { "a", "b", "c" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("x\u001by", 50, new[] { "x\\u001by" })]
    public void TextWrap_BreaksAtSpacesNewlinesAndInsideTooLongWords_DroppingNothing(string text, int width, string[] expected) =>
        Assert.Equal(expected, TextWrap.Lines(text, s => s.Length, width));

    [Fact]
    public void OpeningContent_ReadsTheConventionAndKeepsDetailWhole()
    {
        var opening = OpeningContent.Parse("trigger=sos; last_checkin=none; deadline=2026-11-30T18:00:00.000Z; grace_end=none; detail=в машине; номер А123");

        Assert.Equal("sos", opening.Trigger);
        Assert.Equal("none", opening.LastCheckin);
        Assert.Null(OpeningContent.Time(opening.LastCheckin));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero), OpeningContent.Time(opening.Deadline));
        Assert.Equal("в машине; номер А123", opening.Detail);
        Assert.Equal(OpeningContent.Unknown, OpeningContent.Parse(null));
    }

    [Theory]
    [InlineData("Detained: в ОВД Ленинского района", DistressBot.Localization.Language.Ru, "задержан(а): в ОВД Ленинского района")]
    [InlineData("Safe", DistressBot.Localization.Language.En, "safe")]
    [InlineData("Hospitalised: ward 3", DistressBot.Localization.Language.En, "in hospital: ward 3")]
    [InlineData("something else", DistressBot.Localization.Language.Ru, "something else")]
    public void A_resolved_entrys_outcome_is_worded_in_the_readers_language_and_its_note_kept(string content, DistressBot.Localization.Language language, string expected) =>
        Assert.Equal(expected, ReportTexts.Outcome(content, language));
}
