using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>Re-encrypts records still sealed under an old data key, in small transactions, at start and after each rotation.</summary>
/// <remarks>Resumable by construction: each batch re-checks which blobs are not yet under the current key.</remarks>
public sealed partial class ReencryptionService(BotRuntime runtime, ILogger<ReencryptionService> logger) : BackgroundService
{
    /// <summary>Records re-sealed per transaction.</summary>
    public const int BatchSize = 1000;

    /// <summary>Ring it after a rotation.</summary>
    internal AsyncSignal Wake { get; } = new();

    /// <summary>Rung after each complete pass (tests wait on it).</summary>
    internal AsyncSignal PassCompleted { get; } = new();

    /// <summary>Re-seals every record not under the current key; returns how many.</summary>
    public static async Task<int> RunAllAsync(BotRuntime runtime, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var fields = Collections.All.Select(c => (c, Collections.DataField)).ToList();
        var total = 0;
        while (true)
        {
            var count = await runtime.Records.ExecuteAsync(session => RecordReencryptor.Reencrypt(session, runtime.Keyring.Cipher, fields, batchSize), ct);
            total += count;
            if (count < batchSize)
            {
                return total;
            }
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = Wake.NextAsync();

            // With one data key every record that opens is under it: nothing to do, and no read of every record (seconds at
            // 100,000 people, on the start-up path) to find that out. A rotation adds a key and rings Wake.
            if (first && runtime.Keyring.KeyIds.Count == 1)
            {
                first = false;
                PassCompleted.Notify();
                await woken.WaitAsync(stoppingToken);
                continue;
            }

            first = false;
            try
            {
                var count = await RunAllAsync(runtime, BatchSize, stoppingToken);
                if (count > 0)
                {
                    LogReencrypted(count, runtime.Keyring.CurrentKeyId);
                }
            }
            catch (RecordIntegrityException ex)
            {
                // A damaged record must be looked at by a person; the rest of the bot keeps running.
                LogDamaged(ex.Address.ToString());
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }

            PassCompleted.Notify();
            await woken.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Re-encrypted {Count} records under data key {KeyId}")]
    private partial void LogReencrypted(int count, string keyId);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Error, Message = "Re-encryption stopped at damaged record {Record}; it needs attention")]
    private partial void LogDamaged(string record);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Error, Message = "Re-encryption failed; it resumes at the next start or rotation")]
    private partial void LogFailed(Exception ex);
}
