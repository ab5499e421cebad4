using System.Globalization;
using DistressBot.Localization;
using PdfSharp.Drawing;

namespace DistressBot.Evidence.Report;

/// <summary>
/// The chart: the last check-in, the deadline, the grace end (the alarm), the opening, later check-ins, the
/// acknowledgement and the resolution on one time axis, each a numbered mark explained, with its time, in a list under it.
/// </summary>
internal sealed class TimelineChart(ReportCanvas canvas, ReportStyle style, ReportClock clock, Language language)
{
    private const double Height = 92;
    private const double AxisFromTop = 62;
    private const double LevelHeight = 11;
    private const int Levels = 4;

    private enum Shape
    {
        Dot,
        Bar,
        Triangle,
        Diamond,
        Square,
    }

    private sealed record Mark(DateTimeOffset At, ReportText Label, Shape Shape, XColor Color);

    /// <summary>Draws the chart and its list for <paramref name="facts"/>; when no mark has a time, says so instead.</summary>
    public void Draw(CaseFacts facts)
    {
        var marks = Marks(facts).OrderBy(m => m.At).ToList();
        if (marks.Count == 0)
        {
            canvas.Paragraph(ReportTexts.Template(ReportText.None, language), style.Body);
            return;
        }

        canvas.Ensure(Height + 30);
        var top = canvas.Y;
        var (from, to) = Range(marks);
        var left = ReportCanvas.Left + 8;
        var width = canvas.Width - 16;
        double X(DateTimeOffset at) => left + (width * (at - from).TotalSeconds / (to - from).TotalSeconds);

        var graphics = canvas.Graphics;
        var axisY = top + AxisFromTop;
        graphics.DrawLine(new XPen(XColors.Black, 0.8), left, axisY, left + width, axisY);
        var withDate = clock.Day(from) != clock.Day(to);
        for (var t = 0; t <= 4; t++)
        {
            var at = from + ((to - from) * t / 4);
            var x = X(at);
            graphics.DrawLine(new XPen(XColors.Black, 0.5), x, axisY, x, axisY + 3);
            var tick = clock.Tick(at, withDate);
            var tickWidth = canvas.Measure(tick, style.Small);
            canvas.Text(tick, style.Small, Math.Clamp(x - (tickWidth / 2), ReportCanvas.Left, ReportCanvas.Left + canvas.Width - tickWidth), axisY + 5, style.Grey);
        }

        // Numbers stand on staggered levels so marks close in time keep readable numbers.
        var levelEnds = new double[Levels];
        Array.Fill(levelEnds, double.MinValue);
        for (var i = 0; i < marks.Count; i++)
        {
            var mark = marks[i];
            var x = X(mark.At);
            DrawShape(graphics, mark, x, axisY);
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var numberWidth = canvas.Measure(number, style.SmallBold);
            var level = Array.FindIndex(levelEnds, end => end < x - (numberWidth / 2) - 1.5);
            level = level < 0 ? i % Levels : level;
            levelEnds[level] = x + (numberWidth / 2);
            var numberTop = axisY - 14 - (level * LevelHeight) - ReportCanvas.LineHeight(style.SmallBold);
            graphics.DrawLine(new XPen(XColor.FromArgb(190, 190, 190), 0.3), x, numberTop + ReportCanvas.LineHeight(style.SmallBold), x, axisY - 5);
            canvas.Text(number, style.SmallBold, x - (numberWidth / 2), numberTop);
        }

        canvas.Y = top + Height;
        for (var i = 0; i < marks.Count; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {clock.Full(marks[i].At)} — {ReportTexts.Template(marks[i].Label, language)}");
            canvas.Ensure(ReportCanvas.LineHeight(style.Small));
            DrawShape(canvas.Graphics, marks[i], ReportCanvas.Left + 4, canvas.Y + (ReportCanvas.LineHeight(style.Small) / 2));
            canvas.Paragraph(line, style.Small, indent: 12, after: 0);
        }

        canvas.Y += 4;
    }

    private static IEnumerable<Mark> Marks(CaseFacts facts)
    {
        var opening = facts.Opening;
        if (OpeningContent.Time(opening.LastCheckin) is { } last)
        {
            yield return new Mark(last, ReportText.MarkLastCheckin, Shape.Dot, XColors.SeaGreen);
        }

        if (OpeningContent.Time(opening.Deadline) is { } deadline)
        {
            yield return new Mark(deadline, ReportText.MarkDeadline, Shape.Bar, XColors.DarkOrange);
        }

        if (OpeningContent.Time(opening.GraceEnd) is { } graceEnd)
        {
            yield return new Mark(graceEnd, ReportText.MarkGraceEnd, Shape.Bar, XColors.Firebrick);
        }

        if (facts.Opened is { } opened)
        {
            yield return new Mark(opened.At, ReportText.MarkOpened, Shape.Triangle, XColors.Firebrick);
        }

        foreach (var checkIn in facts.CheckIns)
        {
            yield return new Mark(checkIn.TelegramDate ?? checkIn.At, ReportText.MarkCheckin, Shape.Dot, XColors.SeaGreen);
        }

        if (facts.Acknowledged is { } acknowledged)
        {
            yield return new Mark(acknowledged.At, ReportText.MarkAcknowledged, Shape.Diamond, XColors.RoyalBlue);
        }

        if (facts.Resolved is { } resolved)
        {
            yield return new Mark(resolved.At, ReportText.MarkResolved, Shape.Square, XColors.Black);
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To) Range(List<Mark> marks)
    {
        var from = marks[0].At;
        var to = marks[^1].At;
        var span = to - from;
        var pad = span < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(30) : span * 0.04;
        return (from - pad, to + pad);
    }

    private static void DrawShape(XGraphics graphics, Mark mark, double x, double y)
    {
        var brush = new XSolidBrush(mark.Color);
        const double R = 3.2;
        switch (mark.Shape)
        {
            case Shape.Dot:
                graphics.DrawEllipse(brush, x - R, y - R, 2 * R, 2 * R);
                break;
            case Shape.Bar:
                graphics.DrawRectangle(brush, x - 1, y - (2 * R), 2, 4 * R);
                break;
            case Shape.Triangle:
                graphics.DrawPolygon(brush, [new XPoint(x, y - R - 1), new XPoint(x - R - 0.5, y + R), new XPoint(x + R + 0.5, y + R)], XFillMode.Winding);
                break;
            case Shape.Diamond:
                graphics.DrawPolygon(brush, [new XPoint(x, y - R - 1), new XPoint(x - R, y), new XPoint(x, y + R + 1), new XPoint(x + R, y)], XFillMode.Winding);
                break;
            default:
                graphics.DrawRectangle(brush, x - R, y - R, 2 * R, 2 * R);
                break;
        }
    }
}
