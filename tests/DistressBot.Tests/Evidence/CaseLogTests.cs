using System.Text;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Tests.Escalation;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Evidence;

/// <summary>Each case's log: every step of the case becomes a canonical entry, entries are only ever appended, and every unit of work that grows a log signs a checkpoint over it.</summary>
public sealed class CaseLogTests
{
    private static readonly DateTimeOffset Later = CaseChain.Opening + TimeSpan.FromMinutes(4);

    [Fact]
    public void A_missed_check_in_opens_a_log_whose_entries_are_the_case_steps_in_canonical_form()
    {
        var w = OpenCaseWorld.Start();

        var (entries, timeline) = w.World.Run(db => (db.CaseLog.Entries(OpenCaseWorld.CaseId), db.Cases.Find(OpenCaseWorld.CaseId)!.Timeline));

        Assert.Equal(timeline.Count, entries.Count);
        var parsed = entries.Select(e => CaseLogEntry.Parse(e)).ToList();
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long)i), parsed.Select(e => e.Sequence));
        Assert.All(parsed, e => Assert.Equal(OpenCaseWorld.CaseId, e.CaseId));
        var opened = parsed[0];
        Assert.Equal(CaseLogKinds.Opened, opened.Kind);
        Assert.Equal(new LogParty("bot", null), opened.Actor);
        Assert.Equal(new LogParty("subject", "Salek"), opened.Person);
        Assert.StartsWith("trigger=missed_checkin; last_checkin=", opened.Content, StringComparison.Ordinal);
        Assert.Contains("; deadline=20", opened.Content, StringComparison.Ordinal);
        var delivered = parsed.Where(e => e.Kind == CaseLogKinds.AlertDelivered).ToList();
        Assert.Equal(2, delivered.Count); // Nina's and Olga's alerts
        Assert.All(delivered, e => Assert.NotNull(e.MessageId));
        Assert.All(delivered, e => Assert.Contains("Salek", e.Text, StringComparison.Ordinal)); // the words as sent
        Assert.Equal(["Nina", "Olga"], delivered.Select(e => e.Person!.Alias!).Order());
    }

    [Fact]
    public void Acknowledging_noting_and_resolving_append_entries_and_never_change_earlier_ones()
    {
        var w = OpenCaseWorld.Start();
        var before = w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId));

        w.Act("Nina", (db, nina) => TakeCase.Run(db, nina, OpenCaseWorld.CaseId, Later));
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, "Дверь взломана, соседи слышали крики", Later));
        w.Act("Lev", (db, lev) => CloseCase.Run(db, lev, OpenCaseWorld.CaseId, CaseOutcome.Detained, "в ОВД", Later, (_, _) => { }));

        var after = w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId));
        Assert.Equal(before.Select(Convert.ToHexString), after.Take(before.Count).Select(Convert.ToHexString)); // append-only
        var added = after.Skip(before.Count).Select(e => CaseLogEntry.Parse(e)).ToList();
        Assert.Contains(added, e => e.Kind == CaseLogKinds.Acknowledged && e.Actor == new LogParty("coordinator", "Nina"));
        Assert.Contains(added, e => e.Kind == CaseLogKinds.Note && e.Content == "Дверь взломана, соседи слышали крики" && e.Actor.Alias == "Nina");
        Assert.Contains(added, e => e.Kind == CaseLogKinds.Resolved && e.Actor == new LogParty("lawyer", "Lev") && e.Content!.Contains("в ОВД", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_unit_of_work_that_grows_a_log_signs_a_checkpoint_over_all_of_it()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, nina) => TakeCase.Run(db, nina, OpenCaseWorld.CaseId, Later));
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, "on my way", Later));

        var (entries, checkpoints, vkey) = w.World.Run(db => (db.CaseLog.Entries(OpenCaseWorld.CaseId), db.CaseLog.Checkpoints(OpenCaseWorld.CaseId), db.CaseLog.VerifierKey!));

        var verifier = NoteVerifier.Parse(vkey);
        var tree = new MerkleTree();
        entries.ToList().ForEach(e => tree.Append(e));
        Assert.True(checkpoints.Count >= 3);
        var last = checkpoints[^1];
        Assert.True(verifier.TryOpen(last.Note, out var text));
        var checkpoint = Checkpoint.Parse(text!);
        Assert.Equal($"{DomainWorld.LogKeyName}/{OpenCaseWorld.CaseId}", checkpoint.Origin);
        Assert.Equal((ulong)entries.Count, checkpoint.TreeSize);
        Assert.Equal(tree.RootHash(), checkpoint.RootHash);
        Assert.Equal(Later, last.SignedAt);

        // An earlier checkpoint is proved consistent with the latest, as a lawyer holding it would check.
        Assert.True(verifier.TryOpen(checkpoints[0].Note, out var firstText));
        var first = Checkpoint.Parse(firstText!);
        Assert.True(first.TreeSize < checkpoint.TreeSize);
        Assert.True(MerkleTree.VerifyConsistency(first.TreeSize, checkpoint.TreeSize, tree.ConsistencyProof(first.TreeSize, checkpoint.TreeSize), first.RootHash, checkpoint.RootHash));
        Assert.Equal(checkpoints.Select(c => c.Id), w.World.Run(db => db.CaseLog.ToPublish())); // each waits for the witness directory, witness, timestamp
    }

    [Fact]
    public void A_unit_of_work_that_changes_nothing_in_a_case_signs_nothing()
    {
        var w = OpenCaseWorld.Start();
        var count = w.World.Run(db => db.CaseLog.Head(OpenCaseWorld.CaseId).Checkpoints);

        w.World.Run(db => db.Cases.Find(OpenCaseWorld.CaseId));

        Assert.Equal(count, w.World.Run(db => db.CaseLog.Head(OpenCaseWorld.CaseId).Checkpoints));
    }

    [Fact]
    public void A_timeline_that_lost_a_step_is_refused_and_nothing_is_written()
    {
        var w = OpenCaseWorld.Start();

        var error = Assert.Throws<InvalidOperationException>(() => w.World.Run(db =>
        {
            var @case = db.Cases.Find(OpenCaseWorld.CaseId)!;
            @case.Timeline.RemoveAt(@case.Timeline.Count - 1);
            db.Cases.Save(@case);
        }));

        Assert.Contains("only grows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_log_key_a_case_that_grows_is_refused_rather_than_left_unsigned()
    {
        var w = OpenCaseWorld.Start();
        var unsigned = w.World.Crypto with { LogSigner = null };

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            var db = new DataSession(w.World.Store, unsigned);
            AddCaseNote.Run(db, db.People.Find(w.People["Nina"].Id)!, OpenCaseWorld.CaseId, "x", Later);
            db.Seal();
        });

        Assert.Contains("No log key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_not_on_the_case_is_refused_as_if_there_were_none_and_the_attempt_is_logged()
    {
        var w = OpenCaseWorld.Start();

        var refused = w.Act("Zoe", (db, zoe) => AddCaseNote.Run(db, zoe, OpenCaseWorld.CaseId, "let me in", Later));
        var unknown = w.Act("Zoe", (db, zoe) => AddCaseNote.Run(db, zoe, "C-0099", "let me in", Later));

        Assert.Same(CaseActionResult.NotFound, refused);
        Assert.Same(CaseActionResult.NotFound, unknown);
        var last = CaseLogEntry.Parse(w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.Equal(CaseLogKinds.AccessRefused, last.Kind);
        Assert.Equal(new LogParty("coordinator", "Zoe"), last.Actor);
        Assert.Null(last.Content); // what they typed is not kept
        Assert.DoesNotContain(w.Case.Timeline, e => e.Kind == CaseEntryKind.Note);
    }

    [Fact]
    public void Entries_are_sealed_at_rest_so_the_store_never_holds_a_note_in_the_clear()
    {
        var w = OpenCaseWorld.Start();
        w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, "Дверь взломана", Later));

        var blobs = w.World.Store.All(Collections.CaseLog).Concat(w.World.Store.All(Collections.Checkpoints)).Select(r => r.Blob).ToList();

        Assert.NotEmpty(blobs);
        Assert.All(blobs, b => Assert.DoesNotContain("Дверь", Encoding.UTF8.GetString(b), StringComparison.Ordinal));
    }

    [Fact]
    public void A_note_sent_in_Telegram_keeps_Telegrams_date_beside_the_servers_time()
    {
        var w = OpenCaseWorld.Start();
        var chat = new BotChat(w.World);
        var sentAt = w.World.Now - TimeSpan.FromSeconds(40); // written on the phone, delivered late

        chat.Say(w.World.Person(w.People["Nina"].Id), "/note C-0001 соседи видели машину", sentAt);
        chat.Say(w.World.Person(w.People["Lev"].Id), "/case C-0001");

        var entries = w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId)).Select(e => CaseLogEntry.Parse(e)).ToList();
        var note = Assert.Single(entries, e => e.Kind == CaseLogKinds.Note);
        Assert.Equal((w.World.Now, sentAt), (note.At, note.TelegramDate));
        var read = Assert.Single(entries, e => e.Kind == CaseLogKinds.Read);
        Assert.Equal(new LogParty("lawyer", "Lev"), read.Actor);
        Assert.NotNull(read.TelegramDate);
        Assert.All(entries.Where(e => e.Kind is CaseLogKinds.Opened or CaseLogKinds.AlertQueued), e => Assert.Null(e.TelegramDate)); // the bot's own steps have none
    }

    [Fact]
    public void Refused_attempts_are_logged_once_an_hour_per_person_so_nobody_can_fill_a_log()
    {
        var w = OpenCaseWorld.Start();

        foreach (var minutes in new[] { 0, 10, 59, 61 })
        {
            w.Act("Zoe", (db, zoe) => TakeCase.Run(db, zoe, OpenCaseWorld.CaseId, Later + TimeSpan.FromMinutes(minutes)));
        }

        w.Act("Mark", (db, mark) => TakeCase.Run(db, mark, OpenCaseWorld.CaseId, Later));

        var refused = w.Case.Timeline.Where(e => e.Kind == CaseEntryKind.AccessRefused).Select(e => (e.PersonId, e.At)).ToList();
        Assert.Equal(
            [(w.People["Zoe"].Id, Later), (w.People["Zoe"].Id, Later + TimeSpan.FromMinutes(61)), (w.People["Mark"].Id, Later)],
            refused.OrderBy(r => r.PersonId == w.People["Mark"].Id).ThenBy(r => r.At));
    }
}
