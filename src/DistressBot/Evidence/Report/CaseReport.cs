using System.Globalization;
using DistressBot.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DistressBot.Evidence.Report;

/// <summary>
/// report.pdf, the case report a judge reads (docs/evidence.md, "The bundle"): the case summary, a chart of the case on
/// one time axis, every log entry with its leaf hash, the signed checkpoint, the verifier key and how to verify, in the
/// reader's language and time zone. Pure rendering: everything it says comes from <see cref="CaseReportInput"/>.
/// </summary>
public static class CaseReport
{
    /// <summary>The PDF bytes of the report for <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">No entries, entries of more than one case, or an entry whose bytes cannot be formed (unknown role, negative seq).</exception>
    /// <exception cref="InvalidOperationException">PDFsharp's font resolvers are all taken by someone else (see <see cref="ReportFonts.Install"/>).</exception>
    public static byte[] Render(CaseReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The summary and the chart read only what the bundle shows: a redacted entry's time and content stay out.
        var facts = CaseFacts.Of([.. input.Entries.Where(e => !input.Redacted.Contains(e.Sequence))]);
        var hashes = input.Entries.Select(e => Convert.ToHexStringLower(MerkleTree.HashLeaf(e.ToBytes()))).ToList();
        ReportFonts.Install();

        var language = input.Language;
        var clock = new ReportClock(input.TimeZone, language);
        var style = new ReportStyle();
        using var document = new PdfDocument();
        document.Info.Title = ReportTexts.Format(ReportText.Title, language, facts.CaseId);
        document.Info.Creator = "DistressBot";
        document.Info.CreationDate = input.MadeAt.UtcDateTime;
        document.Language = language == Language.Ru ? "ru" : "en";

        using (var canvas = new ReportCanvas(document))
        {
            canvas.Paragraph(ReportTexts.Format(ReportText.Title, language, facts.CaseId), style.Title, after: 2);
            canvas.Paragraph(
                ReportTexts.Format(ReportText.Subtitle, language, clock.Full(input.MadeAt), input.Entries.Count.ToString(CultureInfo.InvariantCulture)),
                style.Body, brush: style.Grey);

            canvas.Heading(ReportTexts.Template(ReportText.SummaryHeading, language), style.Heading);
            Summary(canvas, style, facts, input.Entries.Any(e => e.Kind == CaseLogKinds.Resolved && input.Redacted.Contains(e.Sequence)), clock, language);

            canvas.Heading(ReportTexts.Template(ReportText.ChartHeading, language), style.Heading, keepWith: 120);
            canvas.Paragraph(ReportTexts.Format(ReportText.ChartNote, language, clock.ZoneName), style.Small, brush: style.Grey);
            new TimelineChart(canvas, style, clock, language).Draw(facts);

            canvas.Heading(ReportTexts.Template(ReportText.TimelineHeading, language), style.Heading);
            canvas.Paragraph(ReportTexts.Format(ReportText.TimelineNote, language, clock.ZoneName), style.Small, brush: style.Grey);
            var redacted = input.Entries.Where(e => input.Redacted.Contains(e.Sequence)).ToList();
            if (redacted.Count > 0)
            {
                var kinds = string.Join(", ", redacted.Select(e => e.Kind).Distinct(StringComparer.Ordinal).Select(k => ReportTexts.Kind(k, language)));
                canvas.Paragraph(ReportTexts.Format(ReportText.RedactedNote, language, redacted.Count.ToString(CultureInfo.InvariantCulture), kinds), style.Small, brush: style.Grey);
            }

            Timeline(canvas, style, input.Entries, input.Redacted, hashes, clock, language);
            EvidenceFiles(canvas, style, input, language);

            canvas.Heading(ReportTexts.Template(ReportText.CheckpointHeading, language), style.Heading);
            canvas.Paragraph(ReportTexts.Template(ReportText.CheckpointNote, language), style.Small, brush: style.Grey);
            canvas.Paragraph(input.CheckpointNote.TrimEnd('\n'), style.Mono, indent: 8);

            canvas.Heading(ReportTexts.Template(ReportText.VerifierKeyHeading, language), style.Heading);
            canvas.Paragraph(ReportTexts.Template(ReportText.VerifierKeyNote, language), style.Small, brush: style.Grey);
            canvas.Paragraph(input.VerifierKey.TrimEnd('\n'), style.Mono, indent: 8);

            canvas.Heading(ReportTexts.Template(ReportText.HowToVerifyHeading, language), style.Heading);
            canvas.Paragraph(ReportTexts.Template(ReportText.HowToVerify, language), style.Body);
        }

        Footers(document, style, facts.CaseId, language);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // Each evidence entry's file by name, size and SHA-256 (the bundle's evidence/<hex>); nothing when there are none.
    private static void EvidenceFiles(ReportCanvas canvas, ReportStyle style, CaseReportInput input, Language language)
    {
        var files = input.Entries
            .Where(e => e.Kind == CaseLogKinds.Evidence && !input.Redacted.Contains(e.Sequence) && e.Content is not null)
            .Select(e => (Entry: e, File: EvidenceContent.Parse(e.Content!)))
            .Where(f => f.File is not null)
            .ToList();
        if (files.Count == 0)
        {
            return;
        }

        canvas.Heading(ReportTexts.Template(ReportText.EvidenceHeading, language), style.Heading);
        canvas.Paragraph(ReportTexts.Template(ReportText.EvidenceNote, language), style.Small, brush: style.Grey);
        foreach (var (entry, file) in files)
        {
            var sender = entry.Actor.Alias is { } alias ? ReportTexts.Role(entry.Actor.Role, language) + " " + alias : ReportTexts.Role(entry.Actor.Role, language);
            canvas.Paragraph(
                ReportTexts.Format(ReportText.EvidenceFile, language, file!.FileName, file.Length.ToString(CultureInfo.InvariantCulture), entry.Sequence.ToString(CultureInfo.InvariantCulture), sender),
                style.Body,
                after: 1);
            canvas.Paragraph("SHA-256 " + file.Sha256, style.Mono, indent: 8);
        }
    }

    private static void Summary(ReportCanvas canvas, ReportStyle style, CaseFacts facts, bool resolutionRedacted, ReportClock clock, Language language)
    {
        string T(ReportText id) => ReportTexts.Template(id, language);
        string Who(LogParty party) => party.Alias is { } alias ? $"{ReportTexts.Role(party.Role, language)} {alias}" : ReportTexts.Role(party.Role, language);
        string When(string? raw) => raw is null || raw == "none"
            ? T(ReportText.None)
            : OpeningContent.Time(raw) is { } at ? clock.Full(at) : raw;

        var opening = facts.Opening;
        var rows = new List<(ReportText Label, string Value)>
        {
            (ReportText.SummaryCase, facts.CaseId),
            (ReportText.SummarySubject, facts.Opened?.Person?.Alias ?? T(ReportText.None)),
            (ReportText.SummaryTrigger, opening.Trigger is { } trigger ? ReportTexts.Trigger(trigger, language) : T(ReportText.None)),
            (ReportText.SummaryOpened, facts.Opened is { } opened ? clock.Full(opened.At) : T(ReportText.None)),
            (ReportText.SummaryLastCheckin, When(opening.LastCheckin)),
            (ReportText.SummaryDeadline, When(opening.Deadline)),
            (ReportText.SummaryGraceEnd, When(opening.GraceEnd)),
        };
        if (opening.Detail is { } detail)
        {
            rows.Add((ReportText.SummaryDetail, detail));
        }

        rows.Add((ReportText.SummaryAcknowledged, facts.Acknowledged is { } ack
            ? ReportTexts.Format(ReportText.ByWhen, language, Who(ack.Actor), clock.Full(ack.At))
            : T(ReportText.NotAcknowledged)));
        rows.Add((ReportText.SummaryOutcome, facts.Resolved is { } resolved
            ? ReportTexts.Format(ReportText.OutcomeByWhen, language, resolved.Content is { } outcome ? ReportTexts.Outcome(outcome, language) : T(ReportText.None), Who(resolved.Actor), clock.Full(resolved.At))
            : resolutionRedacted ? T(ReportText.Redacted) : T(ReportText.StillOpen)));

        const double LabelWidth = 150;
        var lineHeight = ReportCanvas.LineHeight(style.Body);
        foreach (var (label, value) in rows)
        {
            var lines = canvas.Lines(value, style.Body, canvas.Width - LabelWidth);
            canvas.Ensure(lineHeight);
            canvas.Text(T(label), style.BodyBold, ReportCanvas.Left, canvas.Y);
            foreach (var line in lines)
            {
                canvas.Ensure(lineHeight);
                canvas.Text(line, style.Body, ReportCanvas.Left + LabelWidth, canvas.Y);
                canvas.Y += lineHeight;
            }

            canvas.Y += 1.5;
        }
    }

    private static void Timeline(
        ReportCanvas canvas, ReportStyle style, IReadOnlyList<CaseLogEntry> entries, IReadOnlySet<long> redacted, List<string> hashes, ReportClock clock, Language language)
    {
        string T(ReportText id) => ReportTexts.Template(id, language);
        string Who(LogParty party) => party.Alias is { } alias ? $"{ReportTexts.Role(party.Role, language)}\n{alias}" : ReportTexts.Role(party.Role, language);

        // Widths in points: 511 in all, the width between the margins of an A4 page.
        const double HashWidth = 16 * 6.5 * 0.602;
        var columns = new TimelineTable.Column[]
        {
            new(T(ReportText.ColumnSeq), 28, style.Small),
            new(T(ReportText.ColumnTime), 78, style.Small),
            new(T(ReportText.ColumnWhat), 74, style.Small),
            new(T(ReportText.ColumnWho), 72, style.Small),
            new(T(ReportText.ColumnContent), canvas.Width - 28 - 78 - 74 - 72 - (HashWidth + 6), style.Small),
            new(T(ReportText.ColumnHash), HashWidth + 6, style.MonoSmall),
        };
        var table = new TimelineTable(canvas, style, columns);
        table.Begin();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var seq = entry.Sequence.ToString(CultureInfo.InvariantCulture);
            // The hash in four lines of 16 hex digits: each line breaks nowhere else.
            var hash = string.Join('\n', hashes[i].Chunk(16).Select(c => new string(c)));
            if (redacted.Contains(entry.Sequence))
            {
                // Only what the redacted line itself shows: seq, kind and leaf hash.
                var kind = ReportTexts.Kind(entry.Kind, language);
                table.Row(
                    [seq, T(ReportText.Redacted), kind, T(ReportText.Redacted), ReportTexts.Format(ReportText.RedactedContent, language, kind), hash],
                    ReportTexts.Format(ReportText.Continued, language, seq));
                continue;
            }

            var time = clock.Full(entry.At);
            if (entry.TelegramDate is { } date)
            {
                time += "\n" + ReportTexts.Format(ReportText.TelegramDate, language, clock.Full(date));
            }

            var who = Who(entry.Actor);
            if (entry.Person is { } person)
            {
                who += "\n" + ReportTexts.Format(ReportText.PersonPrefix, language, Who(person));
            }

            var content = new List<string>();
            if (entry.Content is { } text)
            {
                content.Add(text);
            }

            if (entry.Text is { } sent)
            {
                content.Add(ReportTexts.Format(ReportText.TextPrefix, language, sent));
            }

            if (entry.MessageId is { } messageId)
            {
                content.Add(ReportTexts.Format(ReportText.MessageIdPrefix, language, messageId.ToString(CultureInfo.InvariantCulture)));
            }

            table.Row(
                [seq, time, ReportTexts.Kind(entry.Kind, language), who, string.Join('\n', content), hash],
                ReportTexts.Format(ReportText.Continued, language, seq));
        }

        table.End();
    }

    private static void Footers(PdfDocument document, ReportStyle style, string caseId, Language language)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var footer = ReportTexts.Format(ReportText.Footer, language, caseId, (i + 1).ToString(CultureInfo.InvariantCulture), document.PageCount.ToString(CultureInfo.InvariantCulture));
            var width = graphics.MeasureString(footer, style.Small).Width;
            graphics.DrawString(footer, style.Small, style.Grey, (page.Width.Point - width) / 2, page.Height.Point - 32, XStringFormats.TopLeft);
        }
    }
}
