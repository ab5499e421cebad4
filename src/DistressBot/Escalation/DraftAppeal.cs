using System.Globalization;
using System.Text.RegularExpressions;
using DistressBot.Domain;
using DistressBot.Localization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DistressBot.Escalation;

/// <summary>What a draft filing is made from.</summary>
/// <param name="Kind">Which filing.</param>
/// <param name="Case">The case, with its facts (<see cref="Case.Facts"/>) and timeline.</param>
/// <param name="SubjectAlias">The alias of the person the case is about.</param>
/// <param name="People">Finds a person by id (null when no longer enrolled), to name who was told and who acted.</param>
/// <param name="Language">The reader's language.</param>
/// <param name="Zone">The reader's time zone: every time in the draft is its wall clock with the UTC offset.</param>
/// <param name="Now">When the draft is made.</param>
public sealed record DraftInput(DraftKind Kind, Case Case, string SubjectAlias, Func<string, Person?> People, Language Language, TimeZoneInfo Zone, DateTimeOffset Now);

/// <summary>
/// A draft filing as an editable Word document (.docx, through DocumentFormat.OpenXml): a missing-person report to the police, an
/// urgent action to the UN Working Group on Enforced or Involuntary Disappearances, or a request for interim measures. Marked DRAFT
/// at the top, the bottom and on every page; every fact the case does not hold is a highlighted blank "[TO FILL: …]", never a guess.
/// Pure: the same input gives the same words.
/// </summary>
public static partial class DraftAppeal
{
    /// <summary>The MIME type of a .docx.</summary>
    public const string MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>"C-0042-wgeid-draft.docx".</summary>
    public static string FileName(string caseId, DraftKind kind) => $"{caseId}-{DraftKinds.Word(kind)}-draft.docx";

    /// <summary>The draft's bytes.</summary>
    public static byte[] Make(DraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new Body();
        foreach (var paragraph in Paragraphs(input))
        {
            body.Append(paragraph);
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(input.Language);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Centred(Plain(Text(DraftText.HeaderMark, input.Language), bold: true, red: true)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1701U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static IEnumerable<Paragraph> Paragraphs(DraftInput input)
    {
        var language = input.Language;
        var facts = input.Case.Facts;
        string T(DraftText id, params object[] args) => DraftTexts.Format(id, language, args);
        string Time(DateTimeOffset at) => Clock(at, input.Zone);
        Run Fact(string key, DraftText label) =>
            facts.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? Plain(value) : Blank(T(DraftText.ToFill, T(label)));
        Paragraph Row(DraftText label, Run value) => new(Plain(T(DraftText.Row, Capital(T(label))), bold: true), value);
        Paragraph FactRow(string key, DraftText label) => Row(label, Fact(key, label));

        var mark = T(DraftText.Mark, input.Case.Id, Time(input.Now));
        yield return new Paragraph(Plain(mark, bold: true, red: true));
        var (addressee, title, intro, request) = input.Kind switch
        {
            DraftKind.Police => (Blank(T(DraftText.ToFill, T(DraftText.PoliceAddressee))), DraftText.PoliceTitle, DraftText.PoliceIntro, DraftText.PoliceRequest),
            DraftKind.Wgeid => (Plain(T(DraftText.WgeidAddressee)), DraftText.WgeidTitle, DraftText.WgeidIntro, DraftText.WgeidRequest),
            _ => (Blank(T(DraftText.ToFill, T(DraftText.InterimAddressee))), DraftText.InterimTitle, DraftText.InterimIntro, DraftText.InterimRequest),
        };
        yield return new Paragraph(Plain(T(DraftText.To), bold: true), addressee);
        yield return Centred(Plain(T(title), bold: true, size: 28));
        var who = Fact(DraftFacts.FullName, DraftText.FieldFullName);
        var state = Fact(DraftFacts.HostState, DraftText.FieldHostState);
        yield return Filled(DraftTexts.Template(intro, language), who, state);

        yield return Heading(T(DraftText.IdentityHeading));
        yield return FactRow(DraftFacts.FullName, DraftText.FieldFullName);
        yield return FactRow(DraftFacts.DateOfBirth, DraftText.FieldDateOfBirth);
        yield return FactRow(DraftFacts.Nationality, DraftText.FieldNationality);
        yield return FactRow(DraftFacts.IdDocument, DraftText.FieldIdDocument);
        if (input.Kind == DraftKind.Police)
        {
            yield return FactRow(DraftFacts.Description, DraftText.FieldDescription);
        }

        yield return Row(DraftText.FieldAlias, Plain(T(DraftText.AliasValue, input.SubjectAlias, input.Case.Id)));

        yield return Heading(T(DraftText.DeprivationHeading));
        yield return FactRow(DraftFacts.DeprivedAt, DraftText.FieldDeprivedAt);
        yield return FactRow(DraftFacts.LastKnownPlace, DraftText.FieldLastKnownPlace);
        yield return Row(DraftText.FieldLastCheckin, input.Case.LastCheckinAt is { } last ? Plain(Time(last)) : Blank(T(DraftText.ToFill, T(DraftText.FieldLastCheckin))));
        if (input.Case.MissedDeadline is { } deadline)
        {
            yield return Row(DraftText.FieldMissedDeadline, Plain(Time(deadline)));
        }

        yield return Row(DraftText.FieldAlarm, Plain(T(DraftText.AlarmValue, Time(input.Case.OpenedAt), CaseViews.TriggerWord(input.Case.Trigger, language))));
        if (input.Case.Timeline.LastOrDefault(e => e.Kind == CaseEntryKind.Location && e.Detail is not null) is { } location)
        {
            yield return Row(DraftText.FieldLastLocation, Plain(T(DraftText.LocationValue, Time(location.At), location.Detail!)));
        }

        yield return Heading(T(DraftText.ResponsibleHeading));
        yield return FactRow(DraftFacts.DeprivedBy, DraftText.FieldDeprivedBy);

        yield return Heading(T(DraftText.StepsHeading));
        yield return FactRow(DraftFacts.RelativesSteps, DraftText.FieldRelativesSteps);
        yield return FactRow(DraftFacts.LawyerSteps, DraftText.FieldLawyerSteps);

        if (input.Kind == DraftKind.Interim)
        {
            yield return Heading(T(DraftText.RiskHeading));
            yield return FactRow(DraftFacts.HostState, DraftText.FieldHostState);
            yield return FactRow(DraftFacts.Risk, DraftText.FieldRisk);
        }

        yield return Heading(T(DraftText.TimelineHeading, input.Zone.Id));
        yield return new Paragraph(Plain(T(DraftText.TimelineNote, input.Case.Id), size: 20));
        foreach (var line in TimelineLines(input))
        {
            yield return new Paragraph(Plain(Time(line.At) + " — ", bold: true), Plain(line.Text));
        }

        yield return Filled(DraftTexts.Template(request, language), Fact(DraftFacts.HostState, DraftText.FieldHostState));

        yield return Heading(T(DraftText.SubmitterHeading));
        yield return FactRow(DraftFacts.Submitter, DraftText.FieldSubmitter);
        yield return Row(DraftText.FieldDate, Blank(T(DraftText.ToFill, T(DraftText.FieldDate))));
        yield return Row(DraftText.FieldSignature, Blank(T(DraftText.ToFill, T(DraftText.FieldSignature))));
        yield return new Paragraph(Plain(mark, bold: true, red: true));
    }

    // The steps a lawyer files about: alarms, check-ins, who was told (each person once, when first told), escalation, who took
    // it, notes, locations, resolution, outages and facts; reads, exports and the alert machinery stay in the log.
    private static IEnumerable<(DateTimeOffset At, string Text)> TimelineLines(DraftInput input)
    {
        var language = input.Language;
        string T(DraftText id, params object[] args) => DraftTexts.Format(id, language, args);
        string Who(string? id)
        {
            var person = id is null ? null : input.People(id);
            if (person is null)
            {
                return T(DraftText.Unknown);
            }

            var role = person.Role switch
            {
                Role.Subject => DraftText.RoleSubject,
                Role.Coordinator => DraftText.RoleCoordinator,
                _ => DraftText.RoleLawyer,
            };
            return T(DraftText.Person, person.Name, T(role));
        }

        // What the case knows from before it opened comes first; the steps keep their order among equal times.
        var lines = new List<(DateTimeOffset At, string Text)>();
        if (input.Case.LastCheckinAt is { } last)
        {
            lines.Add((last, T(DraftText.StepLastCheckin)));
        }

        if (input.Case.MissedDeadline is { } deadline)
        {
            lines.Add((deadline, T(DraftText.StepDeadlineMissed)));
        }

        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in input.Case.Timeline)
        {
            var text = step.Kind switch
            {
                CaseEntryKind.Opened => T(DraftText.StepOpened, CaseViews.TriggerWord(input.Case.Trigger, language)),
                CaseEntryKind.Joined => T(DraftText.StepJoined),
                CaseEntryKind.SubjectCheckedIn => T(DraftText.StepCheckedIn),
                CaseEntryKind.AlertDelivered when step.PersonId is { } id && told.Add(id) => T(DraftText.StepTold, Who(id)),
                CaseEntryKind.Escalated => T(DraftText.StepEscalated),
                CaseEntryKind.Acknowledged => T(DraftText.StepAcknowledged, Who(step.PersonId)),
                CaseEntryKind.Note => T(DraftText.StepNote, Who(step.PersonId), step.Detail ?? ""),
                CaseEntryKind.Location => T(DraftText.StepLocation, step.Detail ?? ""),
                CaseEntryKind.Resolved => T(DraftText.StepResolved, Who(step.PersonId), Outcome(step.Detail, language)),
                CaseEntryKind.Outage => T(DraftText.StepOutage, step.Detail ?? ""),
                CaseEntryKind.Fact => T(DraftText.StepFact, Who(step.PersonId), FactDetail(step.Detail, language)),
                _ => null,
            };
            if (text is not null)
            {
                lines.Add((step.At, text));
            }
        }

        return lines.OrderBy(line => line.At);
    }

    private static readonly Dictionary<string, DraftText> FieldOf = new(StringComparer.Ordinal)
    {
        [DraftFacts.FullName] = DraftText.FieldFullName,
        [DraftFacts.DateOfBirth] = DraftText.FieldDateOfBirth,
        [DraftFacts.Nationality] = DraftText.FieldNationality,
        [DraftFacts.IdDocument] = DraftText.FieldIdDocument,
        [DraftFacts.Description] = DraftText.FieldDescription,
        [DraftFacts.LastKnownPlace] = DraftText.FieldLastKnownPlace,
        [DraftFacts.DeprivedAt] = DraftText.FieldDeprivedAt,
        [DraftFacts.DeprivedBy] = DraftText.FieldDeprivedBy,
        [DraftFacts.RelativesSteps] = DraftText.FieldRelativesSteps,
        [DraftFacts.LawyerSteps] = DraftText.FieldLawyerSteps,
        [DraftFacts.HostState] = DraftText.FieldHostState,
        [DraftFacts.Risk] = DraftText.FieldRisk,
        [DraftFacts.Submitter] = DraftText.FieldSubmitter,
    };

    // "full_name: Ivan" as SetCaseFact writes it, with the key in the reader's words; any other shape as stored.
    private static string FactDetail(string? detail, Language language)
    {
        var colon = detail?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon > 0 && FieldOf.TryGetValue(detail![..colon], out var field)
            ? DraftTexts.Template(field, language) + detail[colon..]
            : detail ?? "";
    }

    // "Detained: note" as CloseCase writes it, with the outcome in the reader's words; any other shape as stored.
    private static string Outcome(string? detail, Language language)
    {
        if (detail is null)
        {
            return "";
        }

        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        var word = colon < 0 ? detail : detail[..colon];
        return Enum.GetNames<CaseOutcome>().Contains(word, StringComparer.Ordinal)
            ? CaseAlerts.OutcomeWord(Enum.Parse<CaseOutcome>(word), language) + (colon < 0 ? "" : detail[colon..])
            : detail;
    }

    /// <summary>"30.11.2026 21:15 UTC+3": the wall clock of <paramref name="zone"/> with the year, and the UTC offset.</summary>
    public static string Clock(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " " + LocalTime.OffsetLabel(local.Offset);
    }

    private static string Text(DraftText id, Language language) => DraftTexts.Template(id, language);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Paragraph Heading(string text) =>
        new(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }), Plain(text, bold: true, size: 26));

    private static Paragraph Centred(Run run) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), run);

    // A template's text with its {0}, {1} replaced by runs (a name or a highlighted blank).
    private static Paragraph Filled(string template, params Run[] parts)
    {
        var paragraph = new Paragraph();
        var at = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            paragraph.Append(Plain(template[at..match.Index]));
            paragraph.Append((Run)parts[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)].CloneNode(true));
            at = match.Index + match.Length;
        }

        paragraph.Append(Plain(template[at..]));
        return paragraph;
    }

    // A run of text; line breaks in it (a fact or a note typed on several lines) stay line breaks.
    private static Run Plain(string text, bool bold = false, bool red = false, int? size = null, bool highlight = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (red)
        {
            properties.Append(new Color { Val = "C00000" });
        }

        if (size is { } halfPoints)
        {
            properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        }

        if (highlight)
        {
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        }

        var run = new Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Run Blank(string text) => Plain(text, bold: true, highlight: true);

    private static Styles Styles(Language language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" },
                new Languages { Val = language == Language.Ru ? "ru-RU" : "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))));

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
