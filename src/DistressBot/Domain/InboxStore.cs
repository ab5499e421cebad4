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

    /// <summary>Moves an update that kept failing aside for the admin, with the error it failed with, when (<paramref name="at"/>) and who sent it (<paramref name="senderId"/>: an enrolled person's id, else null).</summary>
    public void MoveToFailed(long updateId, string json, string error, DateTimeOffset at, string? senderId)
    {
        _failed.Put(RecordId(updateId), new FailedUpdate(json, error) { At = at, SenderId = senderId });
        Remove(updateId);
    }

    /// <summary>
    /// Every update set aside, as the retention step sees it: its record id, when it was set aside and who sent it. One set aside
    /// by an earlier version, which noted no time, is dated <paramref name="now"/> here and kept so (its retention starts now).
    /// </summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed).</exception>
    public IReadOnlyList<SetAsideUpdate> SetAside(DateTimeOffset now)
    {
        var found = new List<SetAsideUpdate>();
        foreach (var record in _failed.Records())
        {
            var failed = _failed.Open(record)!;
            if (failed.At is null)
            {
                failed = failed with { At = now };
                _failed.Put(record.Id, failed);
            }

            found.Add(new SetAsideUpdate(record.Id, failed.At.Value, failed.SenderId));
        }

        return found;
    }

    /// <summary>Removes an update set aside (its retention ran out); false when there was none.</summary>
    public bool RemoveSetAside(string id) => _failed.Delete(id);

    // 19 digits, so that record ids sort as update ids do.
    private static string RecordId(long updateId) => updateId.ToString("D19", CultureInfo.InvariantCulture);

    private sealed record FailedUpdate(string Json, string Error)
    {
        public DateTimeOffset? At { get; init; }

        public string? SenderId { get; init; }
    }
}

/// <summary>An update set aside after failing, without its content: what retention decides by.</summary>
/// <param name="Id">Its record id.</param>
/// <param name="At">When it was set aside (or first seen by retention, for one set aside by an earlier version).</param>
/// <param name="SenderId">The enrolled person who sent it, or null (a stranger, an update that did not parse, an earlier version's).</param>
public sealed record SetAsideUpdate(string Id, DateTimeOffset At, string? SenderId);
