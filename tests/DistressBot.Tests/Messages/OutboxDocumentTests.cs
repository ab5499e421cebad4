using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Messages;

/// <summary>
/// A file queued as a document: refused at queue time when Telegram could not take it, stored apart from its row, and
/// worded (its caption) for the reader when it is taken to be sent.
/// </summary>
public sealed class OutboxDocumentTests
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x0A, 0x0D];

    private readonly DomainWorld _w = new();
    private readonly Person _nina;

    public OutboxDocumentTests()
    {
        _nina = _w.Coordinator("Nina");
    }

    [Fact]
    public void SendDocument_OverTheUploadLimit_IsRefusedAndNothingIsQueued()
    {
        var tooLarge = new byte[DocumentFile.MaxBytes + 1];

        var refused = Assert.Throws<DocumentRefusedException>(() => _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", tooLarge)));

        Assert.Equal(DocumentRefusal.TooLarge, refused.Reason);
        Assert.Contains("50,000,000 bytes", refused.Message, StringComparison.Ordinal);
        AssertNothingQueued();
    }

    /// <summary>Names a reader's device must never be handed.</summary>
    public static TheoryData<string> UnsafeNames => new()
    {
        "",
        "   ",
        ".",
        "..",
        "../C-0042.zip",
        "cases/C-0042.zip",
        "cases\\C-0042.zip",
        "C-0042\n.zip",
        "C-0042\0.zip",
        "C-0042\u202Epiz.exe", // right-to-left override: reads as "C-0042exe.zip"
        " C-0042.zip",
        new string('x', 252) + ".zip", // 256 UTF-8 bytes
    };

    [Theory]
    [MemberData(nameof(UnsafeNames))]
    public void SendDocument_UnsafeFileName_IsRefusedWithoutRepeatingTheName_AndNothingIsQueued(string name)
    {
        var refused = Assert.Throws<DocumentRefusedException>(() => _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, name, "application/zip", Zip)));

        Assert.Equal(DocumentRefusal.BadFileName, refused.Reason);
        Assert.Equal("fileName", refused.ParamName);
        if (name.Trim().Length > 2)
        {
            Assert.DoesNotContain(name.Trim(), refused.Message, StringComparison.Ordinal);
        }

        AssertNothingQueued();
    }

    [Fact]
    public void SendDocument_FileNameWithALoneSurrogate_IsRefused()
    {
        var name = "C-0042" + '\uD800' + ".zip"; // built here: theory data would be mended on its way to the test

        var refused = Assert.Throws<DocumentRefusedException>(() => _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, name, "application/zip", Zip)));

        Assert.Equal(DocumentRefusal.BadFileName, refused.Reason);
        AssertNothingQueued();
    }

    [Theory]
    [InlineData("", DocumentRefusal.BadMimeType)]
    [InlineData("zip", DocumentRefusal.BadMimeType)]
    [InlineData("application/zip; charset=x", DocumentRefusal.BadMimeType)]
    [InlineData("application/zip\n", DocumentRefusal.BadMimeType)]
    public void SendDocument_MalformedMimeType_IsRefusedAndNothingIsQueued(string mimeType, DocumentRefusal reason)
    {
        var refused = Assert.Throws<DocumentRefusedException>(() => _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", mimeType, Zip)));

        Assert.Equal(reason, refused.Reason);
        AssertNothingQueued();
    }

    [Fact]
    public void SendDocument_EmptyFile_IsRefusedAndNothingIsQueued()
    {
        var refused = Assert.Throws<DocumentRefusedException>(() => _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", [])));

        Assert.Equal(DocumentRefusal.Empty, refused.Reason);
        AssertNothingQueued();
    }

    [Fact]
    public void SendDocument_NameInCyrillicWithSpaces_IsTaken()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "Дело C-0042 (выгрузка).zip", "application/zip", Zip));

        var prepared = _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En));

        Assert.Equal("Дело C-0042 (выгрузка).zip", prepared.Ready!.Document!.FileName);
    }

    [Fact]
    public void SendDocument_QueuesARowWithoutTheBytes_AndTheBytesInPartsBeside()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip));

        var row = Assert.Single(_w.Queued(_nina));
        Assert.Equal(id, row.Id);
        Assert.Equal((MessageKind.Document, "C-0042.zip", "application/zip", Zip.Length), (row.Content!.Kind, row.Content.Document!.FileName, row.Content.Document.MimeType, row.Content.Document.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Zip)), row.Content.Document.Sha256);
        Assert.Equal([id + ".0"], _w.Store.All(Collections.OutboxFiles).Select(r => r.Id));
        Assert.False(_w.Store.All(Collections.Outbox).Single().Blob.AsSpan().IndexOf(Zip) >= 0); // the row does not carry the file
    }

    [Fact]
    public void SendDocument_AtTheUploadLimit_IsStoredInPartsEachWellUnderTheStoresDocumentLimit_AndReadBackByteIdentical()
    {
        var file = new byte[DocumentFile.MaxBytes];
        new Random(12).NextBytes(file);

        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", file));
        var ready = _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En)).Ready!;

        var parts = _w.Store.All(Collections.OutboxFiles);
        Assert.Equal(6, parts.Count); // 50,000,000 bytes in parts of 8 MiB
        Assert.All(parts, p => Assert.True(p.Blob.Length < 9 * 1024 * 1024, $"part {p.Id} is {p.Blob.Length} bytes"));
        Assert.True(ready.Document!.Content.SequenceEqual(file));
    }

    [Fact]
    public void Remove_DocumentRow_TakesItsPartsWithIt_AndLeavesOtherDocumentsWhole()
    {
        var file = new byte[QueuedDocument.PartBytes + 1];
        var (first, second) = _w.Run(db => (
            Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "a.zip", "application/zip", file),
            Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "b.zip", "application/zip", Zip)));

        Assert.True(_w.Run(db => db.Outbox.Remove(first)));

        Assert.Equal([second + ".0"], _w.Store.All(Collections.OutboxFiles).Select(r => r.Id));
        Assert.Equal(Zip, _w.Run(db => OutboxRenderer.Prepare(db, second, _w.Now, Language.En)).Ready!.Document!.Content.ToArray());
    }

    [Fact]
    public void Prepare_Document_CarriesTheBytesAndACaptionWordedInTheReadersLanguageAtSendTime()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip, MessageText.Of(TextId.NoteAdded, "C-0042")));

        SetLanguage(_nina, Language.Ru);
        var prepared = _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En));

        var ready = prepared.Ready!;
        Assert.Equal(DropReason.None, prepared.Dropped);
        Assert.Equal("Заметка добавлена в C-0042.", ready.Text);
        Assert.Equal(("C-0042.zip", "application/zip"), (ready.Document!.FileName, ready.Document.MimeType));
        Assert.Equal(Zip, ready.Document.Content.ToArray());
        Assert.Single(_w.Queued(_nina)); // preparing takes nothing out: the dispatcher removes it once Telegram has it
    }

    [Fact]
    public void Prepare_DocumentWithoutCaption_HasAnEmptyCaption()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip));

        Assert.Equal("", _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En)).Ready!.Text);
    }

    [Theory]
    [InlineData(Language.En, "\n(caption shortened)")]
    [InlineData(Language.Ru, "\n(подпись сокращена)")]
    public void Prepare_CaptionOverTelegramsLimit_IsCutOnWholeCharactersAndSaysSo(Language language, string note)
    {
        SetLanguage(_nina, language);
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip, MessageText.Of(TextId.NoteAdded, string.Concat(Enumerable.Repeat("🇷🇺", 400)))));

        var caption = _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En)).Ready!.Text;

        Assert.True(caption.Length <= QueuedDocument.MaxCaptionLength, $"{caption.Length} characters");
        Assert.EndsWith("🇷🇺…" + note, caption, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', caption);
    }

    [Fact]
    public void Prepare_DocumentWhoseReaderWasRemoved_IsDroppedWithItsBytes()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip));
        _w.Store.Delete(Collections.People, _nina.Id);

        var prepared = _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En));

        Assert.Equal(DropReason.ReaderGone, prepared.Dropped);
        Assert.Empty(_w.Store.All(Collections.Outbox));
        Assert.Empty(_w.Store.All(Collections.OutboxFiles));
    }

    [Fact]
    public void Prepare_DocumentOfACaseResolvedMeanwhile_StillGoes()
    {
        var w = DomainWorld.WithCaseChain();
        var @case = w.MissDeadline(w.Chain.Salek);
        var id = w.Run(db => Notify.SendDocument(db, w.Chain.Nina, MessagePriority.Reply, w.Now, @case.Id + ".zip", "application/zip", Zip, caseId: @case.Id));
        w.Run(db =>
        {
            var stored = db.Cases.Find(@case.Id)!;
            stored.Status = CaseStatus.Resolved;
            stored.ResolvedAt = w.Now;
            db.Cases.Save(stored);
        });

        var prepared = w.Run(db => OutboxRenderer.Prepare(db, id, w.Now + TimeSpan.FromMinutes(1), Language.En));

        Assert.Equal(DropReason.None, prepared.Dropped);
        Assert.Equal(Zip, prepared.Ready!.Document!.Content.ToArray());
    }

    [Fact]
    public void Prepare_DocumentWithAPartMissing_FailsClosed()
    {
        var id = _w.Run(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, _w.Now, "C-0042.zip", "application/zip", Zip));
        _w.Store.Delete(Collections.OutboxFiles, id + ".0");

        Assert.Throws<global::DistressBot.Crypto.RecordIntegrityException>(() => _w.Run(db => OutboxRenderer.Prepare(db, id, _w.Now, Language.En)));
    }

    private void AssertNothingQueued()
    {
        Assert.Empty(_w.Store.All(Collections.Outbox));
        Assert.Empty(_w.Store.All(Collections.OutboxFiles));
    }

    private void SetLanguage(Person person, Language language) => _w.Run(db =>
    {
        var stored = db.People.Find(person.Id)!;
        stored.Language = language;
        db.People.Save(stored);
    });
}
