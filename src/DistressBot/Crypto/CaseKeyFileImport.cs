using DistressBot.Storage;

namespace DistressBot.Crypto;

/// <summary>Moves the case keys of an earlier version's <c>case-keys.json</c> into the store as key records, then removes the file.</summary>
/// <remarks>
/// Crash-safe in this order: the file is read and checked, every key and tombstone is written in ONE unit of work (durable
/// when it returns), and only then is the file deleted (and its folder fsynced). A crash before the commit leaves the file
/// and no records; between the commit and the delete, both (the next start imports again, skipping what is there); after
/// it, the records. Never neither.
/// </remarks>
public static class CaseKeyFileImport
{
    /// <summary>The file name earlier versions kept case keys in, inside the data directory.</summary>
    public const string FileName = "case-keys.json";

    private const string CaseRole = "case";

    /// <summary>Imports <paramref name="path"/> into <paramref name="store"/> through <paramref name="caseKeys"/> and deletes it; 0 and nothing done when there is no file.</summary>
    /// <returns>How many keys and tombstones were written (0 when every one was in the store already, or there was no file).</returns>
    /// <exception cref="KeyringException">The file is damaged, of another format, or needs a data key the keyring does not hold; the file is left as it was.</exception>
    public static async Task<int> RunAsync(string path, IRecordStore store, CaseKeyStore caseKeys, Keyring keyring, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caseKeys);
        ArgumentNullException.ThrowIfNull(keyring);
        if (!File.Exists(path))
        {
            return 0;
        }

        var (keys, destroyed) = Read(path, keyring);
        try
        {
            var written = await store.ExecuteAsync(session => Write(session, caseKeys, keys, destroyed), ct);
            AtomicFile.Delete(path);
            return written;
        }
        finally
        {
            foreach (var key in keys)
            {
                SecretBytes.Wipe(key.Raw);
            }
        }
    }

    // A function of the session and the captured file contents only: the store may run it again after a storage fault.
    private static int Write(IRecordSession session, CaseKeyStore caseKeys, List<FileKey> keys, List<(string CaseId, DateTimeOffset At)> destroyed)
    {
        var written = 0;
        foreach (var (caseId, at) in destroyed)
        {
            // Destruction wins: a key the file says was destroyed must not come back from anywhere.
            if (session.Delete(CaseKeyStore.Collection, caseId))
            {
                written++;
            }

            if (session.Find(CaseKeyStore.DestroyedCollection, caseId) is null)
            {
                session.Put(caseKeys.SealTombstone(caseId, at));
                written++;
            }
        }

        foreach (var key in keys)
        {
            // A record already there was imported by an earlier run (or made since, and blobs are sealed under it): keep it.
            if (session.Find(CaseKeyStore.Collection, key.CaseId) is null && session.Find(CaseKeyStore.DestroyedCollection, key.CaseId) is null)
            {
                session.Put(caseKeys.SealKey(key.CaseId, key.Created, key.Raw));
                written++;
            }
        }

        return written;
    }

    private static (List<FileKey> Keys, List<(string CaseId, DateTimeOffset At)> Destroyed) Read(string path, Keyring keyring)
    {
        var document = JsonFormat.Parse<CaseKeyDocument>(File.ReadAllBytes(path), path, "case-key file");
        if (document.Format != CaseKeyDocument.CurrentFormat)
        {
            throw new KeyringException($"The case-key file {path} has format version {document.Format}; this build reads version {CaseKeyDocument.CurrentFormat}.");
        }

        var destroyed = new List<(string, DateTimeOffset)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in document.Destroyed ?? [])
        {
            if (item.CaseId is null || !IsValidCaseId(item.CaseId) || !seen.Add(item.CaseId))
            {
                throw new KeyringException($"The case-key file {path} has an invalid or repeated destroyed entry.");
            }

            destroyed.Add((item.CaseId, item.Destroyed));
        }

        var keys = new List<FileKey>();
        try
        {
            foreach (var item in document.Cases ?? [])
            {
                if (item.Id is null || !IsValidCaseId(item.Id) || item.Role != CaseRole || item.WrappedBy is null || !seen.Add(item.Id))
                {
                    throw new KeyringException($"The case-key file {path} has an invalid or repeated case entry ('{item.Id}').");
                }

                var wrappingKey = keyring.FindDataKey(item.WrappedBy)
                    ?? throw new KeyringException($"The case-key file {path} needs data key {item.WrappedBy}, which the keyring {keyring.FilePath} does not hold (wrong keyring?).");
                var wrapped = JsonFormat.Base64(item.Wrapped, path, $"wrapped key of case {item.Id}");
                var raw = SecretBytes.Allocate(KeyWrap.RawKeySize);
                keys.Add(new FileKey(item.Id, item.Created, raw));
                if (!KeyWrap.TryUnwrap(wrappingKey, wrapped, WrapAssociatedData(item.Id, item.WrappedBy), raw))
                {
                    throw new KeyringException($"The key of case {item.Id} in {path} does not authenticate: the file was altered or belongs to another keyring.");
                }
            }

            return (keys, destroyed);
        }
        catch
        {
            foreach (var key in keys)
            {
                SecretBytes.Wipe(key.Raw);
            }

            throw;
        }
    }

    private static bool IsValidCaseId(string caseId)
    {
        try
        {
            CaseKeyStore.RequireValidCaseId(caseId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // The associated data earlier versions wrapped each case key with.
    private static byte[] WrapAssociatedData(string caseId, string wrappedBy) =>
        CanonicalEncoding.Encode("DistressBot.CaseKey.v1", CaseRole, caseId, wrappedBy);

    /// <summary>One live key read from the file; <see cref="Raw"/> is wiped after the import.</summary>
    private sealed record FileKey(string CaseId, DateTimeOffset Created, byte[] Raw);
}
