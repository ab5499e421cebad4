using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// A case bundle sealed to a lawyer's X25519 public key (docs/evidence.md, "Sealed bundles"): magic "DBSEALED", version 1,
/// the ephemeral public key (32 bytes), the nonce (24 bytes), then the zip under XChaCha20-Poly1305 with the header as
/// associated data; the key is HKDF-SHA256 of the X25519 secret, salt = ephemeral public key ‖ lawyer's public key.
/// </summary>
public static class SealedBundle
{
    /// <summary>The file's first 8 bytes: ASCII "DBSEALED".</summary>
    public static ReadOnlySpan<byte> Magic => "DBSEALED"u8;

    /// <summary>The only version written and read.</summary>
    public const byte Version = 1;

    /// <summary>Bytes of an X25519 public or private key.</summary>
    public const int KeyBytes = 32;

    /// <summary>Bytes of the XChaCha20-Poly1305 nonce.</summary>
    public const int NonceBytes = 24;

    /// <summary>Bytes of the header (magic, version, ephemeral public key, nonce), which is also the associated data: 65.</summary>
    public const int HeaderBytes = 8 + 1 + KeyBytes + NonceBytes;

    /// <summary>Bytes of the Poly1305 tag after the ciphertext.</summary>
    public const int TagBytes = 16;

    /// <summary>The HKDF info string, UTF-8.</summary>
    public const string Info = "distressbot sealed bundle v1";

    /// <summary>What a sealed bundle's file name ends with after the zip's name.</summary>
    public const string Extension = ".sealed";

    /// <summary>Seals <paramref name="zip"/> to the lawyer's 32-byte X25519 <paramref name="lawyerPublicKey"/>; throws <see cref="FormatException"/> for a key that is not one.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> zip, ReadOnlySpan<byte> lawyerPublicKey)
    {
        if (!TryImportPublic(lawyerPublicKey, out var lawyer))
        {
            throw new FormatException($"A lawyer's key is {KeyBytes} bytes of an X25519 public key.");
        }

        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        var ephemeralPublic = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var sealedBytes = new byte[HeaderBytes + zip.Length + TagBytes];
        var header = sealedBytes.AsSpan(0, HeaderBytes);
        Magic.CopyTo(header);
        header[8] = Version;
        ephemeralPublic.CopyTo(header[9..]);
        RandomNumberGenerator.Fill(header.Slice(9 + KeyBytes, NonceBytes));
        using var key = DeriveKey(ephemeral, lawyer, ephemeralPublic, lawyerPublicKey)
            ?? throw new FormatException("The lawyer's key is a low-order X25519 point: no secret can be agreed with it.");
        AeadAlgorithm.XChaCha20Poly1305.Encrypt(key, header.Slice(9 + KeyBytes, NonceBytes), header, zip, sealedBytes.AsSpan(HeaderBytes));
        return sealedBytes;
    }

    /// <summary>
    /// Opens <paramref name="sealedBytes"/> with the lawyer's 32-byte X25519 <paramref name="privateKey"/>: true with the zip,
    /// or false with the reason (not a sealed bundle, unknown version, truncated, or not for this key or changed).
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> privateKey, out byte[] zip, out string problem)
    {
        zip = [];
        if (sealedBytes.Length < Magic.Length || !sealedBytes[..Magic.Length].SequenceEqual(Magic))
        {
            problem = "This is not a sealed bundle (it does not start with DBSEALED).";
            return false;
        }

        if (sealedBytes.Length <= Magic.Length)
        {
            problem = "The sealed bundle is cut short: it ends after its first 8 bytes.";
            return false;
        }

        if (sealedBytes[8] != Version)
        {
            problem = $"The sealed bundle has version {sealedBytes[8]}; this program opens version {Version} only.";
            return false;
        }

        if (sealedBytes.Length < HeaderBytes + TagBytes)
        {
            problem = $"The sealed bundle is cut short: {sealedBytes.Length} bytes, fewer than its header and tag ({HeaderBytes + TagBytes}).";
            return false;
        }

        if (privateKey.Length != KeyBytes)
        {
            problem = $"The key is {privateKey.Length} bytes, not the {KeyBytes} of an X25519 private key.";
            return false;
        }

        var header = sealedBytes[..HeaderBytes];
        var ephemeralPublic = header.Slice(9, KeyBytes);
        if (!TryImportPublic(ephemeralPublic, out var ephemeral))
        {
            problem = "The sealed bundle's ephemeral key is not an X25519 public key: the file was changed.";
            return false;
        }

        using var mine = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var minePublic = mine.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        using var key = DeriveKey(mine, ephemeral, ephemeralPublic, minePublic);
        var opened = new byte[sealedBytes.Length - HeaderBytes - TagBytes];
        if (key is null || !AeadAlgorithm.XChaCha20Poly1305.Decrypt(key, header.Slice(9 + KeyBytes, NonceBytes), header, sealedBytes[HeaderBytes..], opened))
        {
            problem = "The sealed bundle does not open with this key: it was sealed to another key, or changed or cut short after sealing.";
            return false;
        }

        zip = opened;
        problem = "";
        return true;
    }

    /// <summary>The public key (32 bytes) of an X25519 <paramref name="privateKey"/> (32 bytes).</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, privateKey, KeyBlobFormat.RawPrivateKey);
        return key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>A new X25519 private key (32 bytes) for a lawyer's machine.</summary>
    public static byte[] NewPrivateKey()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return key.Export(KeyBlobFormat.RawPrivateKey);
    }

    /// <summary>True when <paramref name="publicKey"/> is 32 bytes of an X25519 public key a secret can be agreed with (not a low-order point).</summary>
    public static bool IsPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (!TryImportPublic(publicKey, out var key))
        {
            return false;
        }

        using var trial = Key.Create(KeyAgreementAlgorithm.X25519);
        using var secret = KeyAgreementAlgorithm.X25519.Agree(trial, key);
        return secret is not null;
    }

    /// <summary>A short fingerprint of a public key to compare by eye: the first 8 bytes of its SHA-256 as 4 groups of 4 hex digits ("3f2a-…").</summary>
    public static string Fingerprint(ReadOnlySpan<byte> publicKey)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(publicKey)[..8]);
        return $"{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..]}";
    }

    private static bool TryImportPublic(ReadOnlySpan<byte> bytes, out PublicKey key)
    {
        key = null!;
        return bytes.Length == KeyBytes && PublicKey.TryImport(KeyAgreementAlgorithm.X25519, bytes, KeyBlobFormat.RawPublicKey, out key!);
    }

    private static Key? DeriveKey(Key mine, PublicKey theirs, ReadOnlySpan<byte> ephemeralPublic, ReadOnlySpan<byte> lawyerPublic)
    {
        using var secret = KeyAgreementAlgorithm.X25519.Agree(mine, theirs);
        if (secret is null)
        {
            return null;
        }

        var salt = new byte[2 * KeyBytes];
        ephemeralPublic.CopyTo(salt);
        lawyerPublic.CopyTo(salt.AsSpan(KeyBytes));
        return KeyDerivationAlgorithm.HkdfSha256.DeriveKey(secret, salt, Encoding.UTF8.GetBytes(Info), AeadAlgorithm.XChaCha20Poly1305);
    }
}
