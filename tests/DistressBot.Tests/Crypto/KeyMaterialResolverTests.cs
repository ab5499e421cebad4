using DistressBot.Crypto;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Crypto;

public sealed class KeyMaterialResolverTests : IDisposable
{
    private readonly TestFolders _folders = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    private KeyMaterialResolver Resolver(FakePassphrasePrompt prompt) =>
        new(name => _environment.GetValueOrDefault(name), prompt);

    private static FakePassphrasePrompt NoTerminal() => new(isInteractive: false);

    private string SystemdCredential()
    {
        var credentials = Directory.CreateDirectory(Path.Combine(_folders.Root, "credentials")).FullName;
        KeyFile.Create(Path.Combine(credentials, KeyMaterialResolver.CredentialName));
        _environment[KeyMaterialResolver.CredentialsDirectoryVariable] = credentials;
        return Path.Combine(credentials, KeyMaterialResolver.CredentialName);
    }

    [Fact]
    public void Resolve_EverythingSet_ConfiguredKeyFileWins()
    {
        var configured = _folders.NewKeyFile("configured.key");
        SystemdCredential();
        _environment[KeyMaterialResolver.KeyFileVariable] = _folders.NewKeyFile("env.key");
        _environment[KeyMaterialResolver.PassphraseVariable] = "from the environment";
        var prompt = new FakePassphrasePrompt(isInteractive: true, "typed");

        using var secret = Resolver(prompt).Resolve(configured);

        Assert.Equal($"key file {configured}", secret.Source);
        Assert.Empty(prompt.Prompts);
    }

    [Fact]
    public void Resolve_NoConfiguredFile_SystemdCredentialBeatsEnvironment()
    {
        var credential = SystemdCredential();
        _environment[KeyMaterialResolver.KeyFileVariable] = _folders.NewKeyFile("env.key");
        _environment[KeyMaterialResolver.PassphraseVariable] = "from the environment";

        using var secret = Resolver(NoTerminal()).Resolve(configuredKeyFile: null);

        Assert.Equal($"key file {credential}", secret.Source);
    }

    [Fact]
    public void Resolve_CredentialsDirectoryWithoutOurCredential_FallsThroughToKeyFileVariable()
    {
        _environment[KeyMaterialResolver.CredentialsDirectoryVariable] = _folders.Root;
        var envKey = _folders.NewKeyFile("env.key");
        _environment[KeyMaterialResolver.KeyFileVariable] = envKey;
        _environment[KeyMaterialResolver.PassphraseVariable] = "from the environment";

        using var secret = Resolver(NoTerminal()).Resolve(configuredKeyFile: "  ");

        Assert.Equal($"key file {envKey}", secret.Source);
    }

    [Fact]
    public void Resolve_OnlyPassphraseVariable_UsesItWithoutPrompting()
    {
        _environment[KeyMaterialResolver.PassphraseVariable] = "from the environment";
        var prompt = new FakePassphrasePrompt(isInteractive: true, "typed");

        using var secret = Resolver(prompt).Resolve(null);

        Assert.Equal(KeyEncryptionSecretKind.Passphrase, secret.Kind);
        Assert.Equal(KeyMaterialResolver.PassphraseVariable, secret.Source);
        Assert.Equal("from the environment".Length, secret.PassphraseLength);
        Assert.Empty(prompt.Prompts);
    }

    [Fact]
    public void Resolve_EmptyVariables_AreTreatedAsUnset()
    {
        _environment[KeyMaterialResolver.KeyFileVariable] = "";
        _environment[KeyMaterialResolver.PassphraseVariable] = "";
        var prompt = new FakePassphrasePrompt(isInteractive: true, "typed at the terminal");

        using var secret = Resolver(prompt).Resolve(null);

        Assert.Equal("passphrase prompt", secret.Source);
    }

    [Fact]
    public void Resolve_NothingConfiguredAndTerminal_PromptsOnce()
    {
        var prompt = new FakePassphrasePrompt(isInteractive: true, "typed at the terminal");

        using var secret = Resolver(prompt).Resolve(null);

        Assert.Equal(["Keyring passphrase: "], prompt.Prompts);
        Assert.Equal(KeyEncryptionSecretKind.Passphrase, secret.Kind);
    }

    [Fact]
    public void Resolve_NewPassphraseMismatch_Throws()
    {
        var prompt = new FakePassphrasePrompt(isInteractive: true, "first answer here", "second answer here");

        var ex = Assert.Throws<KeyringException>(() => Resolver(prompt).Resolve(null, confirmNewPassphrase: true));

        Assert.Contains("differ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, prompt.Prompts.Count);
    }

    [Fact]
    public void Resolve_NewPassphraseConfirmed_ReturnsIt()
    {
        var prompt = new FakePassphrasePrompt(isInteractive: true, "same answer twice", "same answer twice");

        using var secret = Resolver(prompt).Resolve(null, confirmNewPassphrase: true);

        Assert.Equal("same answer twice".Length, secret.PassphraseLength);
    }

    [Fact]
    public void Resolve_NewPassphrase_PromptStatesTheRule_AndATooShortAnswerIsAskedAgainBeforeTheRepeat()
    {
        var prompt = new FakePassphrasePrompt(isInteractive: true, "short", "long enough now", "long enough now");

        using var secret = Resolver(prompt).Resolve(null, confirmNewPassphrase: true);

        Assert.Equal(
            ["New keyring passphrase (at least 12 characters): ", "Too short. New keyring passphrase (at least 12 characters): ", "Repeat the passphrase: "],
            prompt.Prompts);
        Assert.Equal("long enough now".Length, secret.PassphraseLength);
    }

    [Fact]
    public void Resolve_NewPassphrase_TooShortThreeTimes_ThrowsWithTheRule_WithoutAskingForTheRepeat()
    {
        var prompt = new FakePassphrasePrompt(isInteractive: true, "one", "two", "three");

        var ex = Assert.Throws<KeyringException>(() => Resolver(prompt).Resolve(null, confirmNewPassphrase: true));

        Assert.Contains("at least 12 characters", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, prompt.Prompts.Count);
        Assert.DoesNotContain("Repeat the passphrase: ", prompt.Prompts);
    }

    [Fact]
    public void Resolve_NothingConfiguredAndNoTerminal_ThrowsNamingEverySource()
    {
        var prompt = NoTerminal();

        var ex = Assert.Throws<KeyringException>(() => Resolver(prompt).Resolve(null));

        Assert.StartsWith("No key-encryption secret is configured and stdin is not a terminal", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Crypto:KeyFile", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'distressbot-key'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$CREDENTIALS_DIRECTORY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_KEY_FILE", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_PASSPHRASE", ex.Message, StringComparison.Ordinal);
        Assert.Empty(prompt.Prompts);
    }

    [Fact]
    public void Resolve_ConfiguredKeyFileBad_FailsInsteadOfFallingBack()
    {
        _environment[KeyMaterialResolver.PassphraseVariable] = "from the environment";
        var bad = Path.Combine(_folders.KeysDirectory, "missing.key");

        var ex = Assert.Throws<KeyringException>(() => Resolver(NoTerminal()).Resolve(bad));

        Assert.Contains(bad, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folders.Dispose();
}
