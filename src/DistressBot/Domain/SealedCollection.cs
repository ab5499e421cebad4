using System.Text.Json;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>One collection of records of type <typeparamref name="T"/>, each sealed whole (JSON) and bound to (collection, id, "data").</summary>
/// <param name="session">The unit of work's backend session.</param>
/// <param name="crypto">Seals, opens, and computes keyed lookups.</param>
/// <param name="name">The collection's name (see <see cref="Collections"/>).</param>
/// <param name="lookupPurpose">The purpose keyed lookups are hashed under; null when records are found by id only.</param>
internal sealed class SealedCollection<T>(IRecordSession session, CryptoContext crypto, string name, string? lookupPurpose = null)
{
    /// <summary>The record with this id, or default when there is none.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, moved, or its key destroyed).</exception>
    public T? Find(string id) => Open(session.Find(name, id));

    /// <summary>The record whose lookup is the keyed hash of <paramref name="key"/>, or default when there is none.</summary>
    /// <exception cref="InvalidOperationException">This collection has no lookups.</exception>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, moved, or its key destroyed).</exception>
    public T? FindByLookup(string key) => Open(session.FindByLookup(name, Lookup(key)));

    /// <summary>The stored records findable by <paramref name="key"/>, sealed, in id order (open each with <see cref="Open(StoredRecord)"/>).</summary>
    public IReadOnlyList<StoredRecord> RecordsByLookup(string key) => session.AllByLookup(name, Lookup(key));

    /// <summary>The stored records, sealed, in id order (open each with <see cref="Open(StoredRecord)"/>).</summary>
    public IReadOnlyList<StoredRecord> Records() => session.All(name);

    /// <summary>Every record, opened lazily in id order.</summary>
    /// <exception cref="RecordIntegrityException">A record does not open (damaged, moved, or its key destroyed); thrown while enumerating.</exception>
    public IEnumerable<T> All() => Records().Select(r => Open(r)!);

    /// <summary>
    /// Opens each of <paramref name="records"/> that opens, in their order; one that does not (damaged, or its case purged,
    /// so it can never be used) is passed to <paramref name="unreadable"/> and not allowed to stop the rest.
    /// </summary>
    public List<T> OpenReadable(IEnumerable<StoredRecord> records, Action<StoredRecord>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var opened = new List<T>();
        foreach (var record in records)
        {
            try
            {
                opened.Add(Open(record)!);
            }
            catch (RecordIntegrityException)
            {
                unreadable?.Invoke(record);
            }
        }

        return opened;
    }

    /// <summary>Opens one record of this collection.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, moved, or its key destroyed).</exception>
    public T? Open(StoredRecord? record)
    {
        if (record is null)
        {
            return default;
        }

        var plain = crypto.Cipher.Open(record.Blob, new RecordAddress(record.Collection, record.Id, Collections.DataField));
        return JsonSerializer.Deserialize<T>(plain, StoreJson.Options);
    }

    /// <summary>Seals <paramref name="value"/> under <paramref name="id"/>, findable by <paramref name="lookupKey"/> when given; under the case's own key when <paramref name="caseId"/> is given.</summary>
    /// <exception cref="InvalidOperationException">A lookup key was given but this collection has no lookups.</exception>
    public void Put(string id, T value, string? lookupKey = null, string? caseId = null) =>
        Put(id, value, lookupKey is null ? null : Lookup(lookupKey), caseId);

    /// <summary>Seals <paramref name="value"/> again under an existing record's id, keeping its lookup; false when there is no such record.</summary>
    public bool Replace(string id, T value, string? caseId = null)
    {
        var existing = session.Find(name, id);
        if (existing is null)
        {
            return false;
        }

        Put(id, value, existing.Lookup, caseId);
        return true;
    }

    /// <summary>Deletes the record with this id; false when there was none.</summary>
    public bool Delete(string id) => session.Delete(name, id);

    private byte[] Lookup(string key) =>
        crypto.Lookups.Compute(lookupPurpose ?? throw new InvalidOperationException($"Collection {name} has no lookups."), key);

    private void Put(string id, T value, byte[]? lookup, string? caseId)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(value, StoreJson.Options);
        var blob = crypto.Cipher.Seal(plain, new RecordAddress(name, id, Collections.DataField), caseId);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain);
        session.Put(new StoredRecord(name, id, lookup, blob));
    }
}
