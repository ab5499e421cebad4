using System.Buffers;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>One random key per case, kept in a small file beside the data but wrapped by keyring data keys, so a case can be erased by destroying its key.</summary>
/// <remarks>
/// Not in LiteDB on purpose: LiteDB keeps freed pages, so a deleted key could be recovered from the database file.
/// Opening a store attaches it to the keyring, so <see cref="Keyring.Cipher"/> seals and opens case blobs (key id "c:" + case id).
/// Every change rewrites the file atomically before it takes effect in memory. All members are thread-safe.
/// Limit: an older copy of the file may survive in free blocks of the disk; it is useless without the keyring and its secret.
/// </remarks>
public sealed class CaseKeyStore : IDisposable
{
    /// <summary>Prefix of the key id a case blob names.</summary>
    public const string KeyIdPrefix = "c:";

    /// <summary>Longest accepted case id.</summary>
    public const int MaxCaseIdLength = 64;

    private const string CaseRole = "case";

    private static readonly SearchValues<char> CaseIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly Lock _gate = new();
    private readonly Keyring _keyring;
    private readonly Dictionary<string, CaseKey> _keys;
    private readonly Dictionary<string, DateTimeOffset> _destroyed;
    private bool _disposed;

    private CaseKeyStore(string path, Keyring keyring, Dictionary<string, CaseKey> keys, Dictionary<string, DateTimeOffset> destroyed)
    {
        FilePath = path;
        _keyring = keyring;
        _keys = keys;
        _destroyed = destroyed;
    }

    /// <summary>Full path of the case-key file.</summary>
    public string FilePath { get; }

    /// <summary>Opens (or starts, when the file does not exist yet) the case-key file and attaches it to <paramref name="keyring"/>.</summary>
    /// <param name="path">The case-key file, normally <c>&lt;dataDir&gt;/case-keys.json</c>.</param>
    /// <param name="keyring">The keyring whose data keys wrap the case keys; it must not live in the same folder tree.</param>
    /// <exception cref="KeyringException">The file is damaged, of another format, from another keyring, or the keyring sits inside the data folder.</exception>
    public static CaseKeyStore Open(string path, Keyring keyring)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(keyring);
        var fullPath = Path.GetFullPath(path);
        RequireKeyringOutside(fullPath, keyring.FilePath);

        var keys = new Dictionary<string, CaseKey>(StringComparer.Ordinal);
        var destroyed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(fullPath))
            {
                Load(fullPath, keyring, keys, destroyed);
            }

            var store = new CaseKeyStore(fullPath, keyring, keys, destroyed);
            keyring.Attach(store);
            return store;
        }
        catch
        {
            DisposeAll(keys.Values);
            throw;
        }
    }

    /// <summary>True for a key id that names a case key.</summary>
    public static bool IsCaseKeyId(string keyId) => keyId.StartsWith(KeyIdPrefix, StringComparison.Ordinal);

    /// <summary>The key id that blobs sealed for <paramref name="caseId"/> carry.</summary>
    public static string KeyIdFor(string caseId) => KeyIdPrefix + caseId;

    /// <summary>True when the case has a live key.</summary>
    public bool Exists(string caseId)
    {
        RequireValidCaseId(caseId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _keys.ContainsKey(caseId);
        }
    }

    /// <summary>Makes a key for the case and saves it; does nothing when the case already has one.</summary>
    /// <exception cref="InvalidOperationException">The case's key was destroyed; a destroyed case stays destroyed.</exception>
    public void Create(string caseId)
    {
        RequireValidCaseId(caseId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_keys.ContainsKey(caseId))
            {
                return;
            }

            if (_destroyed.ContainsKey(caseId))
            {
                throw new InvalidOperationException($"The key of case {caseId} was destroyed; the case id cannot be reused.");
            }

            var entry = NewCaseKey(caseId);
            try
            {
                // Saved before use: a record sealed under a key that was never saved would be lost in a crash.
                Save(new Dictionary<string, CaseKey>(_keys, StringComparer.Ordinal) { [caseId] = entry }, _destroyed);
            }
            catch
            {
                entry.Key.Dispose();
                throw;
            }

            _keys[caseId] = entry;
        }
    }

    /// <summary>Destroys the case's key: removes it from the file (rewritten atomically) and wipes it from memory.</summary>
    /// <returns>False when the case had no live key.</returns>
    /// <remarks>Afterwards every blob of the case fails to open with "key destroyed", wherever copies of it remain.</remarks>
    public bool Destroy(string caseId)
    {
        RequireValidCaseId(caseId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_keys.TryGetValue(caseId, out var entry))
            {
                return false;
            }

            var keys = new Dictionary<string, CaseKey>(_keys, StringComparer.Ordinal);
            keys.Remove(caseId);
            var destroyed = new Dictionary<string, DateTimeOffset>(_destroyed, StringComparer.Ordinal) { [caseId] = _keyring.Time.GetUtcNow() };
            Save(keys, destroyed);
            _keys.Remove(caseId);
            _destroyed[caseId] = destroyed[caseId];
            entry.Key.Dispose();
            return true;
        }
    }

    /// <summary>Re-wraps every case key not yet wrapped by the keyring's current data key; one atomic rewrite.</summary>
    /// <returns>How many case keys were re-wrapped.</returns>
    public int RewrapWithCurrentKey()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _keyring.Keys.Current;
            var stale = _keys.Where(pair => pair.Value.WrappedBy != current.Id).ToList();
            if (stale.Count == 0)
            {
                return 0;
            }

            var keys = new Dictionary<string, CaseKey>(_keys, StringComparer.Ordinal);
            foreach (var (caseId, entry) in stale)
            {
                keys[caseId] = entry with { WrappedBy = current.Id, Wrapped = Rewrap(caseId, entry, current) };
            }

            Save(keys, _destroyed);
            foreach (var (caseId, _) in stale)
            {
                _keys[caseId] = keys[caseId];
            }

            return stale.Count;
        }
    }

    /// <summary>The live key of a case, or null with <paramref name="destroyed"/> telling whether it was destroyed.</summary>
    internal Key? FindKey(string caseId, out bool destroyed)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_keys.TryGetValue(caseId, out var entry))
            {
                destroyed = false;
                return entry.Key;
            }

            destroyed = _destroyed.ContainsKey(caseId);
            return null;
        }
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
        }
    }

    private static void RequireValidCaseId(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);

        // Letters, digits, '-' and '_' only: the id becomes part of a blob's ASCII key id and of the file.
        if (caseId.Length > MaxCaseIdLength || caseId.AsSpan().ContainsAnyExcept(CaseIdCharacters))
        {
            throw new ArgumentException($"A case id has 1..{MaxCaseIdLength} ASCII letters, digits, '-' or '_'.", nameof(caseId));
        }
    }

    private static byte[] WrapAssociatedData(string caseId, string wrappedBy) =>
        CanonicalEncoding.Encode("DistressBot.CaseKey.v1", CaseRole, caseId, wrappedBy);

    private static void RequireKeyringOutside(string caseKeyFile, string keyringFile)
    {
        var dataDirectory = Path.GetDirectoryName(caseKeyFile)!;
        var prefix = Path.EndsInDirectorySeparator(dataDirectory) ? dataDirectory : dataDirectory + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (keyringFile.StartsWith(prefix, comparison))
        {
            throw new KeyringException(
                $"The keyring {keyringFile} is inside the data directory {dataDirectory}; move it elsewhere (ideally other media) so a copy of the data alone reveals nothing.");
        }
    }

    private static void Load(string path, Keyring keyring, Dictionary<string, CaseKey> keys, Dictionary<string, DateTimeOffset> destroyed)
    {
        var document = JsonFormat.Parse<CaseKeyDocument>(File.ReadAllBytes(path), path, "case-key file");
        if (document.Format != CaseKeyDocument.CurrentFormat)
        {
            throw new KeyringException($"The case-key file {path} has format version {document.Format}; this build reads version {CaseKeyDocument.CurrentFormat}.");
        }

        foreach (var item in document.Destroyed ?? [])
        {
            if (item.CaseId is null || !destroyed.TryAdd(item.CaseId, item.Destroyed))
            {
                throw new KeyringException($"The case-key file {path} has an invalid or repeated destroyed entry.");
            }
        }

        foreach (var item in document.Cases ?? [])
        {
            if (item.Id is null || item.Role != CaseRole || item.WrappedBy is null || keys.ContainsKey(item.Id) || destroyed.ContainsKey(item.Id))
            {
                throw new KeyringException($"The case-key file {path} has an invalid or repeated case entry ('{item.Id}').");
            }

            var wrappingKey = keyring.FindDataKey(item.WrappedBy)
                ?? throw new KeyringException($"The case-key file {path} needs data key {item.WrappedBy}, which the keyring {keyring.FilePath} does not hold (wrong keyring?).");
            var wrapped = JsonFormat.Base64(item.Wrapped, path, $"wrapped key of case {item.Id}");
            var key = KeyWrap.TryUnwrapKey(wrappingKey, wrapped, WrapAssociatedData(item.Id, item.WrappedBy), AeadAlgorithm.XChaCha20Poly1305)
                ?? throw new KeyringException($"The key of case {item.Id} in {path} does not authenticate: the file was altered or belongs to another keyring.");
            keys.Add(item.Id, new CaseKey(item.Created, item.WrappedBy, wrapped, key));
        }
    }

    private static void DisposeAll(IEnumerable<CaseKey> keys)
    {
        foreach (var entry in keys)
        {
            entry.Key.Dispose();
        }
    }

    private CaseKey NewCaseKey(string caseId)
    {
        var current = _keyring.Keys.Current;
        var raw = SecretBytes.Random(KeyWrap.RawKeySize);
        try
        {
            var wrapped = KeyWrap.Wrap(current.Key, raw, WrapAssociatedData(caseId, current.Id));
            return new CaseKey(_keyring.Time.GetUtcNow(), current.Id, wrapped, KeyWrap.Import(raw, AeadAlgorithm.XChaCha20Poly1305));
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    private byte[] Rewrap(string caseId, CaseKey entry, KeyEntry current)
    {
        var oldKey = _keyring.FindDataKey(entry.WrappedBy)
            ?? throw new KeyringException($"Data key {entry.WrappedBy} that wraps case {caseId} is missing from the keyring.");
        var raw = SecretBytes.Allocate(KeyWrap.RawKeySize);
        try
        {
            if (!KeyWrap.TryUnwrap(oldKey, entry.Wrapped, WrapAssociatedData(caseId, entry.WrappedBy), raw))
            {
                throw new KeyringException($"The key of case {caseId} no longer unwraps in memory; nothing was changed.");
            }

            return KeyWrap.Wrap(current.Key, raw, WrapAssociatedData(caseId, current.Id));
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    private void Save(Dictionary<string, CaseKey> keys, Dictionary<string, DateTimeOffset> destroyed)
    {
        var document = new CaseKeyDocument
        {
            Format = CaseKeyDocument.CurrentFormat,
            Cases = keys.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new WrappedKeyDocument
            {
                Id = pair.Key,
                Role = CaseRole,
                Created = pair.Value.Created,
                WrappedBy = pair.Value.WrappedBy,
                Wrapped = Convert.ToBase64String(pair.Value.Wrapped),
            }).ToList(),
            Destroyed = destroyed.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new DestroyedCaseDocument { CaseId = pair.Key, Destroyed = pair.Value }).ToList(),
        };
        AtomicFile.Write(FilePath, document.ToJson(), overwrite: true);
    }

    /// <summary>A live case key with its stored form.</summary>
    private sealed record CaseKey(DateTimeOffset Created, string WrappedBy, byte[] Wrapped, Key Key);
}
