using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Telegram updates received but not yet handled (their raw JSON, sealed), and the ones that kept failing, set aside for the admin.</summary>
public sealed class InboxStore
{
    private readonly SealedCollection<string> _inbox;
    private readonly SealedCollection<FailedUpdate> _failed;

    internal InboxStore(IRecordSession session, CryptoContext crypto)
    {
        _inbox = new SealedCollection<string>(session, crypto, Collections.Inbox);
        _failed = new SealedCollection<FailedUpdate>(session, crypto, Collections.FailedUpdates);
    }

    /// <summary>Stores a received update (its raw JSON) before it is handled.</summary>
    public void Save(long updateId, string json) => _inbox.Put(RecordId(updateId), json);

    /// <summary>Received updates not handled yet, in update id order.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed).</exception>
    public IReadOnlyList<(long UpdateId, string Json)> All() =>
        [.. _inbox.Records().Select(r => (long.Parse(r.Id, CultureInfo.InvariantCulture), _inbox.Open(r)!))];

    /// <summary>Marks an update handled; false when it was not stored.</summary>
    public bool Remove(long updateId) => _inbox.Delete(RecordId(updateId));

    /// <summary>Moves an update that kept failing aside for the admin, with the error it failed with.</summary>
    public void MoveToFailed(long updateId, string json, string error)
    {
        _failed.Put(RecordId(updateId), new FailedUpdate(json, error));
        Remove(updateId);
    }

    // 19 digits, so that record ids sort as update ids do.
    private static string RecordId(long updateId) => updateId.ToString("D19", CultureInfo.InvariantCulture);

    private sealed record FailedUpdate(string Json, string Error);
}
