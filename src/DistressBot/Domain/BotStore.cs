using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>The store as the domain sees it: units of work over sealed, typed records.</summary>
public sealed class BotStore(IRecordStore store, CryptoContext crypto)
{
    /// <summary>Runs <paramref name="work"/> in one durable transaction (see <see cref="IRecordStore"/> for the contract).</summary>
    public Task<T> RunAsync<T>(Func<DataSession, T> work, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(session => work(new DataSession(session, crypto)), cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one durable transaction.</summary>
    public Task RunAsync(Action<DataSession> work, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(
            session =>
            {
                work(new DataSession(session, crypto));
                return true;
            },
            cancellationToken);
}
