using System.Text;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Storage.LiteDb;
using DistressBot.Tests.Crypto;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Storage.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Domain;

/// <summary>Queued documents in the real store (LiteDB) under the real keyring and case keys: sealed like their rows, shredded with their case.</summary>
public sealed class OutboxDocumentSealingTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("PK-EVIDENCE-OF-C-0001-IN-THE-CLEAR");

    private readonly TestFolders _folders = new();
    private readonly TempDirectory _data = new();
    private Keyring _keyring = null!;
    private CaseKeyStore _caseKeys = null!;
    private LiteRecordStore _records = null!;
    private BotStore _store = null!;
    private Person _nina = null!;

    public async Task InitializeAsync()
    {
        _keyring = _folders.NewKeyFileKeyring(out _);
        _caseKeys = CaseKeyStore.Open(_folders.DataDirectory, _keyring);
        _records = await LiteRecordStore.OpenAsync(_data.Path, NullLogger.Instance, TimeProvider.System);
        _store = new BotStore(_records, new CryptoContext(_keyring.Cipher, _keyring.Lookups, _caseKeys.Create));
        _nina = DomainWorld.NewPerson("p1", Role.Coordinator, 1001, "Nina", "UTC", T0);
        await _store.RunAsync(db => db.People.Save(_nina));
    }

    public async Task DisposeAsync()
    {
        await _records.DisposeAsync();
        _caseKeys.Dispose();
        _keyring.Dispose();
    }

    public void Dispose()
    {
        _data.Dispose();
        _folders.Dispose();
    }

    // LiteDB 5.0.21 refuses a document over 16,683,050 bytes ("Document size exceed ... limit"), a third of this file.
    [Fact]
    public async Task Document_AtTheUploadLimit_IsStoredInLiteDb_AndReadBackByteIdentical()
    {
        var file = new byte[DocumentFile.MaxBytes];
        new Random(7).NextBytes(file);

        var id = await _store.RunAsync(db => Notify.SendDocument(db, _nina, MessagePriority.Reply, T0, "C-0001.zip", "application/zip", file));
        var ready = (await _store.RunAsync(db => OutboxRenderer.Prepare(db, id, T0, Language.En))).Ready!;

        Assert.True(ready.Document!.Content.SequenceEqual(file));
    }

    [Fact]
    public async Task Document_OfACase_IsSealedUnderTheCaseKey_SoDestroyingTheKeyMakesRowAndBytesUnreadable()
    {
        var (caseId, id, other) = await _store.RunAsync(db =>
        {
            var caseId = db.Cases.NewId();
            db.Cases.Save(new Case { Id = caseId, SubjectId = "p2", Trigger = CaseTrigger.MissedCheckin, OpenedAt = T0 });
            return (
                caseId,
                Notify.SendDocument(db, _nina, MessagePriority.Reply, T0, "C-0001.zip", "application/zip", Marker, caseId: caseId),
                Notify.SendDocument(db, _nina, MessagePriority.Reply, T0, "notes.txt", "text/plain", Marker));
        });
        var stored = await _records.ExecuteAsync(session => session.All(Collections.OutboxFiles).Concat(session.All(Collections.Outbox)).ToList());
        Assert.Equal(4, stored.Count);
        Assert.All(stored, r => Assert.True(r.Blob.AsSpan().IndexOf(Marker) < 0, $"{r.Collection}/{r.Id} holds the file in the clear"));
        Assert.All(stored, r => Assert.True(r.Blob.AsSpan().IndexOf("C-0001.zip"u8) < 0, $"{r.Collection}/{r.Id} holds the file name in the clear"));

        await _records.ExecuteAsync(session => _caseKeys.Destroy(session, caseId));

        var (rows, unreadable) = await _store.RunAsync(db => (db.Outbox.All(), db.Outbox.UnreadableRows));
        Assert.Equal([other], rows.Select(r => r.Id));
        Assert.Equal(1, unreadable);
        await Assert.ThrowsAsync<RecordIntegrityException>(() => _store.RunAsync(db => OutboxRenderer.Prepare(db, id, T0, Language.En)));
        await Assert.ThrowsAsync<RecordIntegrityException>(() => _records.ExecuteAsync(session => _keyring.Cipher.Open(session.Find(Collections.OutboxFiles, id + ".0")!.Blob, new RecordAddress(Collections.OutboxFiles, id + ".0", Collections.DataField))));
        Assert.Equal(Marker, (await _store.RunAsync(db => OutboxRenderer.Prepare(db, other, T0, Language.En))).Ready!.Document!.Content.ToArray());
    }

    [Fact]
    public async Task DocumentPart_MovedToAnotherRow_DoesNotOpen()
    {
        var (first, second) = await _store.RunAsync(db => (
            Notify.SendDocument(db, _nina, MessagePriority.Reply, T0, "a.zip", "application/zip", Marker),
            Notify.SendDocument(db, _nina, MessagePriority.Reply, T0, "b.zip", "application/zip", Marker)));

        // Same length and hash: only the sealing's address binding can tell the parts apart.
        await _records.ExecuteAsync(session =>
        {
            var part = session.Find(Collections.OutboxFiles, first + ".0")!;
            session.Put(part with { Id = second + ".0" });
            return 0;
        });

        await Assert.ThrowsAsync<RecordIntegrityException>(() => _store.RunAsync(db => OutboxRenderer.Prepare(db, second, T0, Language.En)));
    }
}
