using DistressBot.Evidence;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>The data keys, the current-key choice, the lookup key and the log key, stored wrapped by a key-encryption key in one small file.</summary>
/// <remarks>
/// Keep the file outside the data directory (ideally on other media) so a copy of the data alone is useless.
/// Keys live in NSec <see cref="Key"/> objects (libsodium secure memory) and are disposed with the keyring.
/// <see cref="Cipher"/> opens case-sealed blobs once a <see cref="CaseKeyStore"/> has been opened on this keyring.
/// The log key (Ed25519) signs the case logs' checkpoints for the whole deployment; <see cref="LogSigner"/> signs with it.
/// </remarks>
public sealed class Keyring : IDisposable
{
    private const string LookupKeyId = "l1";
    private const string LogKeyId = "s1";

    private readonly Lock _gate = new();
    private Key _kek;
    private KeyEncryptionKdf _kdf;
    private volatile KeySet _keys;
    private volatile CaseKeyStore? _caseKeys;
    private volatile NoteSigner? _logSigner;
    private bool _disposed;

    private Keyring(string path, TimeProvider time, Key kek, KeyEncryptionKdf kdf, KeySet keys)
    {
        FilePath = path;
        Time = time;
        _kek = kek;
        _kdf = kdf;
        _keys = keys;
        _logSigner = keys.Log is { } log ? SignerFor(log) : null;
        Cipher = new RecordCipher(this);
        Lookups = new LookupHasher(this);
    }

    /// <summary>Id of the data key that new records are sealed with.</summary>
    public string CurrentKeyId => Keys.CurrentId;

    /// <summary>Ids of all data keys, oldest first.</summary>
    public IReadOnlyList<string> KeyIds => Keys.OrderedIds;

    /// <summary>Which kind of secret this keyring is opened with.</summary>
    public KeyEncryptionSecretKind SecretKind => _kdf.Kind;

    /// <summary>Seals and opens records with this keyring's data keys and, once attached, its case keys.</summary>
    public IRecordCipher Cipher { get; }

    /// <summary>Keyed BLAKE2b-256 lookup hashes under the keyring's lookup key.</summary>
    public ILookupHasher Lookups { get; }

    /// <summary>
    /// Signs checkpoint notes with the deployment's log key, under the key name <see cref="LogKeyName.For"/> gives.
    /// <see cref="KeyringException"/> when this keyring has no log key yet (made before log keys existed; see <see cref="EnsureLogKey"/>).
    /// </summary>
    public NoteSigner LogSigner
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _logSigner ?? throw new KeyringException(
                $"The keyring {FilePath} has no log key, so nothing can be signed with it: it was made by an earlier version, and the bot adds one when it next opens its data.");
        }
    }

    /// <summary>When the log key was made (UTC); null when this keyring has none yet.</summary>
    public DateTimeOffset? LogKeyCreated => Keys.Log?.Created;

    /// <summary>Full path of the keyring file.</summary>
    public string FilePath { get; }

    /// <summary>The clock used for key creation times.</summary>
    internal TimeProvider Time { get; }

    /// <summary>The case-key store attached to this keyring, if one is open.</summary>
    internal CaseKeyStore? CaseKeys => _caseKeys;

    /// <summary>The current snapshot of keys.</summary>
    internal KeySet Keys
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _keys;
        }
    }

    /// <summary>Creates a new keyring file with one data key (k1), one lookup key and the log key.</summary>
    /// <param name="path">Where to write it; must not exist. Keep it outside the data directory.</param>
    /// <param name="secret">The passphrase or key file the key-encryption key comes from.</param>
    /// <param name="time">Clock for key creation times.</param>
    /// <param name="argon2">Argon2id cost for a passphrase; null means <see cref="Argon2Settings.Moderate"/>. Ignored for key files.</param>
    /// <exception cref="KeyringException">A file already exists at <paramref name="path"/>.</exception>
    public static Keyring Create(string path, KeyEncryptionSecret secret, TimeProvider time, Argon2Settings? argon2 = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(time);
        RequireStrongEnough(secret);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            throw new KeyringException($"A keyring already exists at {fullPath}; refusing to overwrite it.");
        }

        var kdf = KeyEncryptionKdf.New(secret.Kind, argon2);
        var kek = kdf.Derive(secret);
        var created = new List<KeyEntry>();
        try
        {
            var now = time.GetUtcNow();
            created.Add(NewKey(kek, "k1", KeyEntry.DataRole, AeadAlgorithm.XChaCha20Poly1305, now));
            created.Add(NewKey(kek, LookupKeyId, KeyEntry.LookupRole, MacAlgorithm.Blake2b_256, now));
            created.Add(NewKey(kek, LogKeyId, KeyEntry.LogRole, SignatureAlgorithm.Ed25519, now));
            var keys = new KeySet(new Dictionary<string, KeyEntry> { ["k1"] = created[0] }, "k1", created[1], created[2]);
            try
            {
                AtomicFile.Write(fullPath, Serialize(kdf, keys), overwrite: false);
            }
            catch (IOException ex) when (File.Exists(fullPath))
            {
                throw new KeyringException($"A keyring already exists at {fullPath}; refusing to overwrite it.", ex);
            }

            return new Keyring(fullPath, time, kek, kdf, keys);
        }
        catch
        {
            created.ForEach(entry => entry.Key.Dispose());
            kek.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing keyring, with its log key when it has one (one made before log keys existed has none); never writes to it.</summary>
    /// <param name="path">The keyring file.</param>
    /// <param name="secret">The passphrase or key file it was made with.</param>
    /// <param name="time">Clock for creation times of keys made later; null means the system clock.</param>
    /// <exception cref="KeyringException">
    /// Missing, unreadable, damaged or of an unknown format; made with the other kind of secret; or the secret is wrong
    /// ("the keyring could not be opened with this passphrase" / "… with this key file").
    /// </exception>
    public static Keyring Open(string path, KeyEncryptionSecret secret, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(secret);
        var fullPath = Path.GetFullPath(path);
        var document = JsonFormat.Parse<KeyringDocument>(ReadFile(fullPath), fullPath, "keyring");
        if (document.Format is not (KeyringDocument.CurrentFormat or KeyringDocument.FormatWithoutLogKey))
        {
            throw new KeyringException(
                $"The keyring {fullPath} has format version {document.Format}; this build reads versions {KeyringDocument.FormatWithoutLogKey} and {KeyringDocument.CurrentFormat}.");
        }

        var kdf = KeyEncryptionKdf.FromDocument(document.Kdf, fullPath);
        if (kdf.Kind != secret.Kind)
        {
            throw new KeyringException(
                $"The keyring {fullPath} was made with a {KeyEncryptionSecret.Describe(kdf.Kind)}, but a {KeyEncryptionSecret.Describe(secret.Kind)} was given ({secret.Source}).");
        }

        var stored = ValidateKeys(document, fullPath);
        var kek = kdf.Derive(secret);
        var opened = new List<KeyEntry>();
        try
        {
            foreach (var (entry, wrapped) in stored)
            {
                var key = KeyWrap.TryUnwrapKey(kek, wrapped, KeyEntry.WrapAssociatedData(entry.Role!, entry.Id!), AlgorithmOf(entry.Role!));
                if (key is null)
                {
                    // Nothing unwrapped yet means the key-encryption key is wrong; a later failure means the file was altered.
                    throw new KeyringException(opened.Count == 0
                        ? $"the keyring could not be opened with this {KeyEncryptionSecret.Describe(secret.Kind)}"
                        : $"The keyring {fullPath} is damaged: key {entry.Id} does not authenticate; restore it from a backup.");
                }

                opened.Add(new KeyEntry(entry.Id!, entry.Role!, entry.Created, wrapped, key));
            }

            var data = opened.Where(e => e.Role == KeyEntry.DataRole).ToDictionary(e => e.Id, StringComparer.Ordinal);
            var lookup = opened.Single(e => e.Role == KeyEntry.LookupRole);
            var log = opened.SingleOrDefault(e => e.Role == KeyEntry.LogRole);
            return new Keyring(fullPath, time ?? TimeProvider.System, kek, kdf, new KeySet(data, document.CurrentKeyId!, lookup, log));
        }
        catch
        {
            opened.ForEach(entry => entry.Key.Dispose());
            kek.Dispose();
            throw;
        }
    }

    /// <summary>Adds a new data key, makes it current and saves the file atomically; old keys stay so old records still open.</summary>
    /// <returns>The new key's id.</returns>
    /// <remarks>Afterwards call <see cref="RecordReencryptor.Reencrypt"/> (case-key records included, see <see cref="CaseKeyStore.Collections"/>).</remarks>
    public string Rotate()
    {
        lock (_gate)
        {
            var keys = Keys;
            var id = "k" + (KeySet.KeyNumber(keys.OrderedIds[^1]) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = NewKey(_kek, id, KeyEntry.DataRole, AeadAlgorithm.XChaCha20Poly1305, Time.GetUtcNow());
            var next = keys with { DataKeys = new Dictionary<string, KeyEntry>(keys.DataKeys) { [id] = entry }, CurrentId = id };
            try
            {
                AtomicFile.Write(FilePath, Serialize(_kdf, next), overwrite: true);
            }
            catch
            {
                entry.Key.Dispose();
                throw;
            }

            _keys = next;
            return id;
        }
    }

    /// <summary>
    /// Gives a keyring made before log keys existed its log key, saved atomically and durably before this returns;
    /// does nothing when it has one. True when it made one (back up the keyring again).
    /// </summary>
    /// <exception cref="KeyringException">The keyring file could not be rewritten (its folder not writable, a full disk); it is unchanged.</exception>
    public bool EnsureLogKey()
    {
        lock (_gate)
        {
            var keys = Keys;
            if (keys.Log is not null)
            {
                return false;
            }

            var entry = NewKey(_kek, LogKeyId, KeyEntry.LogRole, SignatureAlgorithm.Ed25519, Time.GetUtcNow());
            try
            {
                var next = keys with { Log = entry };
                var signer = SignerFor(entry);
                AtomicFile.Write(FilePath, Serialize(_kdf, next), overwrite: true);
                _logSigner = signer;
                _keys = next;
            }
            catch (Exception ex)
            {
                entry.Key.Dispose();
                if (ex is IOException or UnauthorizedAccessException)
                {
                    throw new KeyringException(
                        $"The keyring {FilePath} has no log key (it was made by an earlier version), and one could not be saved into it ({ex.Message}); it is unchanged. Let the bot's user write the keyring and its folder (Crypto:KeyringPath), then start again.",
                        ex);
                }

                throw;
            }

            return true;
        }
    }

    /// <summary>Re-wraps every key under a key-encryption key from <paramref name="newSecret"/> with a new salt; records are untouched.</summary>
    /// <param name="newSecret">The new passphrase or key file (either kind).</param>
    /// <param name="argon2">Argon2id cost for a new passphrase; null keeps the current cost, or uses <see cref="Argon2Settings.Moderate"/>.</param>
    public void ChangeSecret(KeyEncryptionSecret newSecret, Argon2Settings? argon2 = null)
    {
        ArgumentNullException.ThrowIfNull(newSecret);
        RequireStrongEnough(newSecret);
        lock (_gate)
        {
            var keys = Keys;
            var kdf = KeyEncryptionKdf.New(newSecret.Kind, argon2 ?? _kdf.Argon2);
            var kek = kdf.Derive(newSecret);
            try
            {
                var rewrapped = keys.All.ToDictionary(e => e.Id, e => e with { Wrapped = Rewrap(e, kek) }, StringComparer.Ordinal);
                var next = new KeySet(
                    keys.DataKeys.Keys.ToDictionary(id => id, id => rewrapped[id], StringComparer.Ordinal),
                    keys.CurrentId,
                    rewrapped[keys.Lookup.Id],
                    keys.Log is null ? null : rewrapped[keys.Log.Id]);
                AtomicFile.Write(FilePath, Serialize(kdf, next), overwrite: true);
                (_kek, kek) = (kek, _kek);
                _kdf = kdf;
                _keys = next;
            }
            finally
            {
                // On success this disposes the old key-encryption key; on failure, the unused new one.
                kek.Dispose();
            }
        }
    }

    /// <summary>
    /// A key of <paramref name="algorithm"/> derived with HKDF-SHA256 from the lookup key under <paramref name="info"/> (its own
    /// label per use), so every copy of this keyring derives it, whatever its secret or data keys became; the caller disposes it.
    /// </summary>
    internal Key DeriveFromLookupKey(ReadOnlySpan<byte> info, Algorithm algorithm)
    {
        var raw = SecretBytes.Allocate(KeyWrap.RawKeySize);
        try
        {
            UnwrapLookupKey(raw);
            return KeyDerivationAlgorithm.HkdfSha256.DeriveKey(raw, ReadOnlySpan<byte>.Empty, info, algorithm);
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    /// <summary><paramref name="count"/> bytes derived with HKDF-SHA256 from the lookup key under <paramref name="info"/>: for public identifiers only.</summary>
    internal byte[] DeriveBytesFromLookupKey(ReadOnlySpan<byte> info, int count)
    {
        var raw = SecretBytes.Allocate(KeyWrap.RawKeySize);
        try
        {
            UnwrapLookupKey(raw);
            return KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(raw, ReadOnlySpan<byte>.Empty, info, count);
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    /// <summary>The data key with this id, or null.</summary>
    internal Key? FindDataKey(string id) => Keys.DataKeys.TryGetValue(id, out var entry) ? entry.Key : null;

    /// <summary>Makes <paramref name="store"/> the source of case keys for <see cref="Cipher"/>.</summary>
    internal void Attach(CaseKeyStore store)
    {
        if (Interlocked.CompareExchange(ref _caseKeys, store, null) is not null)
        {
            throw new InvalidOperationException("A case-key store is already open on this keyring.");
        }
    }

    /// <summary>Detaches <paramref name="store"/> when it is disposed.</summary>
    internal void Detach(CaseKeyStore store) => Interlocked.CompareExchange(ref _caseKeys, null, store);

    /// <summary>Wipes every key from memory.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entry in _keys.All)
            {
                entry.Key.Dispose();
            }

            _kek.Dispose();
        }
    }

    private static void RequireStrongEnough(KeyEncryptionSecret secret)
    {
        if (secret.Kind == KeyEncryptionSecretKind.Passphrase && secret.PassphraseLength < KeyEncryptionSecret.MinNewPassphraseLength)
        {
            throw new ArgumentException(
                $"A new passphrase must have at least {KeyEncryptionSecret.MinNewPassphraseLength} characters.", nameof(secret));
        }
    }

    private static NoteSigner SignerFor(KeyEntry log) =>
        new(LogKeyName.For(log.Key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), log.Key);

    private static Algorithm AlgorithmOf(string role) => role switch
    {
        KeyEntry.DataRole => AeadAlgorithm.XChaCha20Poly1305,
        KeyEntry.LookupRole => MacAlgorithm.Blake2b_256,
        _ => SignatureAlgorithm.Ed25519,
    };

    private byte[] Rewrap(KeyEntry entry, Key newKek)
    {
        var raw = SecretBytes.Allocate(KeyWrap.RawKeySize);
        try
        {
            var ad = KeyEntry.WrapAssociatedData(entry.Role, entry.Id);
            if (!KeyWrap.TryUnwrap(_kek, entry.Wrapped, ad, raw))
            {
                throw new KeyringException($"Key {entry.Id} no longer unwraps in memory; the keyring was not changed.");
            }

            return KeyWrap.Wrap(newKek, raw, ad);
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    private void UnwrapLookupKey(Span<byte> raw)
    {
        lock (_gate)
        {
            var lookup = Keys.Lookup;
            if (!KeyWrap.TryUnwrap(_kek, lookup.Wrapped, KeyEntry.WrapAssociatedData(lookup.Role, lookup.Id), raw))
            {
                throw new KeyringException($"Key {lookup.Id} no longer unwraps in memory; nothing can be derived from it.");
            }
        }
    }

    private static KeyEntry NewKey(Key kek, string id, string role, Algorithm algorithm, DateTimeOffset now)
    {
        var raw = SecretBytes.Random(KeyWrap.RawKeySize);
        try
        {
            var wrapped = KeyWrap.Wrap(kek, raw, KeyEntry.WrapAssociatedData(role, id));
            return new KeyEntry(id, role, now, wrapped, KeyWrap.Import(raw, algorithm));
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    private static byte[] Serialize(KeyEncryptionKdf kdf, KeySet keys) => new KeyringDocument
    {
        // A keyring without its log key keeps the earlier format, whose readers expect none.
        Format = keys.Log is null ? KeyringDocument.FormatWithoutLogKey : KeyringDocument.CurrentFormat,
        Kdf = kdf.ToDocument(),
        CurrentKeyId = keys.CurrentId,
        Keys = keys.All.Select(e => new WrappedKeyDocument
        {
            Id = e.Id,
            Role = e.Role,
            Created = e.Created,
            Wrapped = Convert.ToBase64String(e.Wrapped),
        }).ToList(),
    }.ToJson();

    private static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyringException($"There is no keyring at {path}; check Crypto:KeyringPath, or create a keyring first.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyringException($"The keyring {path} could not be read: {ex.Message}", ex);
        }
    }

    private static List<(WrappedKeyDocument Entry, byte[] Wrapped)> ValidateKeys(KeyringDocument document, string path)
    {
        var keys = document.Keys ?? throw new KeyringException($"The keyring {path} has no keys.");
        var result = new List<(WrappedKeyDocument, byte[])>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var valid = key.Role switch
            {
                KeyEntry.DataRole => key.Id is not null && KeySet.IsDataKeyId(key.Id),
                KeyEntry.LookupRole => key.Id == LookupKeyId,
                KeyEntry.LogRole => key.Id == LogKeyId,
                _ => false,
            };
            if (!valid || !seen.Add(key.Id!))
            {
                throw new KeyringException($"The keyring {path} has an invalid or repeated key entry (id '{key.Id}', role '{key.Role}').");
            }

            var wrapped = JsonFormat.Base64(key.Wrapped, path, $"wrapped key {key.Id}");
            if (wrapped.Length != KeyWrap.WrappedSize)
            {
                throw new KeyringException($"The keyring {path} has a wrapped key {key.Id} of the wrong size.");
            }

            result.Add((key, wrapped));
        }

        if (result.Count(k => k.Item1.Role == KeyEntry.LookupRole) != 1)
        {
            throw new KeyringException($"The keyring {path} must hold exactly one lookup key.");
        }

        // Format 2 must hold its log key: one gone missing is damage, never a reason to make a new key the lawyers do not know.
        var logKeys = result.Count(k => k.Item1.Role == KeyEntry.LogRole);
        if (logKeys != (document.Format == KeyringDocument.CurrentFormat ? 1 : 0))
        {
            throw new KeyringException(document.Format == KeyringDocument.CurrentFormat
                ? $"The keyring {path} is damaged: it has lost its log key, which signs the case logs; restore it from a backup."
                : $"The keyring {path} has format version {document.Format}, which holds no log key, yet it has one; restore it from a backup.");
        }

        if (document.CurrentKeyId is null || !result.Any(k => k.Item1.Role == KeyEntry.DataRole && k.Item1.Id == document.CurrentKeyId))
        {
            throw new KeyringException($"The keyring {path} names current key '{document.CurrentKeyId}', which it does not hold.");
        }

        return result;
    }
}
