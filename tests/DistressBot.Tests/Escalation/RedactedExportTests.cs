using System.IO.Compression;
using System.Text;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;
using DistressBot.Tests.Evidence;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// A redacted export (/export C-0001 locations,notes, export-case --redact): the chosen kinds are redacted lines, the
/// bundle verifies against the very checkpoint of the full one, and neither log.jsonl nor report.pdf holds what was withheld.
/// </summary>
public sealed class RedactedExportTests
{
    private const string Note = "Дверь открыта, следы борьбы";
    private const string ResolvingNote = "Передан полиции соседнего региона";
    private const string Coordinates = "55.75580, 37.61730";
    private const string LastKnownPlace = "ОВД Тверского района";
    private static readonly DateTimeOffset Later = CaseChain.Opening + TimeSpan.FromMinutes(9);

    [Fact]
    public void A_redacted_bundle_verifies_against_the_same_checkpoint_as_the_full_one_and_holds_nothing_withheld()
    {
        var data = ExportedCase("locations,notes");
        var full = CaseBundles.Make(data with { Redaction = Redaction.None }, Language.Ru, TimeZoneInfo.Utc, Later);
        var redacted = CaseBundles.Make(data, Language.Ru, TimeZoneInfo.Utc, Later);

        var (fullVerdict, redactedVerdict) = (Verify(full), Verify(redacted));

        Assert.True(fullVerdict.Verified, fullVerdict.Describe(Language.En));
        Assert.True(redactedVerdict.Verified, redactedVerdict.Describe(Language.En));
        Assert.Equal(full.Files["checkpoint"], redacted.Files["checkpoint"]);
        Assert.All(full.Files.Keys.Where(p => p.StartsWith("checkpoints/", StringComparison.Ordinal)), p => Assert.Equal(full.Files[p], redacted.Files[p]));
        var entries = data.Entries.Select(e => CaseLogEntry.Parse(e)).ToList();
        var withheld = entries.Where(e => e.Kind is CaseLogKinds.Location or CaseLogKinds.AlertDelivered or CaseLogKinds.Note or CaseLogKinds.Resolved or CaseLogKinds.Fact).Select(e => e.Sequence).ToList();
        Assert.Contains(entries, e => e.Kind == CaseLogKinds.Location);
        Assert.Contains(entries, e => e.Kind == CaseLogKinds.Resolved);
        Assert.Contains(entries, e => e.Kind == CaseLogKinds.Fact);
        Assert.Equal(withheld, redactedVerdict.Facts!.Redacted.Select(r => r.Sequence));
        Assert.Equal(data.Entries.Count, redactedVerdict.Facts.Entries);

        var fullLines = Lines(full);
        var redactedLines = Lines(redacted);
        foreach (var seq in withheld)
        {
            var line = RedactedEntry.Parse(Encoding.UTF8.GetBytes(redactedLines[(int)seq]));
            Assert.Equal(MerkleTree.HashLeaf(Encoding.UTF8.GetBytes(fullLines[(int)seq])), line.LeafHash);
        }

        Assert.All(Enumerable.Range(0, fullLines.Count).Where(i => !withheld.Contains(i)), i => Assert.Equal(fullLines[i], redactedLines[i]));
        var (fullLog, redactedLog) = (string.Join('\n', fullLines), string.Join('\n', redactedLines));
        var (fullPdf, redactedPdf) = (PdfText(full), PdfText(redacted));
        foreach (var secret in new[] { Note, ResolvingNote, LastKnownPlace, Coordinates, "openstreetmap" })
        {
            Assert.Contains(secret, fullLog, StringComparison.Ordinal); // so its absence below means something
            Assert.Contains(ReportCase.Squeeze(secret), fullPdf, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, redactedLog, StringComparison.Ordinal);
            Assert.DoesNotContain(ReportCase.Squeeze(secret), redactedPdf, StringComparison.Ordinal);
        }

        Assert.Contains(ReportCase.Squeeze("скрыто при выгрузке"), redactedPdf, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(redactedVerdict.Facts.Redacted[0].LeafHash)[..16], redactedPdf, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.Squeeze("задержан"), redactedPdf, StringComparison.Ordinal);
        Assert.Contains(ReportCase.Squeeze("задержан"), fullPdf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_export_is_logged_with_what_it_withheld_and_a_full_one_without()
    {
        var redacted = ExportedCase("notes, LOCATIONS");
        var full = ExportedCase(null);

        Assert.Equal("redacted=locations,notes", CaseLogEntry.Parse(redacted.Entries[^1]).Content);
        Assert.Equal(CaseLogKinds.Exported, CaseLogEntry.Parse(redacted.Entries[^1]).Kind);
        Assert.Null(CaseLogEntry.Parse(full.Entries[^1]).Content);
        Assert.True(full.Redaction.IsNone);
    }

    [Fact]
    public void Export_in_Telegram_with_notes_sends_a_zip_that_withholds_the_notes_and_verifies()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, Note, Later));
        var chat = new BotChat(w.World);

        var delivered = chat.Say(w.World.Person(w.People["Lev"].Id), "/export C-0001 notes");

        var zip = Assert.Single(delivered, d => d.Sent.Ready.Document is not null).Sent.Ready.Document!.Content.ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"distressbot-redacted-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, zip);
        try
        {
            var verdict = BundleVerifier.Verify(path);
            Assert.True(verdict.Verified, verdict.Describe(Language.En));
            Assert.Contains(verdict.Facts!.Redacted, r => r.Kind == CaseLogKinds.Note);
            using var archive = new ZipArchive(new MemoryStream(zip));
            using var reader = new StreamReader(archive.GetEntry("log.jsonl")!.Open(), Encoding.UTF8);
            var log = reader.ReadToEnd();
            Assert.DoesNotContain(Note, log, StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"exported\"", log, StringComparison.Ordinal);
            Assert.Contains("\"content\":\"redacted=notes\"", log, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Export_in_Telegram_with_an_unknown_word_exports_nothing_and_says_which_words_it_takes()
    {
        var w = OpenCaseWorld.Start();
        var chat = new BotChat(w.World);
        var before = w.Case.Timeline.Count;

        var reply = chat.Reply(w.World.Person(w.People["Lev"].Id), "/export C-0001 photos");

        Assert.Contains("'photos' is not a word /export takes", reply, StringComparison.Ordinal);
        Assert.Contains("locations,notes", reply, StringComparison.Ordinal);
        Assert.Equal(before, w.Case.Timeline.Count);
        Assert.DoesNotContain(w.Case.Timeline, e => e.Kind == CaseEntryKind.Exported);
    }

    // C-0001 with a location passed on to the recipients, a note in Russian, a fact for the drafts and a resolution with a note, exported by the admin.
    private static CaseExportData ExportedCase(string? words)
    {
        var w = OpenCaseWorld.Start();
        w.World.Run(db => SubjectAlarms.Location(db, db.People.Find(w.People["Salek"].Id)!, new LocationShare(55.7558, 37.6173, false), Later, Later, notify: true));
        w.World.Deliver(Later);
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, Note, Later));
        w.Act("Lev", (db, lev) => SetCaseFact.Run(db, lev, OpenCaseWorld.CaseId, "last_known_place", LastKnownPlace, Later));
        w.Act("Lev", (db, lev) => CloseCase.Run(db, lev, OpenCaseWorld.CaseId, CaseOutcome.Detained, ResolvingNote, Later, (_, _) => { }));
        var redaction = Redaction.None;
        Assert.True(words is null || Redaction.TryParse(words, out redaction, out _));
        return w.World.Run(db => ExportCase.Run(db, null, OpenCaseWorld.CaseId, Later + TimeSpan.FromMinutes(1), redaction))!;
    }

    private static List<string> Lines(CaseBundle bundle) => [.. Encoding.UTF8.GetString(bundle.Files["log.jsonl"]).Split('\n')[..^1]];

    private static string PdfText(CaseBundle bundle) => ReportCase.Squeeze(string.Concat(ReportCase.Pages(bundle.Files["report.pdf"])));

    private static BundleVerdict Verify(CaseBundle bundle)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"distressbot-redacted-{Guid.NewGuid():N}");
        try
        {
            bundle.WriteTo(folder);
            return BundleVerifier.Verify(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
