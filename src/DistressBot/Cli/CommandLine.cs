using System.CommandLine;
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

/// <summary>The `distressbot` command line: parses the arguments with <see cref="CommandTree"/> and runs them; run (the default) and init live here.</summary>
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

    /// <summary>What `distressbot demo` says: the demo is its own program, built from a source checkout, not part of the installed bot.</summary>
    public const string DemoMoved = "The demo is not part of the installed bot. From a source checkout, run: dotnet run --project src/DistressBot.Demo";

    /// <summary>Runs the command named by <paramref name="args"/> (the bot, when none is named); returns the process exit code.</summary>
    /// <remarks>The whole command line is parsed first: a bad command, option or value (exit 2) reads no settings, opens nothing and contacts no running bot.</remarks>
    public static Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = CommandTree.Build(new ConsoleAdminSide(args, Environment.CurrentDirectory));
        return CommandTree.InvokeAsync(CommandTree.Parse(root, args), Console.Out, Console.Error, ct);
    }

    /// <summary>The `run` command: runs the bot until it is stopped (also what `distressbot` alone does).</summary>
    internal static Command BuildRun() =>
        new Command("run", "run the bot (the default when no command is given)")
            .WithLocalAction((parse, ct) => WithSettingsAsync(SettingsUse.Run, parse, (configuration, settings) => RunBotAsync(configuration, settings, ct)));

    /// <summary>The `init` command: creates the data directory and the keyring.</summary>
    internal static Command BuildInit()
    {
        var keyFile = CliArguments.PathOption("--key-file", "PATH", "create a random key file at PATH to unlock the keyring, for unattended setups (instead of a passphrase asked twice)", required: false);
        return new Command("init", "create the data directory and the keyring (asks twice for a passphrase of at least 12 characters, or creates a random key file with --key-file)") { keyFile }
            .WithLocalAction((parse, ct) => WithSettingsAsync(SettingsUse.Init, parse, (_, settings) => InitAsync(new InitOptions(parse.GetValue(keyFile) is { } path ? Path.GetFullPath(path) : null), settings, ct)));
    }

    /// <summary>
    /// Reads and checks the settings for <paramref name="use"/> (exit 2 when they are not usable, each problem named), then runs
    /// <paramref name="work"/> with them, turning what the admin must fix into its exit code: keyring 3, data directory 4, paths 2.
    /// </summary>
    internal static async Task<int> WithSettingsAsync(SettingsUse use, ParseResult parse, Func<IConfigurationRoot, BotSettings, Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(work);
        var error = parse.InvocationConfiguration.Error;
        var (configuration, settings) = LoadSettings(use, error);
        if (configuration is null || settings is null)
        {
            return ExitUsage;
        }

        var (exitCode, message) = await GuardAsync(settings, async () => (await work(configuration, settings), null));
        if (message is not null)
        {
            await error.WriteLineAsync(message);
        }

        return exitCode;
    }

    /// <summary>Runs <paramref name="work"/>; what the admin must fix becomes its exit code and message: keyring 3, data directory 4, a path the file system refuses 2.</summary>
    internal static async Task<(int ExitCode, string? Message)> GuardAsync(BotSettings settings, Func<Task<(int ExitCode, string? Message)>> work)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (KeyringException ex)
        {
            return (ExitKeys, ex.Message);
        }
        catch (Exception ex) when (ex is DataDirectoryLockedException or DataFileOpenException or DataDirectoryPermissionsException)
        {
            return (ExitData, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return (ExitUsage, $"{ex.Message} Check Storage:DataDirectory ({settings.DataDirectory}) and Crypto:KeyringPath ({settings.KeyringPath}): the bot's user must be able to write there.");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException)
        {
            // A path the file system refuses (an existing file where a folder is wanted, a name it cannot take): the admin's to fix.
            return (ExitUsage, ex.Message);
        }
    }

    private static async Task<int> RunBotAsync(IConfiguration configuration, BotSettings settings, CancellationToken ct)
    {
        if (MissingData.Problem(settings) is { } missing)
        {
            return Print(missing, ExitData, toError: true);
        }

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

    private static async Task<int> InitAsync(InitOptions options, BotSettings settings, CancellationToken ct)
    {
        var newKeyFile = options.NewKeyFile;
        if (newKeyFile is not null && BotSettings.IsInside(newKeyFile, settings.DataDirectory))
        {
            return Print($"The key file {newKeyFile} would be inside the data directory ({settings.DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/key. Nothing was created.", ExitUsage, toError: true);
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

        // What the admin must keep beside the keyring: a passphrase only when one unlocks it, else the key file it came from
        // (Crypto:KeyFile, a systemd credential, DISTRESSBOT_KEY_FILE or --new-key-file).
        var keep = secret is { Kind: KeyEncryptionSecretKind.Passphrase } ? " and remember the passphrase" : " and keep the key file";
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
            Back up the keyring{keep} separately from the data: without them the data cannot be read.
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
        using (CaseKeyStore.Open(settings.DataDirectory, keyring))
        {
        }

        await using (await LiteRecordStore.OpenAsync(settings.DataDirectory, NullLogger.Instance, TimeProvider.System))
        {
        }

        return keyring.LogSigner.VerifierKey;
    }

    /// <summary>The configuration and the settings checked for <paramref name="use"/>; both null when they are not usable, each problem said on <paramref name="error"/>.</summary>
    internal static (IConfigurationRoot? Configuration, BotSettings? Settings) LoadSettings(SettingsUse use, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        IConfigurationRoot configuration;
        try
        {
            configuration = BotConfiguration.Build();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            var reason = ex.InnerException is { } inner ? ex.Message + " " + inner.Message : ex.Message;
            error.WriteLine($"The settings files do not read ({reason}): fix the JSON, or the path in {BotConfiguration.ConfigFileVariable}.");
            return (null, null);
        }

        var settings = BotSettings.Bind(configuration);
        var errors = settings.Validate(use);
        if (errors.Count == 0)
        {
            return (configuration, settings);
        }

        error.WriteLine("The settings are not usable:");
        foreach (var problem in errors)
        {
            error.WriteLine("  - " + problem);
        }

        return (null, null);
    }

    private static int Print(string text, int code, bool toError = false)
    {
        (toError ? Console.Error : Console.Out).WriteLine(text);
        return code;
    }
}

/// <summary>`distressbot init`'s options.</summary>
/// <param name="NewKeyFile">The absolute path of a new random key file to unlock the keyring with; null: a passphrase.</param>
public sealed record InitOptions(string? NewKeyFile);
