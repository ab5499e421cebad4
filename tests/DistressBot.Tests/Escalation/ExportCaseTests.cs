using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>Exporting a case: the export is a step of the log, the checkpoint signed over it counts as sent to the exporter, and only people on the case (or the admin) get anything.</summary>
public sealed class ExportCaseTests
{
    private static readonly DateTimeOffset Later = CaseChain.Opening + TimeSpan.FromMinutes(9);

    [Theory]
    [InlineData("Lev", "lawyer")]
    [InlineData("Olga", "coordinator")]
    [InlineData(null, "admin")]
    public void Run_BySomeoneOnTheCase_LogsTheExport_AndSignsACheckpointOverIt(string? actor, string sentAs)
    {
        var w = OpenCaseWorld.Start();

        var data = w.World.Run(db => ExportCase.Run(db, actor is null ? null : db.People.Find(w.People[actor].Id), " c-0001 ", Later))!;

        var last = CaseLogEntry.Parse(data.Entries[^1]);
        Assert.Equal(CaseLogKinds.Exported, last.Kind);
        Assert.Equal(actor is null ? new LogParty("admin", null) : new LogParty(sentAs, actor), last.Actor);
        Assert.True(NoteVerifier.Parse(data.VerifierKey).TryOpen(data.LatestNote, out var text));
        Assert.Equal((ulong)data.Entries.Count, Checkpoint.Parse(text!).TreeSize);
        var sent = Assert.Single(data.SentOut);
        Assert.Equal(data.LatestNote, sent.Note);
        Assert.Equal(ExportCase.Line(new CheckpointSent(sentAs, actor, Later)), Assert.Single(sent.Sent));
        Assert.Equal(data.Entries.Count, w.Case.Timeline.Count);
    }

    [Theory]
    [InlineData("Zoe", "C-0001")]
    [InlineData("Mark", "C-0001")]
    [InlineData("Salek", "C-0001")]
    [InlineData("Lev", "C-0042")]
    public void Run_BySomeoneElseOrForNoCase_GivesNothing_AndLogsOnlyTheRefusal(string actor, string typed)
    {
        var w = OpenCaseWorld.Start();
        var before = w.Case.Timeline.Count;

        var data = w.World.Run(db => ExportCase.Run(db, db.People.Find(w.People[actor].Id), typed, Later));

        Assert.Null(data);
        Assert.DoesNotContain(w.Case.Timeline, e => e.Kind == CaseEntryKind.Exported);
        Assert.Equal(before + (typed == OpenCaseWorld.CaseId ? 1 : 0), w.Case.Timeline.Count);
        Assert.DoesNotContain(w.World.Run(db => db.CaseLog.Checkpoints(OpenCaseWorld.CaseId)), c => c.Sent.Count > 0);
    }

    [Fact]
    public void A_bundle_holds_every_checkpoint_that_left_the_server_with_a_proof_to_the_latest()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Lev", (db, lev) => CloseCase.Run(db, lev, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", Later, (_, _) => { }));

        var data = w.World.Run(db => ExportCase.Run(db, null, OpenCaseWorld.CaseId, Later + TimeSpan.FromMinutes(1)))!;
        var bundle = CaseBundle.Build(data.Entries, data.LatestNote, data.VerifierKey, data.SentOut, [0x25], "readme");

        Assert.Equal(2, data.SentOut.Count); // the lawyer's at resolution, the admin's export
        var atResolution = data.SentOut[0];
        var folder = $"checkpoints/{atResolution.Index:D6}/";
        var proof = System.Text.Encoding.ASCII.GetString(bundle.Files[folder + "proof"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromBase64String).ToList();
        var verifier = NoteVerifier.Parse(data.VerifierKey);
        Assert.True(verifier.TryOpen(atResolution.Note, out var oldText));
        Assert.True(verifier.TryOpen(data.LatestNote, out var newText));
        var (old, latest) = (Checkpoint.Parse(oldText!), Checkpoint.Parse(newText!));
        Assert.True(MerkleTree.VerifyConsistency(old.TreeSize, latest.TreeSize, proof, old.RootHash, latest.RootHash));
        Assert.Equal(data.Entries.Count, System.Text.Encoding.UTF8.GetString(bundle.Files["log.jsonl"]).Count(c => c == '\n'));
    }

    [Fact]
    public void Hourly_checkpoints_are_signed_only_for_open_cases_whose_last_one_is_due()
    {
        var w = OpenCaseWorld.Start();
        var count = w.World.Run(db => db.CaseLog.Head(OpenCaseWorld.CaseId).Checkpoints);

        var soon = w.World.Run(db => HourlyCheckpoints.Run(db, CaseChain.Opening + TimeSpan.FromMinutes(30)));
        var due = w.World.Run(db => HourlyCheckpoints.Run(db, CaseChain.Opening + TimeSpan.FromMinutes(55)));
        w.Act("Lev", (db, lev) => CloseCase.Run(db, lev, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", CaseChain.Opening + TimeSpan.FromMinutes(56), (_, _) => { }));
        var resolved = w.World.Run(db => HourlyCheckpoints.Run(db, CaseChain.Opening + TimeSpan.FromHours(5)));

        Assert.Equal((0, 1, 0), (soon, due, resolved));
        Assert.Equal("hourly", w.World.Run(db => db.CaseLog.Checkpoints(OpenCaseWorld.CaseId))[count].Reason);
    }

    [Fact]
    public void Resolving_a_drill_sends_the_lawyer_no_checkpoint()
    {
        var w = OpenCaseWorld.Start();
        var drill = w.World.Run(db => StartDrill.Run(db, db.People.Find(w.People["Nina"].Id)!, "Salek", Later)).Case!;
        var before = w.World.TextsTo(w.People["Lev"]).Count;

        w.Act("Nina", (db, nina) => CloseCase.Run(db, nina, drill.Id, CaseOutcome.Safe, "", Later, (_, _) => { }));

        Assert.Equal(before, w.World.TextsTo(w.People["Lev"]).Count);
        Assert.All(w.World.Run(db => db.CaseLog.Checkpoints(drill.Id)), c => Assert.Empty(c.Sent));
    }
}
