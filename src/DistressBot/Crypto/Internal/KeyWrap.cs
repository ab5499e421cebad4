using System.Security.Cryptography;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>Wraps raw key bytes under another key with XChaCha20-Poly1305: nonce, then ciphertext and tag.</summary>
internal static class KeyWrap
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>Size of every raw key this project wraps: XChaCha20-Poly1305 and BLAKE2b-256 keys and Ed25519 private keys (seeds) are 32 bytes.</summary>
    public const int RawKeySize = 32;

    /// <summary>Size of a wrapped 32-byte key.</summary>
    public static int WrappedSize => Aead.NonceSize + RawKeySize + Aead.TagSize;

    /// <summary>Seals <paramref name="rawKey"/> under <paramref name="wrappingKey"/>, bound to <paramref name="associatedData"/>.</summary>
    public static byte[] Wrap(Key wrappingKey, ReadOnlySpan<byte> rawKey, ReadOnlySpan<byte> associatedData)
    {
        var wrapped = new byte[Aead.NonceSize + rawKey.Length + Aead.TagSize];
        var nonce = wrapped.AsSpan(0, Aead.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aead.Encrypt(wrappingKey, nonce, associatedData, rawKey, wrapped.AsSpan(Aead.NonceSize));
        return wrapped;
    }

    /// <summary>Opens a wrapped key into <paramref name="rawKey"/>; false (and <paramref name="rawKey"/> zeroed) when it fails to authenticate.</summary>
    public static bool TryUnwrap(Key wrappingKey, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData, Span<byte> rawKey)
    {
        if (wrapped.Length != Aead.NonceSize + rawKey.Length + Aead.TagSize)
        {
            return false;
        }

        var ok = Aead.Decrypt(wrappingKey, wrapped[..Aead.NonceSize], associatedData, wrapped[Aead.NonceSize..], rawKey);
        if (!ok)
        {
            CryptographicOperations.ZeroMemory(rawKey);
        }

        return ok;
    }

    /// <summary>Unwraps and imports a key for <paramref name="algorithm"/>, or null when it fails to authenticate; raw bytes are wiped.</summary>
    public static Key? TryUnwrapKey(Key wrappingKey, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData, Algorithm algorithm)
    {
        var raw = SecretBytes.Allocate(RawKeySize);
        try
        {
            return TryUnwrap(wrappingKey, wrapped, associatedData, raw) ? Import(raw, algorithm) : null;
        }
        finally
        {
            SecretBytes.Wipe(raw);
        }
    }

    /// <summary>Imports raw bytes (a symmetric key, or an Ed25519 seed for a signature algorithm) as a non-exportable key; the caller wipes the bytes.</summary>
    public static Key Import(ReadOnlySpan<byte> rawKey, Algorithm algorithm) =>
        Key.Import(algorithm, rawKey, algorithm is SignatureAlgorithm ? KeyBlobFormat.RawPrivateKey : KeyBlobFormat.RawSymmetricKey);
}
