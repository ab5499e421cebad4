namespace DistressBot.Crypto;

/// <summary>The keyring, a key file or the key-encryption secret could not be used; the message says what to fix.</summary>
public sealed class KeyringException : Exception
{
    /// <inheritdoc/>
    public KeyringException() { }

    /// <inheritdoc/>
    public KeyringException(string message) : base(message) { }

    /// <inheritdoc/>
    public KeyringException(string message, Exception inner) : base(message, inner) { }
}
