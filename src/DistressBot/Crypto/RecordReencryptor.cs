using System.Security.Cryptography;
using DistressBot.Storage;

namespace DistressBot.Crypto;

/// <summary>After a key rotation, re-seals stored blobs that are not under the current key, in bounded batches.</summary>
public static class RecordReencryptor
{
    /// <summary>Re-seals up to <paramref name="maxRecords"/> records whose blob is not under the current key.</summary>
    /// <param name="session">The unit of work to read and write in; one batch per unit keeps transactions small.</param>
    /// <param name="cipher">The keyring's cipher, already rotated.</param>
    /// <param name="sealedFields">Collections to walk, each with the field name its blobs were sealed for.</param>
    /// <param name="maxRecords">Most records to re-seal in this call.</param>
    /// <returns>How many were re-sealed; call again (in a new unit of work) until it returns 0.</returns>
    /// <remarks>
    /// Resumable by construction: it keeps no progress marker and skips blobs already under the current key, so after a
    /// crash or a rolled-back batch the next call continues where the durable state is. Case-sealed blobs are skipped.
    /// A blob that fails to open throws <see cref="RecordIntegrityException"/>: damage is reported, never re-sealed away.
    /// </remarks>
    public static int Reencrypt(
        IRecordSession session,
        IRecordCipher cipher,
        IEnumerable<(string Collection, string Field)> sealedFields,
        int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(sealedFields);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecords);

        var resealed = 0;
        foreach (var (collection, field) in sealedFields)
        {
            foreach (var record in session.All(collection))
            {
                if (resealed == maxRecords)
                {
                    return resealed;
                }

                if (cipher.IsSealedWithCurrentKey(record.Blob))
                {
                    continue;
                }

                var address = new RecordAddress(collection, record.Id, field);
                var plaintext = cipher.Open(record.Blob, address);
                try
                {
                    session.Put(record with { Blob = cipher.Seal(plaintext, address) });
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext);
                }

                resealed++;
            }
        }

        return resealed;
    }
}
