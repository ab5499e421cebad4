using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence.Verification;

public sealed class BundleVerifierTests
{
    [Fact]
    public void Verify_AGoodBundleFolder_PassesWithItsFacts()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Null(verdict.Problem);
        var facts = verdict.Facts!;
        Assert.Equal(BundleFixture.CaseId, facts.CaseId);
        Assert.Equal(7, facts.Entries);
        Assert.Equal(bundle.Entries[^1].At, facts.LastEntryAt);
        Assert.Equal(bundle.Signer.KeyName, facts.KeyName);
        Assert.Equal(bundle.Signer.KeyId, facts.KeyId);
        Assert.Equal(bundle.Signer.VerifierKey, facts.VerifierKey);
        Assert.False(facts.KeyPinned);
        Assert.Equal(["checkpoints/000000", "checkpoints/000001"], facts.CheckpointsChecked);
        Assert.Empty(facts.NotChecked);
        Assert.Equal(["checkpoints/000000/sent.txt", "checkpoints/000001/sent.txt"], facts.SentLists);
        Assert.Empty(facts.Cosignatures);
        Assert.Empty(facts.Timestamps);
        Assert.Empty(facts.KeptCheckpoints);
        var english = verdict.Describe(Language.En);
        Assert.StartsWith("VERIFIED", english, StringComparison.Ordinal);
        Assert.Contains("Case: C-0042", english, StringComparison.Ordinal);
        Assert.Contains("Entries: 7 (the last written 2026-11-30 18:06:00 UTC)", english, StringComparison.Ordinal);
        Assert.Contains(bundle.Signer.VerifierKey, english, StringComparison.Ordinal);
        Assert.StartsWith("ПРОВЕРКА ПРОЙДЕНА", verdict.Describe(Language.Ru), StringComparison.Ordinal);
        Assert.DoesNotContain("NOT VERIFIED", english, StringComparison.Ordinal); // (a base64 key may hold the letters NOT)
    }

    [Fact]
    public void Verify_TheSameBundleAsAZip_Passes()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);

        var verdict = BundleVerifier.Verify(bundle.Zip());

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal(["checkpoints/000000", "checkpoints/000001"], verdict.Facts!.CheckpointsChecked);
    }

    [Fact]
    public void Verify_ABundleWithoutEarlierCheckpoints_PassesAndSaysSo()
    {
        using var bundle = BundleFixture.Create(1, 1);
        Directory.Delete(bundle.PathOf("checkpoints"), recursive: true);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Contains("no earlier checkpoints", verdict.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEntryChangedBeforeTheEarliestCheckpoint_IsPlacedAmongTheEntriesThatCheckpointCovers()
    {
        using var bundle = BundleFixture.Create(7, 4, 6);
        var lines = bundle.LogLines();
        lines[1] = (bundle.Entries[1] with { Content = "Всё спокойно" }).ToString();
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LogRootDiffersWithin, problem.Id);
        Assert.Contains("the change is among entries 0–3 (lines 1–4 of log.jsonl)", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEntryChangedInCanonicalForm_FailsOnTheSignedRoot()
    {
        using var bundle = BundleFixture.Create();
        Directory.Delete(bundle.PathOf("checkpoints"), recursive: true);
        var lines = bundle.LogLines();
        lines[3] = (bundle.Entries[3] with { Content = "Всё спокойно" }).ToString();
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LogRootDiffers, problem.Id);
        Assert.Equal("log.jsonl", problem.File);
        Assert.Contains("root computed over its 7 entries differs from the signed one", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEntryChangedBetweenTwoEarlierCheckpoints_IsNamedExactly()
    {
        using var bundle = BundleFixture.Create(7, 3, 4);
        var lines = bundle.LogLines();
        lines[3] = (bundle.Entries[3] with { Content = "Всё спокойно" }).ToString();
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryChanged, problem.Id);
        Assert.Equal(3, problem.Entry);
        Assert.Equal("Entry 3 (line 4 of log.jsonl) was changed or does not belong to this log: the log's root does not match the signed checkpoint, the entries before it still match the earlier checkpoint in checkpoints/000000, and from it on they do not.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AnEntryChangedAfterTheLastEarlierCheckpoint_NamesTheRangeItIsIn()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var lines = bundle.LogLines();
        lines[5] = (bundle.Entries[5] with { Actor = new LogParty("lawyer", "Someone") }).ToString();
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LogRootDiffersAmong, problem.Id);
        Assert.Equal("The log does not match the signed checkpoint: the root computed over its 7 entries differs from the signed one. The first 5 entries still match the earlier checkpoint in checkpoints/000001, so the change is among entries 5–6 (lines 6–7 of log.jsonl).", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AnEntryEditedByHand_NamesTheEntryAndLine()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines[3] = lines[3].Replace("\"seq\":3,", "\"seq\": 3,", StringComparison.Ordinal);
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryMalformed, problem.Id);
        Assert.Equal(3, problem.Entry);
        Assert.StartsWith("Entry 3 (line 4 of log.jsonl) was changed or is not a log entry: ", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ARemovedEntry_NamesTheLineWhereItIsMissing()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines.RemoveAt(2);
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryOutOfPlace, problem.Id);
        Assert.Equal(2, problem.Entry);
        Assert.Equal("Line 3 of log.jsonl holds entry 3 where entry 2 belongs: an entry was removed, added or moved.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AnInsertedEntry_NamesTheLineAfterIt()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines.Insert(3, BundleFixture.Entry(3).ToString());
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryOutOfPlace, problem.Id);
        Assert.Equal("Line 5 of log.jsonl holds entry 3 where entry 4 belongs: an entry was removed, added or moved.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AnEntryAddedAtTheEnd_FailsOnTheCheckpointsSize()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines.Add(BundleFixture.Entry(7).ToString());
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.CheckpointSizeDiffers, problem.Id);
        Assert.Equal("The signed checkpoint covers 7 entries, but log.jsonl holds 8: entries were added or removed after it was signed.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ReorderedEntries_NamesTheFirstLineOutOfPlace()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        (lines[4], lines[5]) = (lines[5], lines[4]);
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryOutOfPlace, problem.Id);
        Assert.Equal(4, problem.Entry);
        Assert.Contains("Line 5 of log.jsonl holds entry 5 where entry 4 belongs", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReorderedAndRenumberedEntries_FailOnTheSignedRoot()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        (lines[4], lines[5]) = ((bundle.Entries[5] with { Sequence = 4 }).ToString(), (bundle.Entries[4] with { Sequence = 5 }).ToString());
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LogRootDiffersAmong, problem.Id);
        Assert.Contains("the change is among entries 2–4 (lines 3–5 of log.jsonl)", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEntryOfAnotherCase_NamesIt()
    {
        using var bundle = BundleFixture.Create();
        var lines = bundle.LogLines();
        lines[6] = (bundle.Entries[6] with { CaseId = "C-0043" }).ToString();
        bundle.WriteLog(lines);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.EntryOfAnotherCase, problem.Id);
        Assert.StartsWith("Entry 6 (line 7 of log.jsonl) belongs to case C-0043, not to case C-0042", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ALineWithACarriageReturn_NamesIt()
    {
        using var bundle = BundleFixture.Create();
        File.WriteAllText(bundle.PathOf("log.jsonl"), string.Concat(bundle.LogLines().Select(l => l + "\r\n")));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LineHasCarriageReturn, problem.Id);
        Assert.Equal(0, problem.Entry);
    }

    [Fact]
    public void Verify_ALogCutShort_SaysTheLastLineHasNoNewline()
    {
        using var bundle = BundleFixture.Create();
        var text = File.ReadAllText(bundle.PathOf("log.jsonl"));
        File.WriteAllText(bundle.PathOf("log.jsonl"), text[..^10]);

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.LogNoFinalNewline, problem.Id);
        Assert.Contains("(line 7)", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AChangedCheckpoint_FailsOnItsSignature()
    {
        using var bundle = BundleFixture.Create();
        var note = File.ReadAllText(bundle.PathOf("checkpoint"));
        File.WriteAllText(bundle.PathOf("checkpoint"), note.Replace("\n7\n", "\n6\n", StringComparison.Ordinal));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.NoteSignatureInvalid, problem.Id);
        Assert.Equal("checkpoint", problem.File);
        Assert.Contains("does not verify: the checkpoint was changed after it was signed", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ACheckpointSignedByAnotherKey_SaysItIsNotSignedWithTheLogKey()
    {
        using var bundle = BundleFixture.Create();
        using var other = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var otherSigner = new NoteSigner(BundleFixture.KeyNameOf(other), other);
        var lines = bundle.EntryBytes();
        File.WriteAllText(bundle.PathOf("checkpoint"), bundle.SignedCheckpoint(lines, lines.Count, otherSigner));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.NoteNotSignedByKey, problem.Id);
        Assert.Equal($"checkpoint is not signed with the log's key {bundle.Signer.KeyName} (signatures by: {otherSigner.KeyName} ({otherSigner.KeyId:x8})).", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ABundleResignedWithAnotherKey_PassesAlone_ButFailsAgainstThePinnedKey()
    {
        using var bundle = BundleFixture.Create();
        var pinned = NoteVerifier.Parse(bundle.Signer.VerifierKey);
        var other = bundle.ResignWithAnotherKey();

        var alone = BundleVerifier.Verify(bundle.Folder);
        var againstPin = BundleVerifier.Verify(bundle.Folder, new BundleTrust(pinned));

        Assert.True(alone.Verified); // a whole forgery is consistent in itself: only the pinned key shows it
        Assert.Contains("taken from the bundle itself", alone.Describe(Language.En), StringComparison.Ordinal);
        Assert.False(againstPin.Verified);
        Assert.Equal(VerdictTextId.KeyNotPinned, againstPin.Problem!.Id);
        Assert.Equal($"The bundle is signed with the key {other.VerifierKey}, not with the key you pinned ({bundle.Signer.VerifierKey}): it does not come from the log you trust, or the log's key was replaced.", againstPin.Problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ThePinnedKeyItself_PassesAndSaysSo()
    {
        using var bundle = BundleFixture.Create();

        var verdict = BundleVerifier.Verify(bundle.Folder, new BundleTrust(NoteVerifier.Parse(bundle.Signer.VerifierKey)));

        Assert.True(verdict.Verified);
        Assert.True(verdict.Facts!.KeyPinned);
        Assert.Contains("The key is the one you pinned.", verdict.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ABrokenConsistencyProof_NamesTheCheckpointFolder()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var proof = bundle.PathOf("checkpoints/000001/proof");
        var hashes = File.ReadAllLines(proof);
        var first = Convert.FromBase64String(hashes[0]);
        first[0] ^= 1;
        hashes[0] = Convert.ToBase64String(first);
        File.WriteAllText(proof, string.Concat(hashes.Select(h => h + "\n")));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.ProofBroken, problem.Id);
        Assert.Equal("checkpoints/000001/proof", problem.File);
        Assert.Equal("The consistency proof in checkpoints/000001 does not prove that the checkpoint of size 5 is a prefix of the latest one (size 7).", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AProofLineThatIsNotAHash_NamesTheLine()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var proof = bundle.PathOf("checkpoints/000000/proof");
        File.WriteAllText(proof, File.ReadAllText(proof) + "not a hash\n");

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.ProofMalformed, problem.Id);
        Assert.Equal("checkpoints/000000/proof, line 3: not a base64 SHA-256 hash followed by a newline.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AnEarlierCheckpointOverAnotherHistory_SaysTheLogDoesNotExtendIt()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        var other = bundle.EntryBytes();
        other[1] = (bundle.Entries[1] with { Text = "другие слова" }).ToBytes();
        File.WriteAllText(bundle.PathOf("checkpoints/000001/checkpoint"), bundle.SignedCheckpoint(other, 5));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.CheckpointNotPrefix, problem.Id);
        Assert.Equal("checkpoints/000001/checkpoint", problem.File);
        Assert.StartsWith("The checkpoint in checkpoints/000001 does not match the first 5 entries of log.jsonl", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AnEarlierCheckpointBeyondTheLatest_SaysTheLatestIsNotTheLatest()
    {
        using var bundle = BundleFixture.Create(7, 2);
        var longer = bundle.EntryBytes();
        longer.Add(BundleFixture.Entry(7).ToBytes());
        File.WriteAllText(bundle.PathOf("checkpoints/000000/checkpoint"), bundle.SignedCheckpoint(longer, 8));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.CheckpointBeyondLatest, problem.Id);
        Assert.Contains("covers 8 entries, more than the latest one (7)", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ACheckpointFolderWithoutItsProof_NamesTheMissingFile()
    {
        using var bundle = BundleFixture.Create(7, 2, 5);
        File.Delete(bundle.PathOf("checkpoints/000001/proof"));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.FileMissing, problem.Id);
        Assert.Equal("The bundle has no file checkpoints/000001/proof.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ACheckpointOfAnotherCase_SaysWhichLogItIsFor()
    {
        using var bundle = BundleFixture.Create(7, 2);
        var tree = BundleFixture.Tree(bundle.EntryBytes().Take(2));
        File.WriteAllText(bundle.PathOf("checkpoints/000000/checkpoint"), bundle.Signer.Sign(new Checkpoint(bundle.Signer.KeyName + "/C-0043", 2, tree.RootHash()).ToText()));

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.CheckpointOfAnotherLog, problem.Id);
        Assert.Equal($"checkpoints/000000/checkpoint is for the log \"{bundle.Signer.KeyName}/C-0043\", not for this case's log \"{bundle.Origin}\".", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ABrokenVerifierKey_SaysSo()
    {
        using var bundle = BundleFixture.Create();
        File.WriteAllText(bundle.PathOf("log.vkey"), "distressbot-00000000+00000000+AAAA\n");

        var problem = Failed(bundle.Folder);

        Assert.Equal(VerdictTextId.VerifierKeyMalformed, problem.Id);
        Assert.StartsWith("log.vkey is not a verifier key: ", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FilesOutsideTheLayout_AreNotRead()
    {
        using var bundle = BundleFixture.Create(7, 2);
        File.WriteAllBytes(bundle.PathOf("checkpoints/.DS_Store"), [0xFF, 0x00]);
        Directory.CreateDirectory(bundle.PathOf("checkpoints/notes"));
        File.WriteAllText(bundle.PathOf("checkpoints/notes/x"), "x");
        File.WriteAllBytes(bundle.PathOf("checkpoints/000000/notes.txt"), [0xFF, 0x00]);

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal(["checkpoints/000000"], verdict.Facts!.CheckpointsChecked);
        Assert.Equal(["checkpoints/000000/notes.txt"], verdict.Facts.NotChecked);
        Assert.Contains("Not checked (files outside the bundle's layout) (1): checkpoints/000000/notes.txt", verdict.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AProblem_ReadsAsNotVerifiedInBothLanguages()
    {
        using var bundle = BundleFixture.Create();
        File.Delete(bundle.PathOf("log.vkey"));

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.Equal("NOT VERIFIED.\nThe bundle has no file log.vkey.\n", verdict.Describe(Language.En));
        Assert.Equal("ПРОВЕРКА НЕ ПРОЙДЕНА.\nВ пакете нет файла log.vkey.\n", verdict.Describe(Language.Ru));
    }

    private static BundleProblem Failed(string path)
    {
        var verdict = BundleVerifier.Verify(path);
        Assert.False(verdict.Verified);
        Assert.Null(verdict.Facts);
        return verdict.Problem!;
    }

    [Fact]
    public void A_changed_report_pdf_is_not_caught_and_the_verdict_says_that_it_is_not_signed()
    {
        using var bundle = BundleFixture.Create();
        File.WriteAllText(Path.Combine(bundle.Folder, "report.pdf"), "a forged report");

        var verdict = BundleVerifier.Verify(bundle.Folder);

        Assert.True(verdict.Verified); // the proof is the log, which is unchanged
        Assert.Contains("report.pdf and README.txt are not signed and this command does not check them", verdict.Describe(DistressBot.Localization.Language.En), StringComparison.Ordinal);
        Assert.Contains("report.pdf и README.txt не подписаны", verdict.Describe(DistressBot.Localization.Language.Ru), StringComparison.Ordinal);
    }
}
