using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Storage;
using DistressBot.Storage.LiteDb;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>The opened data: the data directory lock, the keyring, the case keys and the store; one per process.</summary>
public sealed partial class BotRuntime : IAsyncDisposable
{
    private readonly DataDirectoryLock _directoryLock;

    private BotRuntime(DataDirectoryLock directoryLock, Keyring keyring, CaseKeyStore caseKeys, LiteRecordStore records, BotSettings settings)
    {
        _directoryLock = directoryLock;
        Keyring = keyring;
        CaseKeys = caseKeys;
        Records = records;
        Settings = settings;
        Store = new BotStore(records, new CryptoContext(keyring.Cipher, keyring.Lookups, caseKeys.Create, keyring.LogSigner))
        {
            // Here, so that the running bot and every admin command (running or stopped) keep the sealed timer index alike.
            Closing = new TimerIndexKeeper(TimerRules(settings)),
        };
    }

    /// <summary>The keyring (data keys, lookup key).</summary>
    public Keyring Keyring { get; }

    /// <summary>Per-case keys.</summary>
    public CaseKeyStore CaseKeys { get; }

    /// <summary>The storage backend.</summary>
    public LiteRecordStore Records { get; }

    /// <summary>The store as the domain sees it.</summary>
    public BotStore Store { get; }

    /// <summary>The settings it was opened with.</summary>
    public BotSettings Settings { get; }

    /// <summary>
    /// Takes the data directory, opens the keyring with <paramref name="secret"/> (giving one made by an earlier version its log
    /// key, saved before anything can sign), then the case keys and the store.
    /// </summary>
    /// <exception cref="DataDirectoryLockedException">Another process owns the data directory.</exception>
    /// <exception cref="DataDirectoryPermissionsException">The data directory is open to group or others.</exception>
    /// <exception cref="KeyringException">No keyring, its folder is open to group or others, it does not open with this secret, or its new log key cannot be saved.</exception>
    public static async Task<BotRuntime> OpenAsync(BotSettings settings, KeyEncryptionSecret secret, ILoggerFactory loggers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        if (!File.Exists(settings.KeyringPath))
        {
            throw new KeyringException($"There is no keyring at {settings.KeyringPath}. Run 'distressbot init' first (or set Crypto:KeyringPath to where it is).");
        }

        // Refused, not fixed: someone opened them up, and the admin should know before the bot goes on.
        if (OwnerOnly.LooseFolderProblem(settings.DataDirectory, "The data directory") is { } dataProblem)
        {
            throw new DataDirectoryPermissionsException(settings.DataDirectory, dataProblem);
        }

        if (OwnerOnly.LooseFolderProblem(Path.GetDirectoryName(settings.KeyringPath)!, "The keyring's folder") is { } keysProblem)
        {
            throw new KeyringException(keysProblem);
        }

        var directoryLock = DataDirectoryLock.Acquire(settings.DataDirectory);
        Keyring? keyring = null;
        CaseKeyStore? caseKeys = null;
        LiteRecordStore? records = null;
        try
        {
            keyring = Keyring.Open(settings.KeyringPath, secret, time);
            // Under the data directory lock, so no other process of this deployment rewrites the keyring meanwhile.
            if (keyring.EnsureLogKey())
            {
                LogLogKeyAdded(loggers.CreateLogger<BotRuntime>());
            }

            caseKeys = CaseKeyStore.Open(settings.DataDirectory, keyring);
            // Storage fault recovery waits on the wall clock, whatever clock the domain runs on.
            records = await LiteRecordStore.OpenAsync(settings.DataDirectory, loggers.CreateLogger<LiteRecordStore>(), TimeProvider.System);
            var imported = await CaseKeyFileImport.RunAsync(settings.CaseKeysPath, records, caseKeys, keyring);
            if (imported > 0)
            {
                LogCaseKeysImported(loggers.CreateLogger<BotRuntime>(), imported);
            }

            var loaded = caseKeys;
            await records.ExecuteAsync(loaded.Load);
            return new BotRuntime(directoryLock, keyring, caseKeys, records, settings);
        }
        catch
        {
            if (records is not null)
            {
                await records.DisposeAsync();
            }

            caseKeys?.Dispose();
            keyring?.Dispose();
            directoryLock.Dispose();
            throw;
        }
    }

    // The rules looks are worked out under. Settings a command did not check may not give rules (an unknown language or
    // zone): that command's changes to a timer then drop the index, and the next start rebuilds it.
    private static BotRules? TimerRules(BotSettings settings)
    {
        try
        {
            return settings.ToRules();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 3530, Level = LogLevel.Warning, Message = "The keyring had no log key (it was made by an earlier version): one was made and saved. Back up the keyring again, and give the lawyers its verifier key ('distressbot keys log-key')")]
    private static partial void LogLogKeyAdded(ILogger logger);

    [LoggerMessage(EventId = 3640, Level = LogLevel.Information, Message = "Moved {Count} case keys and tombstones from case-keys.json into the data file and removed the file")]
    private static partial void LogCaseKeysImported(ILogger logger, int count);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Records.DisposeAsync();
        CaseKeys.Dispose();
        Keyring.Dispose();
        _directoryLock.Dispose();
    }
}
