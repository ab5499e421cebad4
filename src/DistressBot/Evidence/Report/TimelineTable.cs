using PdfSharp.Drawing;

namespace DistressBot.Evidence.Report;

/// <summary>
/// A table whose rows grow to fit their wrapped cells and break across pages, repeating the header on each page; a row
/// taller than what is left of a page goes on over the next, its number marked as continued. Each cell's lines are drawn
/// together, so text read back from the PDF keeps a cell's words in order.
/// </summary>
internal sealed class TimelineTable(ReportCanvas canvas, ReportStyle style, IReadOnlyList<TimelineTable.Column> columns)
{
    private const double Padding = 2.5;

    /// <summary>One column: its header, width in points and font.</summary>
    public sealed record Column(string Header, double Width, XFont Font);

    /// <summary>Draws the header here (on a new page when not even a header and a line fit).</summary>
    public void Begin()
    {
        canvas.Ensure(HeaderHeight() + (2 * Padding) + ReportCanvas.LineHeight(columns[0].Font));
        DrawHeader();
        canvas.PageStarted = DrawHeader;
    }

    /// <summary>Stops repeating the header on new pages.</summary>
    public void End()
    {
        canvas.PageStarted = null;
        canvas.Y += 6;
    }

    /// <summary>Draws one row: the text of each cell (one per column, newlines kept) wrapped to its column.</summary>
    /// <param name="cells">One text per column.</param>
    /// <param name="continued">The first cell's text on the pieces of the row after a page break.</param>
    public void Row(IReadOnlyList<string> cells, string continued)
    {
        var lines = columns.Select((c, i) => canvas.Lines(cells[i], c.Font, c.Width - (2 * Padding))).ToList();
        var lineHeight = columns.Select(c => ReportCanvas.LineHeight(c.Font)).Max();
        var total = lines.Max(l => l.Count);
        var start = 0;
        while (start < total)
        {
            var fit = (int)Math.Floor((canvas.Limit - canvas.Y - (2 * Padding)) / lineHeight);
            var left = total - start;
            var freshPage = (int)Math.Floor((canvas.PageContentHeight - HeaderHeight() - (2 * Padding)) / lineHeight);

            // Split a row only when it could not fit on a fresh page either, and never into a sliver of a line or two.
            if (fit < left && (left <= freshPage || fit < 3))
            {
                canvas.NewPage();
                canvas.PageStarted?.Invoke();
                continue;
            }

            var take = Math.Min(fit, left);
            var height = (take * lineHeight) + (2 * Padding);
            var x = ReportCanvas.Left;
            for (var c = 0; c < columns.Count; c++)
            {
                var piece = lines[c].Skip(start).Take(take).ToList();
                if (c == 0 && start > 0)
                {
                    piece = [continued];
                }

                for (var l = 0; l < piece.Count; l++)
                {
                    canvas.Text(piece[l], columns[c].Font, x + Padding, canvas.Y + Padding + (l * lineHeight));
                }

                x += columns[c].Width;
            }

            DrawRules(height);
            canvas.Y += height;
            start += take;
            if (start < total)
            {
                canvas.NewPage();
                canvas.PageStarted?.Invoke();
            }
        }
    }

    private double HeaderHeight() =>
        columns.Max(c => canvas.Lines(c.Header, style.SmallBold, c.Width - (2 * Padding)).Count) * ReportCanvas.LineHeight(style.SmallBold) + (2 * Padding);

    private void DrawHeader()
    {
        var height = HeaderHeight();
        canvas.Graphics.DrawRectangle(style.HeaderFill, ReportCanvas.Left, canvas.Y, columns.Sum(c => c.Width), height);
        var x = ReportCanvas.Left;
        foreach (var column in columns)
        {
            var lines = canvas.Lines(column.Header, style.SmallBold, column.Width - (2 * Padding));
            for (var l = 0; l < lines.Count; l++)
            {
                canvas.Text(lines[l], style.SmallBold, x + Padding, canvas.Y + Padding + (l * ReportCanvas.LineHeight(style.SmallBold)));
            }

            x += column.Width;
        }

        DrawRules(height);
        canvas.Y += height;
    }

    private void DrawRules(double height)
    {
        var width = columns.Sum(c => c.Width);
        var top = canvas.Y;
        var graphics = canvas.Graphics;
        graphics.DrawLine(style.Rule, ReportCanvas.Left, top, ReportCanvas.Left + width, top);
        graphics.DrawLine(style.Rule, ReportCanvas.Left, top + height, ReportCanvas.Left + width, top + height);
        var x = ReportCanvas.Left;
        graphics.DrawLine(style.Rule, x, top, x, top + height);
        foreach (var column in columns)
        {
            x += column.Width;
            graphics.DrawLine(style.Rule, x, top, x, top + height);
        }
    }
}
