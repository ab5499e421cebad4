using DistressBot.Crypto;
using DistressBot.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Cli;

/// <summary>
/// Runs data commands from the admin's own process: reads the settings, asks what must be asked on the terminal
/// (a confirmation, a new passphrase), then hands the same arguments to the running bot over its socket, or, with the bot
/// stopped, opens the data itself.
/// </summary>
/// <param name="args">The command line as typed (what the running bot parses again).</param>
/// <param name="workingDirectory">The admin's folder, which relative paths count from in either process.</param>
internal sealed class ConsoleAdminSide(IReadOnlyList<string> args, string workingDirectory) : IAdminSide
{
    /// <inheritdoc/>
    public string WorkingDirectory => workingDirectory;

    /// <inheritdoc/>
    public async Task<AdminResult> RunAsync(AdminInvocation invocation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        using var problems = new StringWriter();
        var (_, settings) = CommandLine.LoadSettings(SettingsUse.Admin, problems);
        if (settings is null)
        {
            return new AdminResult(CommandLine.ExitUsage, "", problems.ToString());
        }

        AdminResult? result = null;
        var (exitCode, message) = await CommandLine.GuardAsync(settings, async () =>
        {
            result = await RunWithSettingsAsync(invocation, settings, ct);
            return (result.ExitCode, null);
        });
        return message is null ? result! : new AdminResult(exitCode, "", message + "\n");
    }

    private async Task<AdminResult> RunWithSettingsAsync(AdminInvocation invocation, BotSettings settings, CancellationToken ct)
    {
        var resolver = KeyMaterialResolver.ForConsole();
        var sent = args.ToList();
        var secrets = new Dictionary<string, string>();
        KeyEncryptionSecret? current = null;
        try
        {
            if (invocation.Options is ChangePassphraseOptions change)
            {
                // Refused before the new key file is made: a refusal must leave no stray key behind.
                if (MissingData.Problem(settings) is { } missing)
                {
                    return new AdminResult(CommandLine.ExitData, "", missing + "\n");
                }

                if (change.NewKeyFile is { } newKeyFile && BotSettings.IsInside(newKeyFile, settings.DataDirectory))
                {
                    return AdminResult.Usage($"The new key file {newKeyFile} would be inside the data directory ({settings.DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/key. Nothing was changed.");
                }

                // Whoever runs this must know the current secret, even when the running bot does the work.
                current = resolver.Resolve(settings.Crypto.KeyFile);
                using (Keyring.Open(settings.KeyringPath, current))
                {
                }

                CollectNewSecret(change.NewKeyFile, secrets);
                if (secrets.TryGetValue(KeyCommands.NewPassphrase, out var chosen) && chosen.Length < KeyEncryptionSecret.MinNewPassphraseLength)
                {
                    return AdminResult.Usage($"The new passphrase is too short: it needs at least {KeyEncryptionSecret.MinNewPassphraseLength} characters. Nothing was changed.");
                }
            }

            if (invocation.Options is IConfirmedOptions { Confirmation: { } ask } confirmable)
            {
                if (!Confirm(ask, out var refusal))
                {
                    return AdminResult.Fail(refusal);
                }

                // The running bot parses the arguments again: they carry the confirmation given here.
                sent.Add("--yes");
                invocation = invocation with { Options = confirmable.Confirmed() };
            }

            var result = await AdminSocketClient.TryExecuteAsync(settings.DataDirectory, sent, ct, secrets, WorkingDirectory);
            if (result is null)
            {
                // An admin command must not make data either: a `run` on the same mistyped directory would then start an empty bot.
                if (MissingData.Problem(settings) is { } missing)
                {
                    return new AdminResult(CommandLine.ExitData, "", missing + "\n");
                }

                current ??= resolver.Resolve(settings.Crypto.KeyFile);
                await using var runtime = await BotRuntime.OpenAsync(settings, current, NullLoggerFactory.Instance, TimeProvider.System);
                result = await invocation.RunAsync(new AdminContext(runtime, settings.ToRules(), TimeProvider.System, secrets), ct);
            }

            return result;
        }
        finally
        {
            current?.Dispose();
        }
    }

    private static void CollectNewSecret(string? newKeyFile, Dictionary<string, string> secrets)
    {
        if (newKeyFile is not null)
        {
            KeyFile.Create(newKeyFile);
            secrets[KeyCommands.NewKeyFile] = newKeyFile;
            return;
        }

        if (Environment.GetEnvironmentVariable("DISTRESSBOT_NEW_PASSPHRASE") is { Length: > 0 } fromEnvironment)
        {
            secrets[KeyCommands.NewPassphrase] = fromEnvironment;
            return;
        }

        var prompt = new ConsolePassphrasePrompt();
        if (!prompt.IsInteractive)
        {
            throw new KeyringException("No terminal to ask for the new passphrase: set DISTRESSBOT_NEW_PASSPHRASE or use --new-key-file PATH.");
        }

        var first = prompt.ReadPassphrase($"New keyring passphrase (at least {KeyEncryptionSecret.MinNewPassphraseLength} characters): ");
        var second = prompt.ReadPassphrase("Repeat the new passphrase: ");
        if (!first.AsSpan().SequenceEqual(second))
        {
            throw new KeyringException("The two passphrases differ; nothing was changed.");
        }

        secrets[KeyCommands.NewPassphrase] = new string(first);
        Array.Clear(first);
        Array.Clear(second);
    }

    // Asks on the terminal; false with what to say when there is none or the answer does not match.
    private static bool Confirm(Confirmation ask, out string refusal)
    {
        if (Console.IsInputRedirected)
        {
            refusal = ask.WithoutTerminal + "\n" + ask.Declined;
            return false;
        }

        Console.Error.Write(ask.Prompt);
        var confirmed = string.Equals(Console.ReadLine()?.Trim(), ask.Answer.Trim(), StringComparison.OrdinalIgnoreCase);
        refusal = ask.Declined;
        return confirmed;
    }
}
