using DistressBot.Storage;

namespace DistressBot.Tests.Fakes;

/// <summary>An <see cref="IRecordStore"/> over an <see cref="InMemoryRecordSession"/>: units run one at a time, and one that throws leaves the records as they were.</summary>
public sealed class InMemoryRecordStore(InMemoryRecordSession records) : IRecordStore
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public Task<T> ExecuteAsync<T>(Func<IRecordSession, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var before = records.Snapshot();
            try
            {
                return Task.FromResult(work(records));
            }
            catch (Exception ex)
            {
                records.Restore(before);
                return Task.FromException<T>(ex);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
