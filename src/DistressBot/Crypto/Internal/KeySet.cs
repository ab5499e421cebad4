using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>One unwrapped key of the keyring with its stored (wrapped) form.</summary>
/// <param name="Id">Short id ("k1", "l1", "s1").</param>
/// <param name="Role">"data", "lookup" or "log".</param>
/// <param name="Created">When the key was made.</param>
/// <param name="Wrapped">The key wrapped by the current key-encryption key, as stored.</param>
/// <param name="Key">The usable key in libsodium secure memory.</param>
internal sealed record KeyEntry(string Id, string Role, DateTimeOffset Created, byte[] Wrapped, Key Key)
{
    /// <summary>Role of keys that seal records.</summary>
    public const string DataRole = "data";

    /// <summary>Role of the key for lookup hashes.</summary>
    public const string LookupRole = "lookup";

    /// <summary>Role of the Ed25519 key that signs the case logs' checkpoints.</summary>
    public const string LogRole = "log";

    /// <summary>Associated data for wrapping: binds the wrapped bytes to this id and role, so keys cannot be swapped in the file.</summary>
    public static byte[] WrapAssociatedData(string role, string id) => CanonicalEncoding.Encode("DistressBot.Keyring.v1", role, id);
}

/// <summary>An immutable snapshot of the keyring's keys, swapped as a whole so readers never see a half-made change.</summary>
/// <param name="DataKeys">Data keys by id.</param>
/// <param name="CurrentId">Id of the data key new records are sealed with.</param>
/// <param name="Lookup">The lookup key.</param>
/// <param name="Log">The log key; null only in a keyring made before log keys existed, until <see cref="Keyring.EnsureLogKey"/>.</param>
internal sealed record KeySet(IReadOnlyDictionary<string, KeyEntry> DataKeys, string CurrentId, KeyEntry Lookup, KeyEntry? Log)
{
    /// <summary>The current data key.</summary>
    public KeyEntry Current => DataKeys[CurrentId];

    /// <summary>Data key ids in the order they were made (k1, k2, …).</summary>
    public IReadOnlyList<string> OrderedIds => DataKeys.Keys.OrderBy(KeyNumber).ToArray();

    /// <summary>Every key: data keys, the lookup key, then the log key if there is one.</summary>
    public IEnumerable<KeyEntry> All
    {
        get
        {
            var all = OrderedIds.Select(id => DataKeys[id]).Append(Lookup);
            return Log is null ? all : all.Append(Log);
        }
    }

    /// <summary>The number in a data key id ("k12" → 12).</summary>
    public static int KeyNumber(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for ids of the form k1, k2, … .</summary>
    public static bool IsDataKeyId(string id) =>
        id.Length is >= 2 and <= 10 && id[0] == 'k' && id[1] != '0' && id.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}
