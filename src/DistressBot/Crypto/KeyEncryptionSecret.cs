using System.Text;

namespace DistressBot.Crypto;

/// <summary>Which kind of secret a keyring's key-encryption key is derived from.</summary>
public enum KeyEncryptionSecretKind
{
    /// <summary>A passphrase typed by an admin, stretched with Argon2id.</summary>
    Passphrase = 1,

    /// <summary>A file of exactly 32 random bytes, expanded with HKDF-SHA256.</summary>
    KeyFile = 2,
}

/// <summary>The secret a key-encryption key is derived from (a passphrase or key-file bytes), held pinned and wiped on dispose.</summary>
public sealed class KeyEncryptionSecret : IDisposable
{
    /// <summary>A new passphrase must have at least this many characters.</summary>
    public const int MinNewPassphraseLength = 12;

    private readonly byte[] _bytes;
    private bool _disposed;

    private KeyEncryptionSecret(KeyEncryptionSecretKind kind, byte[] bytes, int characters, string source)
    {
        Kind = kind;
        _bytes = bytes;
        PassphraseLength = characters;
        Source = source;
    }

    /// <summary>Whether this is a passphrase or key-file bytes.</summary>
    public KeyEncryptionSecretKind Kind { get; }

    /// <summary>Where the secret came from, for messages ("key file /etc/…", "DISTRESSBOT_PASSPHRASE"); never the secret itself.</summary>
    public string Source { get; }

    /// <summary>Number of characters of a passphrase; 0 for a key file.</summary>
    public int PassphraseLength { get; }

    /// <summary>Takes a passphrase as UTF-8 bytes; the caller should wipe its own copy of <paramref name="passphrase"/>.</summary>
    /// <remarks>UTF-8, not NSec's string overload, which would hash the in-memory UTF-16 form.</remarks>
    public static KeyEncryptionSecret FromPassphrase(ReadOnlySpan<char> passphrase, string source = "passphrase")
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
        }

        var bytes = SecretBytes.Allocate(Encoding.UTF8.GetByteCount(passphrase));
        Encoding.UTF8.GetBytes(passphrase, bytes);
        return new KeyEncryptionSecret(KeyEncryptionSecretKind.Passphrase, bytes, passphrase.Length, source);
    }

    /// <summary>Reads a 32-byte key file (see <see cref="KeyFile.Read"/>).</summary>
    /// <exception cref="KeyringException">The file is missing, unreadable, the wrong length or readable by others.</exception>
    public static KeyEncryptionSecret FromKeyFile(string path) =>
        new(KeyEncryptionSecretKind.KeyFile, KeyFile.Read(path), 0, $"key file {path}");

    /// <summary>The secret bytes, for deriving the key-encryption key only.</summary>
    internal ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>"passphrase" or "key file", for messages.</summary>
    internal static string Describe(KeyEncryptionSecretKind kind) =>
        kind == KeyEncryptionSecretKind.Passphrase ? "passphrase" : "key file";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            SecretBytes.Wipe(_bytes);
            _disposed = true;
        }
    }
}
