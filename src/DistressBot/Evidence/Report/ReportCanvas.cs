using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DistressBot.Evidence.Report;

/// <summary>A4 pages written top to bottom: a cursor <see cref="Y"/>, a new page when the next block does not fit, wrapped paragraphs that flow over pages.</summary>
internal sealed class ReportCanvas : IDisposable
{
    /// <summary>The left margin, in points.</summary>
    public const double Left = 42;

    private const double RightMargin = 42;
    private const double TopMargin = 42;
    private const double BottomMargin = 54;

    private readonly PdfDocument _document;
    private XGraphics? _graphics;

    /// <summary>Starts the first page.</summary>
    public ReportCanvas(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    /// <summary>Called after each page break that the content (not the first page) causes: a table repeats its header.</summary>
    public Action? PageStarted { get; set; }

    /// <summary>Where the next block starts, in points from the page's top.</summary>
    public double Y { get; set; }

    /// <summary>The width between the margins, in points.</summary>
    public double Width { get; private set; }

    /// <summary>The lowest point content may reach.</summary>
    public double Limit { get; private set; }

    /// <summary>The page being drawn.</summary>
    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(ReportCanvas));

    /// <summary>The height the content may fill on a fresh page.</summary>
    public double PageContentHeight => Limit - TopMargin;

    /// <summary>Ends this page and starts another at the top margin.</summary>
    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Width = page.Width.Point - Left - RightMargin;
        Limit = page.Height.Point - BottomMargin;
        Y = TopMargin;
    }

    /// <summary>Goes to a new page (and runs <see cref="PageStarted"/>) unless <paramref name="height"/> points still fit on this one.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Limit)
        {
            NewPage();
            PageStarted?.Invoke();
        }
    }

    /// <summary>The width of <paramref name="text"/> in <paramref name="font"/>, in points.</summary>
    public double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;

    /// <summary>The lines of <paramref name="text"/> wrapped to <paramref name="width"/> points, as <paramref name="font"/> can draw them (<see cref="ReportFonts.Printable"/>).</summary>
    public List<string> Lines(string text, XFont font, double width) =>
        TextWrap.Lines(ReportFonts.Printable(TextWrap.Visible(text), font), s => Measure(s, font), width);

    /// <summary>The distance between two lines of <paramref name="font"/>.</summary>
    public static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Draws one line with its top at <paramref name="y"/>.</summary>
    public void Text(string text, XFont font, double x, double y, XBrush? brush = null) =>
        Graphics.DrawString(text, font, brush ?? XBrushes.Black, x, y, XStringFormats.TopLeft);

    /// <summary>Wraps <paramref name="text"/> to the width (less <paramref name="indent"/>) and draws it line by line, over as many pages as it needs.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null, double after = 4)
    {
        var height = LineHeight(font);
        foreach (var line in Lines(text, font, Width - indent))
        {
            Ensure(height);
            Text(line, font, Left + indent, Y, brush);
            Y += height;
        }

        Y += after;
    }

    /// <summary>A heading, kept on a page with at least <paramref name="keepWith"/> points of what follows.</summary>
    public void Heading(string text, XFont font, double keepWith = 60)
    {
        Y += 8;
        Ensure(LineHeight(font) + keepWith);
        Paragraph(text, font, after: 2);
    }

    /// <summary>Ends the page being drawn.</summary>
    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}
