using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>
/// The MAC a backup's manifest carries: HMAC-SHA256 under a key HKDF-derived from the keyring's lookup key with its own label,
/// and the keyring id that tells a foreign backup before any MAC is checked. Fails closed: a wrong MAC is false, never an answer in part.
/// </summary>
/// <remarks>
/// Derived from the lookup key because that key never rotates and every copy of the keyring holds it: a backup made before a
/// <c>keys rotate</c> or <c>keys change-passphrase</c> still verifies, and no keyring file has to change to gain a new key.
/// </remarks>
public sealed class BackupMac : IDisposable
{
    /// <summary>Bytes of a MAC.</summary>
    public const int MacSize = 32;

    private static readonly byte[] MacInfo = "DistressBot backup manifest MAC v1"u8.ToArray();
    private static readonly byte[] KeyringIdInfo = "DistressBot backup keyring id v1"u8.ToArray();
    private static readonly MacAlgorithm Algorithm = MacAlgorithm.HmacSha256;

    private readonly Key _key;

    private BackupMac(Key key, string keyringId)
    {
        _key = key;
        KeyringId = keyringId;
    }

    /// <summary>16 lowercase hex digits naming the keyring (derived, reveals nothing of any key); the same for every copy of it.</summary>
    public string KeyringId { get; }

    /// <summary>The backup MAC of <paramref name="keyring"/>; dispose it when done.</summary>
    /// <exception cref="KeyringException">The keyring's lookup key no longer unwraps in memory.</exception>
    public static BackupMac For(Keyring keyring)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var id = Convert.ToHexStringLower(keyring.DeriveBytesFromLookupKey(KeyringIdInfo, 8));
        return new BackupMac(keyring.DeriveFromLookupKey(MacInfo, Algorithm), id);
    }

    /// <summary>The 32-byte MAC of <paramref name="manifest"/> (the exact bytes of manifest.json).</summary>
    public byte[] Compute(ReadOnlySpan<byte> manifest) => Algorithm.Mac(_key, manifest);

    /// <summary>True only when <paramref name="mac"/> is the MAC of <paramref name="manifest"/> under this keyring (compared in constant time).</summary>
    public bool Verify(ReadOnlySpan<byte> manifest, ReadOnlySpan<byte> mac) => mac.Length == MacSize && Algorithm.Verify(_key, manifest, mac);

    /// <summary>Wipes the key.</summary>
    public void Dispose() => _key.Dispose();
}
