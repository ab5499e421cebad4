namespace DistressBot.Crypto;

/// <summary>Finds the secret the keyring's key-encryption key comes from, in a fixed order, never from the configuration file itself.</summary>
/// <remarks>
/// Order: the configured key file (<c>Crypto:KeyFile</c>); the systemd credential <c>$CREDENTIALS_DIRECTORY/distressbot-key</c>;
/// <c>DISTRESSBOT_KEY_FILE</c>; <c>DISTRESSBOT_PASSPHRASE</c>; a no-echo prompt when stdin is a terminal. A passphrase in an
/// environment variable cannot be wiped from the process environment: prefer a key file or a systemd credential.
/// </remarks>
/// <param name="environment">Reads an environment variable (null when unset).</param>
/// <param name="prompt">Asks a person; used only when nothing else is configured.</param>
public sealed class KeyMaterialResolver(Func<string, string?> environment, IPassphrasePrompt prompt)
{
    /// <summary>Configuration key naming a key file.</summary>
    public const string KeyFileSetting = "Crypto:KeyFile";

    /// <summary>Set by systemd when the unit has <c>LoadCredential=</c> or <c>SetCredentialEncrypted=</c>.</summary>
    public const string CredentialsDirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>Name of the systemd credential holding the key file.</summary>
    public const string CredentialName = "distressbot-key";

    /// <summary>Environment variable naming a key file.</summary>
    public const string KeyFileVariable = "DISTRESSBOT_KEY_FILE";

    /// <summary>Environment variable holding a passphrase.</summary>
    public const string PassphraseVariable = "DISTRESSBOT_PASSPHRASE";

    private const int NewPassphraseAttempts = 3;

    /// <summary>A resolver over the real process environment and console.</summary>
    public static KeyMaterialResolver ForConsole() => new(Environment.GetEnvironmentVariable, new ConsolePassphrasePrompt());

    /// <summary>Returns the secret from the first configured source.</summary>
    /// <param name="configuredKeyFile">The value of <c>Crypto:KeyFile</c>, or null.</param>
    /// <param name="confirmNewPassphrase">When prompting for a new keyring's passphrase, ask twice and require a match.</param>
    /// <exception cref="KeyringException">Nothing is configured and no one can be asked, a key file is bad, or the answers differ.</exception>
    public KeyEncryptionSecret Resolve(string? configuredKeyFile, bool confirmNewPassphrase = false)
    {
        if (!string.IsNullOrWhiteSpace(configuredKeyFile))
        {
            return KeyEncryptionSecret.FromKeyFile(configuredKeyFile);
        }

        var credentials = Value(CredentialsDirectoryVariable);
        if (credentials is not null)
        {
            var credential = Path.Combine(credentials, CredentialName);
            if (File.Exists(credential))
            {
                return KeyEncryptionSecret.FromKeyFile(credential);
            }
        }

        if (Value(KeyFileVariable) is { } keyFile)
        {
            return KeyEncryptionSecret.FromKeyFile(keyFile);
        }

        if (Value(PassphraseVariable) is { } passphrase)
        {
            return KeyEncryptionSecret.FromPassphrase(passphrase, PassphraseVariable);
        }

        if (!prompt.IsInteractive)
        {
            throw new KeyringException(
                "No key-encryption secret is configured and stdin is not a terminal, so no passphrase can be asked for. Set one of: " +
                $"{KeyFileSetting} (path to a 32-byte key file); a systemd credential named '{CredentialName}' " +
                $"(LoadCredential=, read from ${CredentialsDirectoryVariable}); {KeyFileVariable} (path to a key file); " +
                $"or {PassphraseVariable}. The configuration file itself never holds the secret.");
        }

        return Ask(confirmNewPassphrase);
    }

    private KeyEncryptionSecret Ask(bool confirm)
    {
        var rule = $"at least {KeyEncryptionSecret.MinNewPassphraseLength} characters";
        var first = prompt.ReadPassphrase(confirm ? $"New keyring passphrase ({rule}): " : "Keyring passphrase: ");
        try
        {
            // A new passphrase is asked for again until it meets the rule, a few times, before the admin types it twice.
            for (var attempt = 1; confirm && first.Length is > 0 and < KeyEncryptionSecret.MinNewPassphraseLength && attempt < NewPassphraseAttempts; attempt++)
            {
                SecretBytes.Wipe(first);
                first = prompt.ReadPassphrase($"Too short. New keyring passphrase ({rule}): ");
            }

            if (first.Length == 0)
            {
                throw new KeyringException("No passphrase was entered.");
            }

            if (confirm && first.Length < KeyEncryptionSecret.MinNewPassphraseLength)
            {
                throw new KeyringException($"No passphrase of {rule} was entered; nothing was created.");
            }

            if (confirm)
            {
                var second = prompt.ReadPassphrase("Repeat the passphrase: ");
                try
                {
                    if (!first.AsSpan().SequenceEqual(second))
                    {
                        throw new KeyringException("The two passphrases differ; nothing was created.");
                    }
                }
                finally
                {
                    SecretBytes.Wipe(second);
                }
            }

            return KeyEncryptionSecret.FromPassphrase(first, "passphrase prompt");
        }
        finally
        {
            SecretBytes.Wipe(first);
        }
    }

    private string? Value(string name) => environment(name) is { Length: > 0 } value ? value : null;
}
