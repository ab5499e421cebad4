using DistressBot.Crypto;

namespace DistressBot.Hosting;

/// <summary>Fills a <see cref="StatusReport"/> from what can be read with the bot stopped: the data file's size, and with the data opened, the store's figures and the keys' ages.</summary>
public static class StatusReading
{
    /// <summary>The report when the data could not be opened (no key source without a prompt, or the data held by a process that does not answer).</summary>
    public static StatusReport Unopened(BotSettings settings, bool running, DateTimeOffset now, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var report = new StatusReport { Running = running, CheckedAt = now, DataFileBytes = StatusFigures.DataFileBytes(settings.DataDirectory) };
        var problems = StatusJudge.Problems(report, StatusLimits.From(settings)).ToList();
        if (reason is not null)
        {
            problems.Add(reason);
        }

        return report with { Problems = problems };
    }

    /// <summary>The report of a stopped bot whose data <paramref name="runtime"/> opened.</summary>
    public static async Task<StatusReport> StoppedAsync(BotRuntime runtime, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var report = await WithStoreAsync(new StatusReport { Running = false, CheckedAt = now }, runtime, now, ct);
        return report with { Problems = StatusJudge.Problems(report, StatusLimits.From(runtime.Settings)) };
    }

    /// <summary><paramref name="report"/> with the store's figures (handed to <paramref name="seen"/> too), the data file's size and the keys' ages; a record that does not open makes the store "damaged".</summary>
    internal static async Task<StatusReport> WithStoreAsync(StatusReport report, BotRuntime runtime, DateTimeOffset now, CancellationToken ct, Action<StatusFigures>? seen = null)
    {
        var keys = runtime.Keyring.Keys;
        report = report with
        {
            DataFileBytes = StatusFigures.DataFileBytes(runtime.Settings.DataDirectory),
            DataKeyAgeSeconds = Seconds(now - keys.DataKeys[keys.CurrentId].Created),
            LogKeyAgeSeconds = runtime.Keyring.LogKeyCreated is { } logKey ? Seconds(now - logKey) : null,
        };
        try
        {
            var figures = await StatusFigures.ReadAsync(runtime.Store, ct);
            seen?.Invoke(figures);
            return With(report, figures, now);
        }
        catch (RecordIntegrityException)
        {
            return report with { Store = "damaged" };
        }
    }

    /// <summary><paramref name="report"/> with <paramref name="figures"/> read at <paramref name="now"/>.</summary>
    internal static StatusReport With(StatusReport report, StatusFigures figures, DateTimeOffset now) => report with
    {
        Store = "ok",
        OutboxLength = figures.OutboxLength,
        OutboxOldestAgeSeconds = figures.OldestQueuedAt is { } oldest ? Seconds(now - oldest) : null,
        OpenCases = figures.OpenCases,
        CoverageGaps = figures.CoverageGaps,
    };

    /// <summary>Whole seconds, never negative (a clock set back must not read as a negative age).</summary>
    internal static long Seconds(TimeSpan value) => Math.Max(0, (long)Math.Floor(value.TotalSeconds));
}
