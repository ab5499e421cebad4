namespace DistressBot.Storage.LiteDb;

/// <summary>Tuning for <see cref="LiteRecordStore"/>; the defaults are the production values.</summary>
public sealed class LiteRecordStoreOptions
{
    /// <summary>How the data file is opened; null means <see cref="LiteDataFile.Open"/>.</summary>
    public LiteDatabaseFactory? DatabaseFactory { get; init; }

    /// <summary>Wait before the first reopen after a storage fault; doubles each failed attempt.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between reopen attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most units of work that share one checkpoint (one fsync).</summary>
    public int MaxGroupSize { get; init; } = 256;

    /// <summary>
    /// A unit of work that read more record bytes than this (a scan of every person) makes the store close and reopen the data
    /// file once its group is answered, so that the pages the scan pulled into LiteDB's page cache, which never shrinks, are
    /// given back; <see cref="long.MaxValue"/>: never.
    /// </summary>
    public long ReopenAfterReading { get; init; } = 16 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstRetryDelay, TimeSpan.Zero, nameof(FirstRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, FirstRetryDelay, nameof(MaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxGroupSize, 1, nameof(MaxGroupSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReopenAfterReading, 1, nameof(ReopenAfterReading));
    }
}
