using System.Security.Cryptography;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Escalation;

/// <summary>Keeping a file as evidence: hashed on receipt, kept sealed with the case, logged, exported under evidence/ and checked by verify.</summary>
public sealed class AddEvidenceTests
{
    private static readonly DateTimeOffset Later = Fakes.CaseChain.Opening + TimeSpan.FromMinutes(9);
    private static readonly DateTimeOffset SentAt = new(2026, 11, 2, 11, 8, 59, TimeSpan.Zero);
    private static readonly byte[] Pdf = [.. "%PDF-1.4 flat, door forced"u8];

    [Fact]
    public void Run_ByTheLawyerOnTheCase_KeepsTheBytes_AndLogsSenderDateNameTypeSizeAndHash()
    {
        var w = OpenCaseWorld.Start();
        var told = w.Told();

        var (outcome, sha256) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Lev"].Id)!, " c-0001 ", new EvidenceFile("protocol.pdf", "application/pdf", Pdf, SentAt), Later));

        Assert.Equal(EvidenceOutcome.Kept, outcome);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), sha256);
        Assert.Equal(Pdf, w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, sha256!)));
        var entry = CaseLogEntry.Parse(w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.Equal(CaseLogKinds.Evidence, entry.Kind);
        Assert.Equal(new LogParty("lawyer", "Lev"), entry.Actor);
        Assert.Equal(SentAt, entry.TelegramDate);
        Assert.Equal($"sha256={sha256} bytes={Pdf.Length} type=application/pdf name=protocol.pdf", entry.Content);
        Assert.Equal(new EvidenceContent(sha256!, Pdf.Length, "application/pdf", "protocol.pdf"), EvidenceContent.Parse(entry.Content!));
        Assert.Equal(told, w.Told()); // nobody, the subject least of all, is told
    }

    [Fact]
    public void Run_WithAFileOverTheDownloadLimit_KeepsNothing()
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case.Timeline.Count;
        var big = new byte[AddEvidence.MaxBytes + 1];

        var (outcome, sha256) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Lev"].Id)!, OpenCaseWorld.CaseId, new EvidenceFile("video.mp4", "video/mp4", big, SentAt), Later));

        Assert.Equal((EvidenceOutcome.TooLarge, (string?)null), (outcome, sha256));
        Assert.Equal(before, w.Case.Timeline.Count);
        Assert.Null(w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, Convert.ToHexStringLower(SHA256.HashData(big)))));
    }

    [Theory]
    [InlineData("Zoe", "C-0001")]
    [InlineData("Mark", "C-0001")]
    [InlineData("Lev", "C-0042")]
    public void Run_BySomeoneNotOnTheCase_IsNotFound_KeepsNothing_AndLogsOnlyTheRefusal(string actor, string typed)
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case.Timeline.Count;

        var (outcome, _) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People[actor].Id)!, typed, new EvidenceFile("protocol.pdf", "application/pdf", Pdf, SentAt), Later));

        Assert.Equal(EvidenceOutcome.NotFound, outcome);
        Assert.DoesNotContain(w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.Equal(before + (typed == OpenCaseWorld.CaseId ? 1 : 0), w.Case.Timeline.Count);
        Assert.Null(w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, Convert.ToHexStringLower(SHA256.HashData(Pdf)))));
    }

    [Fact]
    public void Run_OnAFileWithProofOfItsOwn_KeepsItAsIs_AndTheEntrysTextSaysWhatWasChecked()
    {
        var w = OpenCaseWorld.Start();
        byte[] media = [0xFF, 0xD8, 0xFF, 0xD9];
        var sha = Convert.ToHexStringLower(SHA256.HashData(media));
        var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var image = zip.CreateEntry("IMG_1.jpg").Open())
            {
                image.Write(media);
            }

            using var proof = zip.CreateEntry(sha + ".proof.json").Open();
            proof.Write(System.Text.Encoding.UTF8.GetBytes($"{{\"File Hash SHA256\":\"{sha}\"}}"));
        }

        var bundle = buffer.ToArray();
        var (outcome, kept) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Lev"].Id)!, "C-0001", new EvidenceFile("proof.zip", "application/zip", bundle, SentAt), Later));

        Assert.Equal(EvidenceOutcome.Kept, outcome);
        Assert.Equal(bundle, w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, kept!)));
        var entry = CaseLogEntry.Parse(w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.StartsWith("sha256=" + kept + " ", entry.Content, StringComparison.Ordinal); // the content keeps its form
        Assert.Equal($"proofmode: files IMG_1.jpg, {sha}.proof.json; sha256 in proof matches media: yes; OpenPGP signatures (.asc): 0, not verified; OpenTimestamps (.ots): 0, not verified", entry.Text);
    }

    [Fact]
    public void Run_ByTheSubjectOnTheirOwnOpenCase_KeepsIt_AndOnceResolved_IsNotFound()
    {
        var w = OpenCaseWorld.Start();
        var file = new EvidenceFile("protocol.pdf", "application/pdf", Pdf, SentAt);

        var (open, sha256) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Salek"].Id)!, "C-0001", file, Later));
        w.Act("Nina", (db, nina) => CloseCase.Run(db, nina, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Later, DistressBot.Checkins.OwedDeadlines.ResumeAfterResolution));
        var (closed, _) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Salek"].Id)!, "C-0001", file with { FileName = "again.pdf" }, Later));

        Assert.Equal((EvidenceOutcome.Kept, Convert.ToHexStringLower(SHA256.HashData(Pdf))), (open, sha256));
        Assert.Equal(EvidenceOutcome.NotFound, closed);
        var evidence = Assert.Single(w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.Equal(w.People["Salek"].Id, evidence.PersonId);
        Assert.Contains(w.Case.Timeline, e => e.Kind == CaseEntryKind.AccessRefused && e.PersonId == w.People["Salek"].Id);
    }

    [Fact]
    public void The_bundle_holds_each_evidence_file_named_by_its_hash_and_verify_passes()
    {
        var (bundle, sha256) = ExportedWithEvidence();

        Assert.Equal(Pdf, bundle.Files["evidence/" + sha256]);
        var verdict = Verify(bundle, _ => { });
        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal(1, verdict.Facts!.EvidenceFiles);
    }

    [Fact]
    public void The_report_lists_each_evidence_file_by_name_size_and_hash()
    {
        var (bundle, sha256) = ExportedWithEvidence();

        var text = Tests.Evidence.ReportCase.Squeeze(string.Concat(Tests.Evidence.ReportCase.Pages(bundle.Files["report.pdf"])));

        Assert.Contains(Tests.Evidence.ReportCase.Squeeze("Evidence files"), text, StringComparison.Ordinal);
        Assert.Contains(Tests.Evidence.ReportCase.Squeeze($"protocol.pdf — {Pdf.Length} bytes"), text, StringComparison.Ordinal);
        Assert.Contains(Tests.Evidence.ReportCase.Squeeze($"copy.pdf — {Pdf.Length} bytes"), text, StringComparison.Ordinal);
        Assert.Contains(Tests.Evidence.ReportCase.Squeeze("SHA-256 " + sha256), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_names_an_evidence_file_with_one_changed_byte()
    {
        var (bundle, sha256) = ExportedWithEvidence();

        var verdict = Verify(bundle, folder =>
        {
            var path = Path.Combine(folder, "evidence", sha256);
            var bytes = File.ReadAllBytes(path);
            bytes[3] ^= 0x01;
            File.WriteAllBytes(path, bytes);
        });

        Assert.False(verdict.Verified);
        Assert.Equal(VerdictTextId.EvidenceFileChanged, verdict.Problem!.Id);
        Assert.Equal("evidence/" + sha256, verdict.Problem.File);
    }

    [Fact]
    public void Verify_names_a_missing_evidence_file_and_refuses_a_file_no_entry_names()
    {
        var (bundle, sha256) = ExportedWithEvidence();

        var missing = Verify(bundle, folder => File.Delete(Path.Combine(folder, "evidence", sha256)));
        var stray = Verify(bundle, folder => File.WriteAllBytes(Path.Combine(folder, "evidence", new string('0', 64)), [1, 2, 3]));

        Assert.Equal((VerdictTextId.EvidenceFileMissing, "evidence/" + sha256), (missing.Problem!.Id, missing.Problem.File));
        Assert.Equal((VerdictTextId.EvidenceFileNotLogged, "evidence/" + new string('0', 64)), (stray.Problem!.Id, stray.Problem.File));
    }

    [Fact]
    public void Deleting_a_cases_evidence_files_leaves_other_cases_files()
    {
        var w = OpenCaseWorld.Start();
        var sha256 = w.World.Run(db => db.EvidenceFiles.Put(OpenCaseWorld.CaseId, Pdf));
        w.World.Run(db => db.EvidenceFiles.Put("C-0002", Pdf));

        var deleted = w.World.Run(db => db.EvidenceFiles.Delete(OpenCaseWorld.CaseId));

        Assert.Equal(1, deleted);
        Assert.Null(w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, sha256)));
        Assert.Equal(Pdf, w.World.Run(db => db.EvidenceFiles.Read("C-0002", sha256)));
    }

    // C-0001 with a PDF kept by Lev and the same bytes sent again by Olga (kept once), exported by the admin.
    private static (CaseBundle Bundle, string Sha256) ExportedWithEvidence()
    {
        var w = OpenCaseWorld.Start();
        var file = new EvidenceFile("protocol.pdf", "application/pdf", Pdf, SentAt);
        var (_, sha256) = w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Lev"].Id)!, OpenCaseWorld.CaseId, file, Later));
        w.World.Run(db => AddEvidence.Run(db, db.People.Find(w.People["Olga"].Id)!, OpenCaseWorld.CaseId, file with { FileName = "copy.pdf" }, Later));
        var data = w.World.Run(db => ExportCase.Run(db, null, OpenCaseWorld.CaseId, Later + TimeSpan.FromMinutes(1)))!;
        return (CaseBundles.Make(data, Language.En, TimeZoneInfo.Utc, Later + TimeSpan.FromMinutes(1)), sha256!);
    }

    private static BundleVerdict Verify(CaseBundle bundle, Action<string> change)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"distressbot-evidence-{Guid.NewGuid():N}");
        try
        {
            bundle.WriteTo(folder);
            change(folder);
            return BundleVerifier.Verify(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
