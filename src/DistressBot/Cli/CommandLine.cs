using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Cli;

/// <summary>The `distressbot` command line: run (default), init, and the admin commands.</summary>
public static class CommandLine
{
    /// <summary>Exit code when a command refuses (with the reason), e.g. `init` where a keyring already exists.</summary>
    public const int ExitRefused = 1;

    /// <summary>Exit code for bad settings or arguments.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code when the keyring cannot be opened.</summary>
    public const int ExitKeys = 3;

    /// <summary>Exit code when the data directory is taken or the data file cannot be opened.</summary>
    public const int ExitData = 4;

    /// <summary>Exit code when the running bot stopped because one of its parts failed (the log says which), so a supervisor restarts it.</summary>
    public const int ExitFailed = 5;

    private const string Help = """
        distressbot — emergency check-in and escalation bot

        Commands:
          run                      run the bot (the default when no command is given)
          init [--key-file PATH]   create the data directory and the keyring (asks twice for a passphrase of at
                                   least 12 characters, or creates a random key file at PATH for unattended setups)
          invite coordinator|lawyer --name "Nina"
                                   print a one-time enrollment code (stdout) with an explanation (stderr)
          assign coordinator|backup|lawyer "Olga" --subject "Salek" [--of "Nina"]
                                   give a subject another coordinator, a backup coordinator (level 2) or a lawyer
          assign lawyer "Alexander" --coordinator "Nina"
                                   a lawyer for all of Nina's subjects, now and later
          policy "Salek" [--ack-timeout 5m] [--repeat 5m] [--acked-reminder 20m] | --reset
                                   this subject's escalation timings
          cover "Salek" on|off [--of "Nina"]
                                   cover wording for one subject's chat: texts, buttons and command menu read like
                                   an ordinary reminder app (Privacy:CoverWording=true does it for every subject)
          people                   list enrolled people (names and aliases only)
          keys status              the current data key, how many records are still under older keys, and the log key
          keys rotate [--now]      add a data key for all new writes; re-encrypt older records in the background
                                   (or at once with --now); resumable after a crash
          keys change-passphrase [--new-key-file PATH]
                                   re-wrap the keyring under a new passphrase (or a new random key file); data untouched
          keys log-key             print only the log's verifier key (it signs every case log), e.g. > log.vkey
          cases purge C-0042 [--yes]
                                   destroy a case's key and record, after confirmation
          cases release C-0042 [--yes]
                                   release a resolved case from legal hold, after confirmation: it is purged
                                   Retention:ReleasedCaseDays later
          backup DIRECTORY         a consistent encrypted copy of the data (the keyring is not in it), with a manifest of
                                   every file (size, SHA-256, what it holds) and a MAC under the keyring
          restore BACKUP [--force] with the bot stopped: check the backup against the keyring, then restore it into the
                                   data directory if that is empty (--force moves data already there aside first)
          export-case C-0042 --out DIRECTORY [--lang ru|en]
                                   the case's evidence bundle (log, signed checkpoints, PDF report), logged in the case;
                                   check it anywhere with distressbot verify DIRECTORY (see docs/evidence.md)
          draft C-0042 police|wgeid|interim --out FILE.docx [--lang ru|en]
                                   a draft filing from the case (missing-person report, UN WGEID urgent action,
                                   interim measures) for the lawyer to complete; logged in the case with its SHA-256
          verify PATH [--key VKEY|FILE] [--witness-key VKEY|FILE] [--tsa-cert FILE] [--checkpoint FILE]... [--lang ru|en]
                                   check a case bundle (folder or .zip) offline, with its cosignatures and timestamp
                                   tokens; --key pins the log key received earlier, --witness-key the witness's key,
                                   --tsa-cert the timestamp authority's certificate (PEM); --checkpoint a checkpoint
                                   you kept (the file or the bot's message), repeatable; needs no settings, data or
                                   keyring; exit 0 verified, 1 a problem named
          lawyer-key --out FILE    on a lawyer's machine: a new private key file (owner-only) and the /lawyerkey line to
                                   send the bot, which then seals that lawyer's /export bundles to it; no settings needed
          open BUNDLE.sealed --key FILE --out ZIP
                                   open a sealed bundle with that key file and write its zip (then verify it); no
                                   settings needed; exit 0 written, 1 does not open (nothing written), 2 bad arguments
          help                     this text

        Admin commands work while the bot runs: they are handed to it over its socket in the data directory.
        Settings: appsettings.json beside the program, a file named by DISTRESSBOT_CONFIG, and DISTRESSBOT_*
        environment variables (DISTRESSBOT_Telegram__BotToken, DISTRESSBOT_Storage__DataDirectory, …); durations
        as 30s, 15m, 1h30m, 2d or hh:mm:ss. Exit codes: 0 done, 1 refused, 2 bad settings or arguments,
        3 keyring not opened, 4 data directory taken or unreadable, 5 run stopped because a part failed.
        The keyring secret: Crypto:KeyFile, $CREDENTIALS_DIRECTORY/distressbot-key, DISTRESSBOT_KEY_FILE,
        DISTRESSBOT_PASSPHRASE, or a prompt.
        """;

    /// <summary>What `distressbot demo` says: the demo is its own program, built from a source checkout, not part of the installed bot.</summary>
    public const string DemoMoved = "The demo is not part of the installed bot. From a source checkout, run: dotnet run --project src/DistressBot.Demo";

    /// <summary>Runs the command named by <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length == 0 ? "run" : args[0];
        switch (command)
        {
            case "demo":
                return Print(DemoMoved, ExitUsage, toError: true);
            case "help" or "--help" or "-h":
                return Print(Help, 0);
            case "verify":
                // Offline and for anyone (a lawyer, a court): no settings, data directory or keyring is read.
                return VerifyCommand.Run(args[1..], Console.Out, Console.Error, Environment.GetEnvironmentVariable);
            case "open":
                // On the lawyer's machine, like verify: no settings, data directory or keyring is read.
                return OpenCommand.Run(args[1..], Console.Out, Console.Error);
            case "lawyer-key":
                return LawyerKeyCommand.Run(args[1..], Console.Out, Console.Error);
            case not ("run" or "init" or "restore") when !AdminCommands.Handles(args):
                return Print($"Unknown command '{command}'.\n\n{Help}", ExitUsage, toError: true);
        }

        // Every other command works on the data: one configuration, checked once, before anything is opened.
        IConfigurationRoot configuration;
        try
        {
            configuration = BotConfiguration.Build();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            var reason = ex.InnerException is { } inner ? ex.Message + " " + inner.Message : ex.Message;
            return Print($"The settings files do not read ({reason}): fix the JSON, or the path in {BotConfiguration.ConfigFileVariable}.", ExitUsage, toError: true);
        }

        var use = command switch
        {
            "run" => SettingsUse.Run,
            "init" => SettingsUse.Init,
            _ => SettingsUse.Admin,
        };
        var settings = LoadSettings(configuration, use);
        if (settings is null)
        {
            return ExitUsage;
        }

        try
        {
            return command switch
            {
                "run" => await RunBotAsync(configuration, settings, ct),
                "init" => await InitAsync(args, settings, ct),
                "restore" => Restore(args, settings),
                _ => await AdminAsync(args, settings, ct),
            };
        }
        catch (KeyringException ex)
        {
            return Print(ex.Message, ExitKeys, toError: true);
        }
        catch (DataDirectoryLockedException ex)
        {
            return Print(ex.Message, ExitData, toError: true);
        }
        catch (DataFileOpenException ex)
        {
            return Print(ex.Message, ExitData, toError: true);
        }
        catch (DataDirectoryPermissionsException ex)
        {
            return Print(ex.Message, ExitData, toError: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Print($"{ex.Message} Check Storage:DataDirectory ({settings.DataDirectory}) and Crypto:KeyringPath ({settings.KeyringPath}): the bot's user must be able to write there.", ExitUsage, toError: true);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            // A path the file system refuses (an existing file where a folder is wanted, a name it cannot take): the admin's to fix.
            return Print(ex.Message, ExitUsage, toError: true);
        }
    }

    private static async Task<int> RunBotAsync(IConfiguration configuration, BotSettings settings, CancellationToken ct)
    {
        using var secret = KeyMaterialResolver.ForConsole().Resolve(settings.Crypto.KeyFile);
        using var loggers = LoggerFactory.Create(b => b.AddConfiguration(configuration.GetSection("Logging")).AddBotConsole(Environment.GetEnvironmentVariable));
        await using var runtime = await BotRuntime.OpenAsync(settings, secret, loggers, TimeProvider.System);
        using var host = BotHostFactory.Build(runtime, configuration, TimeProvider.System, adapters: AddAdapters);
        var parts = BackgroundParts(host);
        await host.RunAsync(ct);
        return ExitCodeAfterRun(parts);
    }

    /// <summary>The command line's own services in the running bot (the admin socket), handed to <see cref="BotHostFactory.Build"/>: Hosting does not know Cli.</summary>
    public static void AddAdapters(IServiceCollection services) => BotHostFactory.AddService<AdminSocketServer>(services);

    /// <summary>The host's background services, taken before it runs (RunAsync disposes its services).</summary>
    public static IReadOnlyList<BackgroundService> BackgroundParts(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()];
    }

    /// <summary>0 after a requested stop; <see cref="ExitFailed"/> when one of <paramref name="parts"/> faulted and so stopped the host.</summary>
    /// <remarks>A host stopped by a failing service still returns normally from RunAsync; exiting 0 then would keep systemd's Restart=on-failure from bringing the bot back.</remarks>
    public static int ExitCodeAfterRun(IEnumerable<BackgroundService> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Any(s => s.ExecuteTask is { IsFaulted: true }) ? ExitFailed : 0;
    }

    private static async Task<int> InitAsync(string[] args, BotSettings settings, CancellationToken ct)
    {
        string? newKeyFile = null;
        if (args.Length > 1)
        {
            if (args.Length != 3 || args[1] != "--key-file" || string.IsNullOrWhiteSpace(args[2]))
            {
                return Print("Usage: distressbot init [--key-file PATH]", ExitUsage, toError: true);
            }

            newKeyFile = Path.GetFullPath(args[2]);
            if (BotSettings.IsInside(newKeyFile, settings.DataDirectory))
            {
                return Print($"The key file {newKeyFile} would be inside the data directory ({settings.DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/key. Nothing was created.", ExitUsage, toError: true);
            }
        }

        // Folders that exist are the admin's: refused as `run` refuses them, never changed, before anything is created.
        RefuseLooseFolders(settings);

        // The lock first, so that a second `init` neither checks nor removes anything while the first one works.
        var createdByLock = Directory.Exists(settings.DataDirectory) ? null : InitLeftovers.TopmostMissing(settings.DataDirectory);
        using var directoryLock = DataDirectoryLock.Acquire(settings.DataDirectory);
        var made = new InitLeftovers(settings.DataDirectory, settings.KeyringPath, newKeyFile, createdByLock);
        if (InitRefusal(settings, newKeyFile) is { } refusal)
        {
            // "Nothing was changed" must hold: the folder and lock file taken a moment ago go too.
            made.Remove();
            return Print(refusal, ExitRefused, toError: true);
        }

        var secret = newKeyFile is null ? KeyMaterialResolver.ForConsole().Resolve(settings.Crypto.KeyFile, confirmNewPassphrase: true) : null;
        string logVerifierKey;
        try
        {
            if (secret is { Kind: KeyEncryptionSecretKind.Passphrase, PassphraseLength: < KeyEncryptionSecret.MinNewPassphraseLength })
            {
                made.Remove();
                return Print($"The passphrase from {secret.Source} is too short: a new keyring's passphrase needs at least {KeyEncryptionSecret.MinNewPassphraseLength} characters. Nothing was created.", ExitUsage, toError: true);
            }

            try
            {
                logVerifierKey = await CreateDataAsync(settings, newKeyFile, secret);
            }
            catch (Exception ex)
            {
                made.Remove();
                if (ex is IOException or UnauthorizedAccessException)
                {
                    return Print($"init could not finish ({ex.Message}); what it had made was removed. Check Storage:DataDirectory ({settings.DataDirectory}) and Crypto:KeyringPath ({settings.KeyringPath}).", ExitUsage, toError: true);
                }

                throw;
            }
        }
        finally
        {
            secret?.Dispose();
        }

        await Console.Out.WriteLineAsync($"""
            Created the data directory {settings.DataDirectory}
            and the keyring {settings.KeyringPath}{(newKeyFile is null ? "" : $"\nunlocked by the key file {newKeyFile} (keep it away from the data; give it to the bot as Crypto:KeyFile or a systemd credential)")}.
            Back up the keyring{(newKeyFile is null ? " and remember the passphrase" : " and the key file")} separately from the data: without them the data cannot be read.
            The log key signs every case log; its verifier key:
            {logVerifierKey}
            Give it to the network's lawyers so they can pin it ('distressbot verify --key'); 'distressbot keys log-key' prints it again.
            """.AsMemory(), ct);
        return 0;
    }

    private static void RefuseLooseFolders(BotSettings settings)
    {
        if (OwnerOnly.LooseFolderProblem(settings.DataDirectory, "The data directory") is { } dataProblem)
        {
            throw new DataDirectoryPermissionsException(settings.DataDirectory, dataProblem);
        }

        if (OwnerOnly.LooseFolderProblem(Path.GetDirectoryName(settings.KeyringPath)!, "The keyring's folder") is { } keysProblem)
        {
            throw new KeyringException(keysProblem);
        }
    }

    private static string? InitRefusal(BotSettings settings, string? newKeyFile)
    {
        if (File.Exists(settings.KeyringPath))
        {
            return $"A keyring already exists at {settings.KeyringPath}; nothing was changed. ('keys change-passphrase' changes its secret; set Crypto:KeyringPath for another one.)";
        }

        var data = new[] { Path.Combine(settings.DataDirectory, LiteRecordStore.DataFileName), settings.CaseKeysPath }.FirstOrDefault(File.Exists);
        if (data is not null)
        {
            return $"The data directory {settings.DataDirectory} already holds data ({Path.GetFileName(data)}) made with another keyring; nothing was changed. Point Storage:DataDirectory at a new directory.";
        }

        return newKeyFile is not null && File.Exists(newKeyFile)
            ? $"Key file {newKeyFile} already exists; nothing was changed (it is never overwritten: it may be the only copy of a key)."
            : null;
    }

    // Returns the new log key's verifier key, for the admin to hand to the lawyers.
    private static async Task<string> CreateDataAsync(BotSettings settings, string? newKeyFile, KeyEncryptionSecret? secret)
    {
        if (newKeyFile is not null)
        {
            KeyFile.Create(newKeyFile);
        }

        using var fromKeyFile = newKeyFile is not null ? KeyEncryptionSecret.FromKeyFile(newKeyFile) : null;
        OwnerOnly.CreateFolder(Path.GetDirectoryName(settings.KeyringPath)!);
        using var keyring = Keyring.Create(settings.KeyringPath, fromKeyFile ?? secret!, TimeProvider.System);
        using (CaseKeyStore.Open(settings.CaseKeysPath, keyring))
        {
        }

        await using (await LiteRecordStore.OpenAsync(settings.DataDirectory, NullLogger.Instance, TimeProvider.System))
        {
        }

        return keyring.LogSigner.VerifierKey;
    }

    private static async Task<int> AdminAsync(string[] args, BotSettings settings, CancellationToken ct)
    {
        if (EmptyPathUsage(args) is { } usage)
        {
            return Print(usage, ExitUsage, toError: true);
        }

        if (NewKeyFileInsideData(args, settings.DataDirectory) is { } insideData)
        {
            return Print(insideData, ExitUsage, toError: true);
        }

        var resolver = KeyMaterialResolver.ForConsole();
        KeyEncryptionSecret? current = null;
        try
        {
            var secrets = new Dictionary<string, string>();
            if (args is ["keys", "change-passphrase", ..])
            {
                // Whoever runs this must know the current secret, even when the running bot does the work.
                current = resolver.Resolve(settings.Crypto.KeyFile);
                using (Keyring.Open(settings.KeyringPath, current))
                {
                }

                CollectNewSecret(args, secrets);
                if (secrets.TryGetValue(KeyCommands.NewPassphrase, out var chosen) && chosen.Length < KeyEncryptionSecret.MinNewPassphraseLength)
                {
                    return Print($"The new passphrase is too short: it needs at least {KeyEncryptionSecret.MinNewPassphraseLength} characters. Nothing was changed.", ExitUsage, toError: true);
                }
            }

            if (args is ["cases", "purge", var caseId, ..] && !args.Contains("--yes"))
            {
                if (!ConfirmPurge(caseId))
                {
                    return Print("Nothing was purged.", 1, toError: true);
                }

                args = [.. args, "--yes"];
            }

            if (args is ["cases", "release", var releaseId, ..] && !args.Contains("--yes"))
            {
                if (!ConfirmRelease(releaseId))
                {
                    return Print("Nothing was released.", 1, toError: true);
                }

                args = [.. args, "--yes"];
            }

            if (args is ["backup", var folder])
            {
                // A relative path counts from where the admin runs the command, not from the running bot's folder.
                args = ["backup", Path.GetFullPath(folder)];
            }

            if (args is ["export-case" or "draft", ..] && Array.IndexOf(args, "--out") is var outAt and >= 0 && outAt + 1 < args.Length && !string.IsNullOrWhiteSpace(args[outAt + 1]))
            {
                // The same for the export's folder and the draft's file.
                args = [.. args.Take(outAt + 1), Path.GetFullPath(args[outAt + 1]), .. args.Skip(outAt + 2)];
            }

            var result = await AdminSocketClient.TryExecuteAsync(settings.DataDirectory, args, ct, secrets);
            if (result is null)
            {
                current ??= resolver.Resolve(settings.Crypto.KeyFile);
                await using var runtime = await BotRuntime.OpenAsync(settings, current, NullLoggerFactory.Instance, TimeProvider.System);
                result = await AdminCommands.ExecuteAsync(args, new AdminContext(runtime, settings.ToRules(), TimeProvider.System, secrets), ct);
            }

            await Console.Out.WriteAsync(result.Output.AsMemory(), ct);
            await Console.Error.WriteAsync(result.Error.AsMemory(), ct);
            return result.ExitCode;
        }
        finally
        {
            current?.Dispose();
        }
    }

    private static string? EmptyPathUsage(string[] args)
    {
        if (args is ["backup", var directory] && string.IsNullOrWhiteSpace(directory))
        {
            return "Usage: distressbot backup DIRECTORY   (a new or empty directory; an empty path names none)";
        }

        var newKeyFile = Array.IndexOf(args, "--new-key-file");
        return args is ["keys", "change-passphrase", ..] && newKeyFile >= 0 && (newKeyFile + 1 >= args.Length || string.IsNullOrWhiteSpace(args[newKeyFile + 1]))
            ? "Usage: distressbot keys change-passphrase [--new-key-file PATH]   (PATH must not be empty)"
            : null;
    }

    // A key file in the data directory would sit beside the data it unlocks, and travel into every backup of it.
    private static string? NewKeyFileInsideData(string[] args, string dataDirectory)
    {
        var at = Array.IndexOf(args, "--new-key-file");
        if (args is not ["keys", "change-passphrase", ..] || at < 0 || at + 1 >= args.Length)
        {
            return null;
        }

        var path = Path.GetFullPath(args[at + 1]);
        return BotSettings.IsInside(path, dataDirectory)
            ? $"The new key file {path} would be inside the data directory ({dataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/key. Nothing was changed."
            : null;
    }

    private static void CollectNewSecret(string[] args, Dictionary<string, string> secrets)
    {
        var index = Array.IndexOf(args, "--new-key-file");
        if (index >= 0)
        {
            if (index + 1 >= args.Length)
            {
                throw new KeyringException("--new-key-file needs a path.");
            }

            var path = Path.GetFullPath(args[index + 1]);
            KeyFile.Create(path);
            secrets[KeyCommands.NewKeyFile] = path;
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

    private static bool ConfirmPurge(string caseId)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine("Purging destroys a case for good; with no terminal to confirm on, add --yes.");
            return false;
        }

        Console.Error.Write($"This destroys case {caseId} for good. Type the case number again to confirm: ");
        return string.Equals(Console.ReadLine()?.Trim(), caseId.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool ConfirmRelease(string caseId)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine("Releasing a case from legal hold has it purged later; with no terminal to confirm on, add --yes.");
            return false;
        }

        Console.Error.Write($"Case {caseId} will be purged for good once the retention period has passed. Type the case number again to confirm: ");
        return string.Equals(Console.ReadLine()?.Trim(), caseId.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    // The thin parser of `restore`; the work is RestoreCommand's, on typed options.
    private static int Restore(string[] args, BotSettings settings)
    {
        if (RestoreCommand.Parse(args) is not { } options)
        {
            return Print(RestoreCommand.UsageLine, ExitUsage, toError: true);
        }

        using var secret = KeyMaterialResolver.ForConsole().Resolve(settings.Crypto.KeyFile);
        var result = RestoreCommand.Execute(options, settings, secret, TimeProvider.System);
        Console.Out.Write(result.Output);
        Console.Error.Write(result.Error);
        return result.ExitCode;
    }

    private static BotSettings? LoadSettings(IConfiguration configuration, SettingsUse use)
    {
        var settings = BotSettings.Bind(configuration);
        var errors = settings.Validate(use);
        if (errors.Count == 0)
        {
            return settings;
        }

        Console.Error.WriteLine("The settings are not usable:");
        foreach (var error in errors)
        {
            Console.Error.WriteLine("  - " + error);
        }

        return null;
    }

    private static int Print(string text, int code, bool toError = false)
    {
        (toError ? Console.Error : Console.Out).WriteLine(text);
        return code;
    }
}
