using System.Buffers;
using System.Buffers.Binary;
using DistressBot.Storage;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>One random key per case, kept as a sealed record in the store (one record per case), so a case can be erased by destroying its key.</summary>
/// <remarks>
/// A key record is sealed under the keyring's current data key like any other record (and re-sealed after a rotation like
/// them), written in the unit of work that makes the case, and deleted by the purge's unit of work, which leaves a tombstone
/// so the case's blobs report "key destroyed". LiteDB zero-fills a deleted record's bytes in its page, and the store's
/// checkpoint after each commit writes that page over the old one in the data file (docs/crypto.md, "Case keys").
/// Opening a store attaches it to the keyring, so <see cref="Keyring.Cipher"/> seals and opens case blobs (key id "c:" + case id).
/// The keys live in memory once loaded (<see cref="Load"/>); all members are thread-safe, and the ones taking a session run on the store's thread.
/// </remarks>
public sealed class CaseKeyStore : IDisposable
{
    /// <summary>Prefix of the key id a case blob names.</summary>
    public const string KeyIdPrefix = "c:";

    /// <summary>Longest accepted case id.</summary>
    public const int MaxCaseIdLength = 64;

    /// <summary>The collection of case-key records: id = case id, blob = [version 1][created, Unix ms, 8 bytes big-endian][32-byte key], sealed under a data key.</summary>
    public const string Collection = "case_keys";

    /// <summary>The collection of destroyed-key tombstones: id = case id, blob = [version 1][destroyed, Unix ms, 8 bytes big-endian], sealed under a data key.</summary>
    public const string DestroyedCollection = "case_keys_destroyed";

    /// <summary>The field every case-key record and tombstone is bound to.</summary>
    public const string Field = "data";

    private const byte RecordVersion = 1;
    private const int KeyRecordSize = 1 + sizeof(long) + KeyWrap.RawKeySize;
    private const int TombstoneSize = 1 + sizeof(long);

    private static readonly SearchValues<char> CaseIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly Lock _gate = new();
    private readonly Keyring _keyring;
    private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _destroyed = new(StringComparer.Ordinal);
    private bool _disposed;

    private CaseKeyStore(Keyring keyring) => _keyring = keyring;

    /// <summary>The collections this store keeps (both sealed whole in <see cref="Field"/> under data keys, so a rotation re-seals them).</summary>
    public static IReadOnlyList<string> Collections { get; } = [Collection, DestroyedCollection];

    /// <summary>Attaches an empty case-key store to <paramref name="keyring"/>; fill it with <see cref="Load"/>.</summary>
    /// <param name="dataDirectory">The data directory the store lives in; the keyring must not live inside it.</param>
    /// <param name="keyring">The keyring whose data keys seal the key records.</param>
    /// <exception cref="KeyringException">The keyring sits inside the data folder.</exception>
    /// <exception cref="InvalidOperationException">Another case-key store is attached to the keyring.</exception>
    public static CaseKeyStore Open(string dataDirectory, Keyring keyring)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentNullException.ThrowIfNull(keyring);
        RequireKeyringOutside(Path.GetFullPath(dataDirectory), keyring.FilePath);
        var store = new CaseKeyStore(keyring);
        keyring.Attach(store);
        return store;
    }

    /// <summary>True for a key id that names a case key.</summary>
    public static bool IsCaseKeyId(string keyId) => keyId.StartsWith(KeyIdPrefix, StringComparison.Ordinal);

    /// <summary>The key id that blobs sealed for <paramref name="caseId"/> carry.</summary>
    public static string KeyIdFor(string caseId) => KeyIdPrefix + caseId;

    /// <summary>Loads every key record and tombstone of <paramref name="session"/> into memory, replacing what was there; returns how many keys.</summary>
    /// <exception cref="KeyringException">A key record does not open: the data belongs to another keyring, or the record was altered.</exception>
    public int Load(IRecordSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal);
        try
        {
            foreach (var record in session.All(Collection))
            {
                try
                {
                    keys.Add(record.Id, OpenKey(record));
                }
                catch (RecordIntegrityException ex)
                {
                    throw new KeyringException(
                        $"The key of case {record.Id} in the data file does not open with the keyring {_keyring.FilePath} ({ex.Message}): wrong keyring, or the data file was altered. Nothing was changed.",
                        ex);
                }
            }

            var destroyed = session.All(DestroyedCollection).Select(record => record.Id).ToHashSet(StringComparer.Ordinal);
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                DisposeAll(_keys.Values);
                _keys.Clear();
                _destroyed.Clear();
                foreach (var (caseId, key) in keys)
                {
                    _keys.Add(caseId, key);
                }

                _destroyed.UnionWith(destroyed);
                keys.Clear();
                return _keys.Count;
            }
        }
        finally
        {
            DisposeAll(keys.Values);
        }
    }

    /// <summary>True when the case has a live key in memory.</summary>
    public bool Exists(string caseId)
    {
        RequireValidCaseId(caseId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _keys.ContainsKey(caseId);
        }
    }

    /// <summary>Makes a key for the case and writes its record in <paramref name="session"/>; when the record exists already, keeps (and loads) that key.</summary>
    /// <remarks>
    /// The stored record decides, not memory: a key made by a unit of work that rolled back is replaced by the next call,
    /// so no blob is ever sealed under a key whose record did not commit with it.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The case's key was destroyed; a destroyed case stays destroyed.</exception>
    public void Create(IRecordSession session, string caseId)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireValidCaseId(caseId);
        if (session.Find(DestroyedCollection, caseId) is not null)
        {
            throw new InvalidOperationException($"The key of case {caseId} was destroyed; the case id cannot be reused.");
        }

        Key key;
        if (session.Find(Collection, caseId) is { } existing)
        {
            key = OpenKey(existing);
        }
        else
        {
            var raw = SecretBytes.Random(KeyWrap.RawKeySize);
            try
            {
                session.Put(SealKey(caseId, _keyring.Time.GetUtcNow(), raw));
                key = KeyWrap.Import(raw, AeadAlgorithm.XChaCha20Poly1305);
            }
            finally
            {
                SecretBytes.Wipe(raw);
            }
        }

        lock (_gate)
        {
            if (_disposed)
            {
                key.Dispose();
                ObjectDisposedException.ThrowIf(true, this);
            }

            if (_keys.Remove(caseId, out var replaced))
            {
                replaced.Dispose();
            }

            _keys[caseId] = key;
            _destroyed.Remove(caseId);
        }
    }

    /// <summary>Destroys the case's key: deletes its record and writes a tombstone in <paramref name="session"/>, and wipes the key from memory at once.</summary>
    /// <returns>False when the case had no key record.</returns>
    /// <remarks>
    /// Afterwards every blob of the case fails to open with "key destroyed", wherever copies of it remain. Memory is wiped
    /// before the commit (failing closed): should the unit roll back, the case stays unreadable until the next start loads
    /// its surviving record.
    /// </remarks>
    public bool Destroy(IRecordSession session, string caseId)
    {
        ArgumentNullException.ThrowIfNull(session);
        RequireValidCaseId(caseId);
        var existed = session.Delete(Collection, caseId);
        if (session.Find(DestroyedCollection, caseId) is null)
        {
            session.Put(SealTombstone(caseId, _keyring.Time.GetUtcNow()));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_keys.Remove(caseId, out var key))
            {
                key.Dispose();
                existed = true;
            }

            _destroyed.Add(caseId);
        }

        return existed;
    }

    /// <summary>The live key of a case, or null with <paramref name="destroyed"/> telling whether it was destroyed.</summary>
    internal Key? FindKey(string caseId, out bool destroyed)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_keys.TryGetValue(caseId, out var key))
            {
                destroyed = false;
                return key;
            }

            destroyed = _destroyed.Contains(caseId);
            return null;
        }
    }

    /// <summary>The key record of <paramref name="caseId"/> holding <paramref name="rawKey"/>, sealed under the current data key.</summary>
    internal StoredRecord SealKey(string caseId, DateTimeOffset created, ReadOnlySpan<byte> rawKey)
    {
        var plain = SecretBytes.Allocate(KeyRecordSize);
        try
        {
            plain[0] = RecordVersion;
            BinaryPrimitives.WriteInt64BigEndian(plain.AsSpan(1), created.ToUnixTimeMilliseconds());
            rawKey.CopyTo(plain.AsSpan(1 + sizeof(long)));
            return new StoredRecord(Collection, caseId, null, _keyring.Cipher.Seal(plain, new RecordAddress(Collection, caseId, Field)));
        }
        finally
        {
            SecretBytes.Wipe(plain);
        }
    }

    /// <summary>The tombstone of <paramref name="caseId"/>, sealed under the current data key.</summary>
    internal StoredRecord SealTombstone(string caseId, DateTimeOffset destroyed)
    {
        var plain = new byte[TombstoneSize];
        plain[0] = RecordVersion;
        BinaryPrimitives.WriteInt64BigEndian(plain.AsSpan(1), destroyed.ToUnixTimeMilliseconds());
        return new StoredRecord(DestroyedCollection, caseId, null, _keyring.Cipher.Seal(plain, new RecordAddress(DestroyedCollection, caseId, Field)));
    }

    /// <summary>Detaches from the keyring and wipes the case keys from memory.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _keyring.Detach(this);
            DisposeAll(_keys.Values);
            _keys.Clear();
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="caseId"/> is 1..64 ASCII letters, digits, '-' or '_'.</summary>
    internal static void RequireValidCaseId(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);

        // Letters, digits, '-' and '_' only: the id becomes part of a blob's ASCII key id.
        if (caseId.Length > MaxCaseIdLength || caseId.AsSpan().ContainsAnyExcept(CaseIdCharacters))
        {
            throw new ArgumentException($"A case id has 1..{MaxCaseIdLength} ASCII letters, digits, '-' or '_'.", nameof(caseId));
        }
    }

    /// <summary>Throws <see cref="KeyringException"/> when the keyring file lies inside the data directory.</summary>
    internal static void RequireKeyringOutside(string dataDirectory, string keyringFile)
    {
        var prefix = Path.EndsInDirectorySeparator(dataDirectory) ? dataDirectory : dataDirectory + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (keyringFile.StartsWith(prefix, comparison))
        {
            throw new KeyringException(
                $"The keyring {keyringFile} is inside the data directory {dataDirectory}; move it elsewhere (ideally other media) so a copy of the data alone reveals nothing.");
        }
    }

    private static void DisposeAll(IEnumerable<Key> keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    private Key OpenKey(StoredRecord record)
    {
        var address = new RecordAddress(Collection, record.Id, Field);
        var plain = _keyring.Cipher.Open(record.Blob, address);
        try
        {
            if (plain.Length != KeyRecordSize || plain[0] != RecordVersion)
            {
                throw new RecordIntegrityException(address, "not a case-key record of version 1");
            }

            return KeyWrap.Import(plain.AsSpan(1 + sizeof(long)), AeadAlgorithm.XChaCha20Poly1305);
        }
        finally
        {
            SecretBytes.Wipe(plain);
        }
    }
}
