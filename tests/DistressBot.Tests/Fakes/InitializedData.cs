using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DistressBot.Tests.Fakes;

/// <summary>
/// What `init --key-file` makes, in a temporary folder: the data directory, the keyring with its log key, the key file and
/// the data file; opened as the bot opens it. Deleted on dispose.
/// </summary>
internal sealed class InitializedData : IDisposable
{
    private InitializedData(string root, FakeTimeProvider time)
    {
        Root = root;
        Time = time;
        Settings = BotSettings.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = Path.Combine(root, "data"),
                ["Crypto:KeyringPath"] = Path.Combine(root, "keys", "keyring.json"),
                ["Crypto:KeyFile"] = KeyFilePath,
            }).Build(),
            _ => null);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(Settings.KeyringPath)!);
        KeyFile.Create(KeyFilePath);
        using var secret = KeyEncryptionSecret.FromKeyFile(KeyFilePath);
        using var keyring = Keyring.Create(Settings.KeyringPath, secret, time);
        using (CaseKeyStore.Open(Settings.DataDirectory, keyring))
        {
        }

        // init also makes the data file: without it the stopped command line refuses the directory as mistyped (Cli/MissingData).
        OwnerOnly.CreateFolder(Settings.DataDirectory);
        var store = LiteRecordStore.OpenAsync(Settings.DataDirectory, NullLogger.Instance, time).GetAwaiter().GetResult();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Root { get; }

    /// <summary>The settings naming the data directory, keyring and key file.</summary>
    public BotSettings Settings { get; }

    /// <summary>The clock the keyring was made by and the data is opened with.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The key file that unlocks the keyring.</summary>
    public string KeyFilePath => Path.Combine(Root, "keys", "key");

    /// <summary>Makes it under a new temporary folder named after <paramref name="name"/>, with the clock at <paramref name="start"/>.</summary>
    public static InitializedData Create(string name, DateTimeOffset start) =>
        new(Directory.CreateTempSubdirectory($"distressbot-{name}-").FullName, new FakeTimeProvider(start));

    /// <summary>Opens the data as `run` and the stopped command line do (taking the lock, adding a missing log key).</summary>
    public async Task<BotRuntime> OpenAsync(ILoggerFactory? loggers = null)
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(KeyFilePath);
        return await BotRuntime.OpenAsync(Settings, secret, loggers ?? NullLoggerFactory.Instance, Time);
    }

    /// <summary>Runs an admin command on <paramref name="runtime"/> as the command line does with the bot stopped.</summary>
    public Task<DistressBot.Cli.AdminResult> StoppedAsync(BotRuntime runtime, params string[] args) =>
        DistressBot.Cli.AdminCommands.ExecuteAsync(args, new DistressBot.Cli.AdminContext(runtime, Settings.ToRules(), Time, new Dictionary<string, string>()), CancellationToken.None);

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
