using System.Globalization;
using System.Security.Cryptography;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// Draft filings from a full case, read back with the OpenXML library: the case's number, alias, facts and timeline in the
/// reader's zone, marked DRAFT, a blank for every fact not given and nothing invented; only people on the case get one, and the
/// facts and the draft are steps of the case's log.
/// </summary>
public sealed class DraftAppealTests
{
    private static readonly DateTimeOffset Later = CaseChain.Opening + TimeSpan.FromMinutes(9);

    /// <summary>Every kind in both languages.</summary>
    public static TheoryData<DraftKind, Language> KindsAndLanguages()
    {
        var data = new TheoryData<DraftKind, Language>();
        foreach (var kind in Enum.GetValues<DraftKind>())
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void Run_FromAFullCase_HoldsTheCaseItsFactsAndTimelineInTheReadersZone_MarkedDraft_WithBlanksForTheRest(DraftKind kind, Language language)
    {
        var w = FullCase();
        var moscow = TimeZones.TryFind("Europe/Moscow", out var zone) ? zone : throw new InvalidOperationException("no zone data");

        var draft = w.World.Run(db => MakeDraft.Run(db, db.People.Find(w.People["Lev"].Id), "c-0001", kind, language, moscow, Later + TimeSpan.FromMinutes(5)))!;
        var (body, header) = Read(draft.Content);

        Assert.Contains(OpenCaseWorld.CaseId, body, StringComparison.Ordinal);
        Assert.Contains("Salek", body, StringComparison.Ordinal);
        Assert.Contains("Иван Петрович Сидоров", body, StringComparison.Ordinal);
        Assert.Contains("police officers in a grey van", body, StringComparison.Ordinal);
        Assert.Contains("the door was open, signs of a struggle", body, StringComparison.Ordinal); // the note, in the timeline
        Assert.Contains(language == Language.Ru ? "ЧЕРНОВИК" : "DRAFT", body, StringComparison.Ordinal);
        Assert.Contains(language == Language.Ru ? "ЧЕРНОВИК" : "DRAFT", header, StringComparison.Ordinal);

        // Moscow is UTC+3 all year: the alarm, the note and the draft's own time read so, with the year.
        Assert.Contains(At(CaseChain.Opening), body, StringComparison.Ordinal);
        Assert.Contains(At(Later), body, StringComparison.Ordinal);
        Assert.Contains(At(w.Case.MissedDeadline!.Value) + " — ", body, StringComparison.Ordinal); // the missed deadline, in the timeline
        Assert.Contains(language == Language.Ru ? "сведения от Lev (юрист): кто предположительно задержал или причастен: police officers" : "fact given by Lev (lawyer): who is believed to have taken them or to be responsible: police officers", body, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseChain.Opening.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC", body, StringComparison.Ordinal);

        var blank = language == Language.Ru ? "[ЗАПОЛНИТЬ: дата рождения]" : "[TO FILL: date of birth]";
        Assert.Contains(blank, body, StringComparison.Ordinal);
        Assert.Contains(language == Language.Ru ? "[ЗАПОЛНИТЬ: гражданство]" : "[TO FILL: nationality]", body, StringComparison.Ordinal);
        Assert.DoesNotContain(language == Language.Ru ? "[ЗАПОЛНИТЬ: фамилия, имя, отчество]" : "[TO FILL: full name]", body, StringComparison.Ordinal);
        Assert.DoesNotContain("1990", body, StringComparison.Ordinal); // no date of birth was given: none is made up
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(draft.Content)), draft.Sha256);
        Assert.Equal($"C-0001-{DraftKinds.Word(kind)}-draft.docx", draft.FileName);
        Assert.Empty(SchemaErrors(draft.Content)); // Word and LibreOffice open what the schema allows
    }

    [Fact]
    public void Run_WithTheDateOfBirthGiven_WritesIt_AndLeavesNoBlankForIt()
    {
        var w = FullCase();
        w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, "date_of_birth", "12.03.1990", Later));

        var draft = w.World.Run(db => MakeDraft.Run(db, null, OpenCaseWorld.CaseId, DraftKind.Wgeid, Language.En, TimeZoneInfo.Utc, Later))!;
        var (body, _) = Read(draft.Content);

        Assert.Contains("12.03.1990", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[TO FILL: date of birth]", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LogsTheFactsAndTheDraft_WithTheDraftsHash()
    {
        var w = FullCase();

        var draft = w.World.Run(db => MakeDraft.Run(db, db.People.Find(w.People["Olga"].Id), OpenCaseWorld.CaseId, DraftKind.Interim, Language.Ru, TimeZoneInfo.Utc, Later))!;

        var entries = w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId)).Select(bytes => CaseLogEntry.Parse(bytes)).ToList();
        var facts = entries.Where(e => e.Kind == CaseLogKinds.Fact).ToList();
        Assert.Equal(["full_name: Иван Петрович Сидоров", "deprived_by: police officers in a grey van"], facts.Select(e => e.Content));
        Assert.All(facts, e => Assert.Equal(new LogParty("lawyer", "Lev"), e.Actor));
        var made = Assert.Single(entries, e => e.Kind == CaseLogKinds.Draft);
        Assert.Equal(new LogParty("coordinator", "Olga"), made.Actor);
        Assert.Equal("interim ru sha256=" + draft.Sha256, made.Content);
    }

    [Theory]
    [InlineData("Zoe", "C-0001")]
    [InlineData("Mark", "C-0001")]
    [InlineData("Salek", "C-0001")]
    [InlineData("Lev", "C-0042")]
    public void Run_BySomeoneNotOnTheCase_GivesNothing_AndLogsOnlyTheRefusal(string actor, string typed)
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case.Timeline.Count;

        var draft = w.World.Run(db => MakeDraft.Run(db, db.People.Find(w.People[actor].Id), typed, DraftKind.Police, Language.En, TimeZoneInfo.Utc, Later));

        Assert.Null(draft);
        Assert.DoesNotContain(w.Case.Timeline, e => e.Kind == CaseEntryKind.DraftMade);
        Assert.Equal(before + (typed == OpenCaseWorld.CaseId ? 1 : 0), w.Case.Timeline.Count);
        if (typed == OpenCaseWorld.CaseId)
        {
            Assert.Equal(CaseEntryKind.AccessRefused, w.Case.Timeline[^1].Kind);
        }
    }

    [Theory]
    [InlineData("Zoe")]
    [InlineData("Mark")]
    [InlineData("Salek")]
    public void SetCaseFact_BySomeoneNotOnTheCase_IsNotFound_KeepsNothing_AndLogsTheRefusal(string actor)
    {
        var w = OpenCaseWorld.Start();

        var result = w.Act(actor, (db, person) => SetCaseFact.Run(db, person, OpenCaseWorld.CaseId, "full_name", "Someone", Later));

        Assert.Equal(CaseActionOutcome.NotFound, result.Outcome);
        Assert.Empty(w.Case.Facts);
        Assert.Equal(CaseEntryKind.AccessRefused, w.Case.Timeline[^1].Kind);
    }

    [Theory]
    [InlineData("nickname", "Ivan")]
    [InlineData("full_name", "  ")]
    public void SetCaseFact_UnknownKeyOrNoValue_IsUsage_AndChangesNothing(string key, string value)
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case.Timeline.Count;

        var result = w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, key, value, Later));

        Assert.Equal(CaseActionOutcome.FactUsage, result.Outcome);
        Assert.Empty(w.Case.Facts);
        Assert.Equal(before, w.Case.Timeline.Count);
    }

    [Fact]
    public void SetCaseFact_AgainForAKey_ReplacesTheValue_AndLogsBoth()
    {
        var w = OpenCaseWorld.Start();

        w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, "Last-Known-Place", "Moscow", Later));
        w.Act("Nina", (db, nina) => SetCaseFact.Run(db, nina, OpenCaseWorld.CaseId, "last_known_place", "Tver", Later));

        Assert.Equal("Tver", Assert.Single(w.Case.Facts).Value);
        Assert.Equal(["last_known_place: Moscow", "last_known_place: Tver"], w.Case.Timeline.Where(e => e.Kind == CaseEntryKind.Fact).Select(e => e.Detail));
    }

    [Fact]
    public void FactUsage_ListsEveryKey_InBothLanguages() =>
        Assert.All(Enum.GetValues<Language>(), language =>
            Assert.All(DraftFacts.Keys, key => Assert.Contains("\n" + key + " — ", TextCatalogue.Format(language, TextId.FactUsage), StringComparison.Ordinal)));

    [Fact]
    public void DraftTexts_EveryTextExistsInBothLanguages_WithTheSamePlaceholders()
    {
        Assert.Equal(Enum.GetValues<DraftText>().Order(), DraftTexts.Ids.Order());
        Assert.All(Enum.GetValues<DraftText>(), id =>
        {
            var (ru, en) = (DraftTexts.Template(id, Language.Ru), DraftTexts.Template(id, Language.En));
            Assert.False(string.IsNullOrWhiteSpace(ru));
            Assert.False(string.IsNullOrWhiteSpace(en));
            Assert.Equal(Placeholders(en), Placeholders(ru));
        });
    }

    // Salek's case with Lev's facts (full name, who took him) and Nina's note.
    private static OpenCaseWorld FullCase()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, "full_name", "Иван Петрович Сидоров", Later - TimeSpan.FromMinutes(2)));
        w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, "deprived_by", "police officers in a grey van", Later - TimeSpan.FromMinutes(1)));
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, "the door was open, signs of a struggle", Later));
        return w;
    }

    private static string At(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(3)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC+3";

    private static (string Body, string Header) Read(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var body = string.Join("\n", main.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        var header = string.Join("\n", main.HeaderParts.Select(h => h.Header!.InnerText));
        return (body, header);
    }

    private static List<string> SchemaErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => e.Description + " at " + e.Path?.XPath)];
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
