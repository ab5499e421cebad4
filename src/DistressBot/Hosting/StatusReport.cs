using System.Text.Json.Serialization;

namespace DistressBot.Hosting;

/// <summary>What `distressbot status` reports; the JSON names are stable (docs/operations.md), ages in whole seconds, sizes in bytes, null when not known.</summary>
public sealed record StatusReport
{
    /// <summary>Whether the bot runs: its admin socket answered (true), or the data directory's lock was free (false).</summary>
    [JsonPropertyName("running")]
    public bool Running { get; init; }

    /// <summary>When the report was made (UTC).</summary>
    [JsonPropertyName("checked_at")]
    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>When Telegram last answered getUpdates (UTC); null when the bot does not run or has not been answered yet.</summary>
    [JsonPropertyName("last_poll_at")]
    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>Seconds since that answer.</summary>
    [JsonPropertyName("last_poll_age_seconds")]
    public long? LastPollAgeSeconds { get; init; }

    /// <summary>"ok", "failing", "token_revoked", "connecting" (no answer yet), or "unknown" (the bot does not run).</summary>
    [JsonPropertyName("telegram")]
    public string Telegram { get; init; } = "unknown";

    /// <summary>The class of the last failed getUpdates ("401", "5xx", "network", …) while it fails.</summary>
    [JsonPropertyName("telegram_error")]
    public string? TelegramError { get; init; }

    /// <summary>Seconds every getUpdates has failed for.</summary>
    [JsonPropertyName("telegram_failing_seconds")]
    public long? TelegramFailingSeconds { get; init; }

    /// <summary>Rows waiting in the outbox.</summary>
    [JsonPropertyName("outbox_length")]
    public int? OutboxLength { get; init; }

    /// <summary>Seconds the oldest outbox row has waited; null when the outbox is empty.</summary>
    [JsonPropertyName("outbox_oldest_age_seconds")]
    public long? OutboxOldestAgeSeconds { get; init; }

    /// <summary>Seconds the most overdue deadline or escalation timer is late (0 when none is); null when the bot does not run.</summary>
    [JsonPropertyName("scheduler_lag_seconds")]
    public long? SchedulerLagSeconds { get; init; }

    /// <summary>"ok" (every record opened and authenticated), "damaged" (one did not), "not_opened" (no key without a prompt, or the data is held by another process).</summary>
    [JsonPropertyName("store")]
    public string Store { get; init; } = "not_opened";

    /// <summary>Bytes of the data file and its write-ahead log.</summary>
    [JsonPropertyName("data_file_bytes")]
    public long? DataFileBytes { get; init; }

    /// <summary>Seconds since the current data key was made (keys rotate makes a new one).</summary>
    [JsonPropertyName("data_key_age_seconds")]
    public long? DataKeyAgeSeconds { get; init; }

    /// <summary>Seconds since the log key (it signs the case logs) was made.</summary>
    [JsonPropertyName("log_key_age_seconds")]
    public long? LogKeyAgeSeconds { get; init; }

    /// <summary>Open cases (drills not counted).</summary>
    [JsonPropertyName("open_cases")]
    public int? OpenCases { get; init; }

    /// <summary>Subjects with no reachable coordinator (primary or backup).</summary>
    [JsonPropertyName("coverage_gaps")]
    public int? CoverageGaps { get; init; }

    /// <summary>What needs the admin, one sentence each; empty when all is well (exit 0).</summary>
    [JsonPropertyName("problems")]
    public IReadOnlyList<string> Problems { get; init; } = [];
}
