using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DistressBot.Evidence.Report;

/// <summary>The report's fonts and colours (fonts in Unicode encoding, so Cyrillic is embedded and text can be copied out).</summary>
internal sealed class ReportStyle
{
    /// <summary>The title.</summary>
    public XFont Title { get; } = Font(ReportFonts.Sans, 16, bold: true);

    /// <summary>Section headings.</summary>
    public XFont Heading { get; } = Font(ReportFonts.Sans, 12, bold: true);

    /// <summary>Running text.</summary>
    public XFont Body { get; } = Font(ReportFonts.Sans, 9);

    /// <summary>Labels in the summary.</summary>
    public XFont BodyBold { get; } = Font(ReportFonts.Sans, 9, bold: true);

    /// <summary>Table cells, notes and chart labels.</summary>
    public XFont Small { get; } = Font(ReportFonts.Sans, 7.5);

    /// <summary>Table headers.</summary>
    public XFont SmallBold { get; } = Font(ReportFonts.Sans, 7.5, bold: true);

    /// <summary>The checkpoint and the verifier key: at 7 points a signature line (about 115 characters) fits the width.</summary>
    public XFont Mono { get; } = Font(ReportFonts.Mono, 7);

    /// <summary>Leaf hashes in the table.</summary>
    public XFont MonoSmall { get; } = Font(ReportFonts.Mono, 6.5);

    /// <summary>Secondary text.</summary>
    public XBrush Grey { get; } = new XSolidBrush(XColor.FromArgb(90, 90, 90));

    /// <summary>Table header background.</summary>
    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(230, 230, 230));

    /// <summary>Table rules.</summary>
    public XPen Rule { get; } = new(XColor.FromArgb(170, 170, 170), 0.5);

    private static XFont Font(string family, double size, bool bold = false) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
