using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>
/// `verify --checkpoint`: a checkpoint the lawyer kept outside the server (the bot's message, or the bare note) must be
/// signed by the log key, name this case's log, and be a prefix of the bundle's log; it catches a rewrite the bundle
/// alone does not show.
/// </summary>
public sealed class KeptCheckpointTests : IDisposable
{
    private readonly BundleFixture _bundle = BundleFixture.Create(7, 2, 5);

    public void Dispose() => _bundle.Dispose();

    [Fact]
    public void Verify_AKeptCheckpointOfAPrefix_PassesAsTheBareNoteOrTheBotsWholeMessage()
    {
        var note = _bundle.SignedCheckpoint(_bundle.EntryBytes(), 3);
        var message = "Checkpoint of case C-0042's log: 3 entries. Keep this message: it is signed with the log key and proves what the log held at this moment.\r\n\r\n"
            + note.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd() + "\r\nForwarded from DistressBot";
        var latest = File.ReadAllText(_bundle.PathOf(BundleLayout.Checkpoint));

        var verdict = Verify(("kept-note.txt", note), ("telegram.txt", message), ("latest.txt", latest));

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal([new KeptCheckpointFact("kept-note.txt", 3), new KeptCheckpointFact("telegram.txt", 3), new KeptCheckpointFact("latest.txt", 7)], verdict.Facts!.KeptCheckpoints);
        Assert.Contains("The checkpoint you kept (telegram.txt, size 3) is part of this log: nothing it covered was changed or removed.", verdict.Describe(Language.En), StringComparison.Ordinal);
        Assert.Contains("Сохранённая вами контрольная точка (telegram.txt, 3 записей) — часть этого журнала", verdict.Describe(Language.Ru), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void Verify_TheBotsCheckpointMessageSavedAsText_IsReadAsTheCheckpoint(Language language)
    {
        var note = _bundle.SignedCheckpoint(_bundle.EntryBytes(), 4);
        var message = TextCatalogue.Format(language, TextId.CheckpointMessage, BundleFixture.CaseId, 4, note);

        var verdict = Verify(("message.txt", message));

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.Equal(4UL, Assert.Single(verdict.Facts!.KeptCheckpoints).Size);
    }

    [Fact]
    public void Verify_ALogRewrittenAfterTheKeptCheckpoint_PassesAlone_ButFailsAgainstIt()
    {
        var kept = _bundle.SignedCheckpoint(_bundle.EntryBytes(), 3);
        var lines = _bundle.LogLines();
        lines[1] = (_bundle.Entries[1] with { Text = "Тревога отменена" }).ToString();
        _bundle.WriteLog(lines);
        _bundle.ResignLatestAndDropEarlier();

        var alone = BundleVerifier.Verify(_bundle.Folder);
        var against = Verify(("C-0042-checkpoint.txt", kept));

        Assert.True(alone.Verified, alone.Describe(Language.En));
        Assert.False(against.Verified);
        Assert.Null(against.Facts);
        Assert.Equal(VerdictTextId.KeptNotPrefix, against.Problem!.Id);
        Assert.Equal(
            "The checkpoint you kept (C-0042-checkpoint.txt) does not match this log: the log was rewritten after it: the first 3 entries no longer match what the log key signed then. Both are signed by the log key, so together they prove the rewrite.",
            against.Problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AKeptCheckpointSignedByAnotherKey_IsRefused()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var other = new NoteSigner(BundleFixture.KeyNameOf(key), key);
        var kept = other.Sign(new Checkpoint(_bundle.Origin, 3, BundleFixture.Tree(_bundle.EntryBytes().Take(3)).RootHash()).ToText());

        var problem = Verify(("kept.txt", kept)).Problem!;

        Assert.Equal(VerdictTextId.KeptNotSignedByKey, problem.Id);
        Assert.Equal(
            $"The checkpoint you kept (kept.txt) is not signed with the log's key {_bundle.Signer.KeyName} (signatures by: {other.KeyName} ({other.KeyId:x8})): it is not from this log, or the bundle is signed with another key.",
            problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AKeptCheckpointOfAnotherCase_SaysWhichLogItIsFor()
    {
        var kept = _bundle.Signer.Sign(new Checkpoint(_bundle.Signer.KeyName + "/C-0043", 3, BundleFixture.Tree(_bundle.EntryBytes().Take(3)).RootHash()).ToText());

        var problem = Verify(("kept.txt", kept)).Problem!;

        Assert.Equal(VerdictTextId.KeptOfAnotherLog, problem.Id);
        Assert.Equal($"The checkpoint you kept (kept.txt) is for the log \"{_bundle.Signer.KeyName}/C-0043\", not for this bundle's log \"{_bundle.Origin}\": it is of another case.", problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_AKeptCheckpointLargerThanTheLog_SaysEntriesAreMissing()
    {
        var longer = Enumerable.Range(0, 9).Select(i => BundleFixture.Entry(i).ToBytes()).ToList();
        var kept = _bundle.SignedCheckpoint(longer, 9);

        var problem = Verify(("kept.txt", kept)).Problem!;

        Assert.Equal(VerdictTextId.KeptBeyondLog, problem.Id);
        Assert.StartsWith("The checkpoint you kept (kept.txt) covers 9 entries, but log.jsonl holds only 7", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AKeptCopyChangedByHand_FailsOnItsSignature()
    {
        var kept = _bundle.SignedCheckpoint(_bundle.EntryBytes(), 3).Replace("\n3\n", "\n2\n", StringComparison.Ordinal);

        var problem = Verify(("kept.txt", kept)).Problem!;

        Assert.Equal(VerdictTextId.KeptSignatureInvalid, problem.Id);
        Assert.Equal($"The signature by {_bundle.Signer.KeyName} on the checkpoint you kept (kept.txt) does not verify: the copy was changed.", problem.Describe(Language.En));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Checkpoint of case C-0042's log: 3 entries.\n")]
    [InlineData("C-0042\n3\nnot base64\n\n— distressbot-00000000 AAAA\n")]
    public void Verify_AKeptFileWithoutACheckpoint_SaysWhatOneLooksLike(string content)
    {
        var problem = Verify(("kept.txt", content)).Problem!;

        Assert.Equal(VerdictTextId.KeptNotACheckpoint, problem.Id);
        Assert.Contains($"holds no signed checkpoint (one starts with the line \"{_bundle.Origin}\"", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void KeptNote_TakesTheNoteFromTheOriginLine_ThroughItsSignatures()
    {
        var note = _bundle.SignedCheckpoint(_bundle.EntryBytes(), 3);

        var found = BundleVerifier.KeptNote(Encoding.UTF8.GetBytes("Checkpoint of case C-0042's log: 3 entries.\n\n" + note + "\nmore chat\n"), _bundle.Origin);

        Assert.Equal(note, found);
    }

    private BundleVerdict Verify(params (string Source, string Content)[] kept) =>
        BundleVerifier.Verify(_bundle.Folder, new BundleTrust(Kept: [.. kept.Select(k => new KeptCheckpoint(k.Source, Encoding.UTF8.GetBytes(k.Content)))]));
}
