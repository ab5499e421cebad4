using System.Security.Cryptography;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>Derives the key-encryption key from a secret with the salt and cost recorded in the keyring.</summary>
internal sealed class KeyEncryptionKdf
{
    /// <summary>libsodium's Argon2id takes exactly 16 bytes of salt; HKDF uses the same size.</summary>
    public const int SaltSize = 16;

    private const string PassphraseKind = "passphrase";
    private const string KeyFileKind = "keyFile";
    private const string Argon2idName = "argon2id";
    private const string HkdfName = "hkdf-sha256";

    // HKDF info separates this use of a key file from any other use of the same bytes.
    private static readonly byte[] HkdfInfo = "DistressBot keyring key-encryption key v1"u8.ToArray();

    private readonly byte[] _salt;

    private KeyEncryptionKdf(KeyEncryptionSecretKind kind, byte[] salt, Argon2Settings? argon2)
    {
        Kind = kind;
        _salt = salt;
        Argon2 = argon2;
    }

    /// <summary>The kind of secret this derivation expects.</summary>
    public KeyEncryptionSecretKind Kind { get; }

    /// <summary>Argon2id cost for passphrases; null for key files.</summary>
    public Argon2Settings? Argon2 { get; }

    /// <summary>A fresh derivation with a new random salt.</summary>
    public static KeyEncryptionKdf New(KeyEncryptionSecretKind kind, Argon2Settings? argon2)
    {
        var settings = kind == KeyEncryptionSecretKind.Passphrase ? argon2 ?? Argon2Settings.Moderate : null;
        settings?.Validate();
        return new KeyEncryptionKdf(kind, RandomNumberGenerator.GetBytes(SaltSize), settings);
    }

    /// <summary>Reads and checks the stored derivation; throws <see cref="KeyringException"/> naming <paramref name="path"/>.</summary>
    public static KeyEncryptionKdf FromDocument(KdfDocument? document, string path)
    {
        if (document is null)
        {
            throw new KeyringException($"The keyring {path} has no kdf section.");
        }

        var salt = JsonFormat.Base64(document.Salt, path, "kdf salt");
        if (salt.Length != SaltSize)
        {
            throw new KeyringException($"The keyring {path} has a {salt.Length}-byte salt; expected {SaltSize}.");
        }

        switch (document.Kind, document.Algorithm)
        {
            case (PassphraseKind, Argon2idName):
                if (document.MemoryKiB is not { } memory || document.Passes is not { } passes || document.Parallelism != 1)
                {
                    throw new KeyringException($"The keyring {path} lacks valid Argon2id parameters (memoryKiB, passes, parallelism 1).");
                }

                var settings = new Argon2Settings(memory, passes);
                try
                {
                    settings.Validate();
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw new KeyringException($"The keyring {path} has out-of-range Argon2id parameters: {ex.Message}", ex);
                }

                return new KeyEncryptionKdf(KeyEncryptionSecretKind.Passphrase, salt, settings);
            case (KeyFileKind, HkdfName):
                return new KeyEncryptionKdf(KeyEncryptionSecretKind.KeyFile, salt, null);
            default:
                throw new KeyringException(
                    $"The keyring {path} uses kdf kind '{document.Kind}' with algorithm '{document.Algorithm}', which this build does not know.");
        }
    }

    /// <summary>The stored form.</summary>
    public KdfDocument ToDocument() => Kind == KeyEncryptionSecretKind.Passphrase
        ? new KdfDocument
        {
            Kind = PassphraseKind,
            Algorithm = Argon2idName,
            Salt = Convert.ToBase64String(_salt),
            MemoryKiB = Argon2!.MemoryKiB,
            Passes = Argon2.Passes,
            Parallelism = 1,
        }
        : new KdfDocument { Kind = KeyFileKind, Algorithm = HkdfName, Salt = Convert.ToBase64String(_salt) };

    /// <summary>Derives the key-encryption key; the result lives in libsodium secure memory and never in a managed array.</summary>
    public Key Derive(KeyEncryptionSecret secret)
    {
        if (secret.Kind != Kind)
        {
            throw new InvalidOperationException("The secret kind does not match the derivation.");
        }

        if (Kind == KeyEncryptionSecretKind.KeyFile)
        {
            return KeyDerivationAlgorithm.HkdfSha256.DeriveKey(secret.Bytes, _salt, HkdfInfo, AeadAlgorithm.XChaCha20Poly1305);
        }

        var parameters = new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = Argon2!.MemoryKiB,
            NumberOfPasses = Argon2.Passes,
        };
        return PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters).DeriveKey(secret.Bytes, _salt, AeadAlgorithm.XChaCha20Poly1305);
    }
}
