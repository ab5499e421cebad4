using System.Text;
using DistressBot.Domain;
using DistressBot.Evidence;
using DistressBot.Storage;
using DistressBot.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>
/// Sends every signed checkpoint out of the server, in order, to what is configured: a file in <c>Evidence:WitnessDirectory</c>,
/// the C2SP tlog-witness at <c>Evidence:WitnessUrl</c> (its cosignature checked against <c>Evidence:WitnessKey</c> and kept), and an
/// RFC 3161 token from <c>Evidence:TimestampAuthorityUrl</c> (kept). Each place is written into the checkpoint's record as it
/// succeeds, so a crash repeats at most one send; a transient failure is retried with backoff, a refusal is logged and given up.
/// </summary>
public sealed partial class CheckpointPublisher(
    BotStore store,
    BotSettings settings,
    WitnessClient witness,
    TimestampClient timestamps,
    TimeProvider time,
    TransportClock transport,
    ILogger<CheckpointPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>Rung after each pass (tests wait on it).</summary>
    internal AsyncSignal Passed { get; } = new();

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PassLoop.RunAsync(PassAsync, Idle, LogPassFailed, Passed, transport, stoppingToken);

    /// <summary>One pass over the queue, oldest first; false when a transient failure stopped it (the rest wait, in order).</summary>
    internal async Task<bool> PassAsync(CancellationToken ct)
    {
        var queued = await store.RunAsync(db => db.CaseLog.ToPublish(), ct);
        foreach (var id in queued)
        {
            if (!await PublishAsync(id, ct))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> PublishAsync(string id, CancellationToken ct)
    {
        var evidence = settings.Evidence;
        var checkpoint = await store.RunAsync(db => db.CaseLog.FindCheckpoint(id), ct);
        if (checkpoint is not null && evidence.WitnessDirectoryPath is { } directory && !Has(checkpoint, "witness-directory"))
        {
            WriteToDirectory(directory, checkpoint);
            checkpoint = await MarkAsync(id, c => c.Sent.Add(new CheckpointSent("witness-directory", null, time.GetUtcNow())), ct);
        }

        if (checkpoint is not null && evidence.WitnessUri is { } witnessUri && !Has(checkpoint, "witness") && !Has(checkpoint, "witness-refused"))
        {
            if (await WitnessAsync(checkpoint, witnessUri, ct) is not { } done)
            {
                return false;
            }

            checkpoint = done;
        }

        if (checkpoint is not null && evidence.TimestampAuthorityUri is { } tsa && !Has(checkpoint, "timestamp") && !Has(checkpoint, "timestamp-refused"))
        {
            var outcome = await timestamps.RequestAsync(tsa, Encoding.UTF8.GetBytes(checkpoint.Note), evidence.PinnedAuthorityCertificate(), ct);
            switch (outcome)
            {
                case TimestampGranted granted:
                    checkpoint = await MarkAsync(id, c =>
                    {
                        c.TimestampToken = granted.Token;
                        c.Sent.Add(new CheckpointSent("timestamp", tsa.GetLeftPart(UriPartial.Path), time.GetUtcNow()));
                    }, ct);
                    break;
                case TimestampFailed { Transient: true }:
                    return false;
                case TimestampFailed failed:
                    LogGaveUp("timestamp authority", failed.Kind.ToString());
                    checkpoint = await MarkAsync(id, c => c.Sent.Add(new CheckpointSent("timestamp-refused", failed.Kind.ToString(), time.GetUtcNow())), ct);
                    break;
            }
        }

        await store.RunAsync(db => db.CaseLog.Published(id), ct);
        return true;
    }

    // The witness learns each case's log from the last size it cosigned (0 at first), with a consistency proof to this one.
    private async Task<CheckpointRecord?> WitnessAsync(CheckpointRecord checkpoint, Uri witnessUri, CancellationToken ct)
    {
        var (oldSize, entries) = await store.RunAsync(
            db => (db.CaseLog.Checkpoints(checkpoint.CaseId).Where(c => c.Sent.Exists(s => s.Where == "witness")).Select(c => c.Size).DefaultIfEmpty(0).Max(), db.CaseLog.Entries(checkpoint.CaseId)),
            ct);
        var tree = new MerkleTree();
        foreach (var entry in entries.Take((int)checkpoint.Size))
        {
            tree.Append(entry);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (oldSize > checkpoint.Size)
            {
                break; // the witness already holds a longer log: this older checkpoint cannot be added
            }

            var proof = oldSize == 0 || oldSize == checkpoint.Size ? [] : tree.ConsistencyProof((ulong)oldSize, (ulong)checkpoint.Size);
            var outcome = await witness.AddCheckpointAsync(witnessUri, (ulong)oldSize, proof, checkpoint.Note, ct);
            switch (outcome)
            {
                case WitnessCosigned cosigned:
                    var text = SignedNote.Parse(checkpoint.Note).Text;
                    if (settings.Evidence.WitnessVerifier() is { } verifier && verifier.TryVerify(text, cosigned.Body, out _))
                    {
                        return await MarkAsync(checkpoint.Id, c =>
                        {
                            c.Cosignatures = cosigned.Body;
                            c.WitnessKey = verifier.ToString();
                            c.Sent.Add(new CheckpointSent("witness", witnessUri.GetLeftPart(UriPartial.Path), time.GetUtcNow()));
                        }, ct);
                    }

                    LogGaveUp("witness", "a cosignature that does not verify with Evidence:WitnessKey");
                    return await MarkAsync(checkpoint.Id, c => c.Sent.Add(new CheckpointSent("witness-refused", "BadCosignature", time.GetUtcNow())), ct);
                case WitnessConflict conflict:
                    oldSize = (long)conflict.KnownSize;
                    continue;
                case WitnessFailed { Transient: true }:
                    return null;
                case WitnessFailed failed:
                    LogGaveUp("witness", failed.Kind.ToString());
                    return await MarkAsync(checkpoint.Id, c => c.Sent.Add(new CheckpointSent("witness-refused", failed.Kind.ToString(), time.GetUtcNow())), ct);
            }
        }

        LogGaveUp("witness", "it holds a different size of the log");
        return await MarkAsync(checkpoint.Id, c => c.Sent.Add(new CheckpointSent("witness-refused", "Conflict", time.GetUtcNow())), ct);
    }

    private Task<CheckpointRecord?> MarkAsync(string id, Action<CheckpointRecord> change, CancellationToken ct) =>
        store.RunAsync(
            db =>
            {
                if (db.CaseLog.FindCheckpoint(id) is not { } stored)
                {
                    return null;
                }

                change(stored);
                db.CaseLog.Update(stored);
                return stored;
            },
            ct);

    private static bool Has(CheckpointRecord checkpoint, string where) => checkpoint.Sent.Exists(s => s.Where == where);

    // "<dir>/C-0042/000003.checkpoint": the note exactly as signed, written whole (a crash leaves the old file or the new one).
    private static void WriteToDirectory(string directory, CheckpointRecord checkpoint)
    {
        var folder = Path.Combine(directory, checkpoint.CaseId);
        OwnerOnly.CreateFolder(folder);
        var path = Path.Combine(folder, checkpoint.Index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".checkpoint");
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(Encoding.UTF8.GetBytes(checkpoint.Note));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Publishing signed checkpoints failed; retrying with backoff")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "The {Place} refused a checkpoint ({Why}); it is kept on the server and in bundles, without that")]
    private partial void LogGaveUp(string place, string why);
}
