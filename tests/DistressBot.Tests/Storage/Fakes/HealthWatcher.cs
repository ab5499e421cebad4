using DistressBot.Storage;
using DistressBot.Storage.LiteDb;

namespace DistressBot.Tests.Storage.Fakes;

/// <summary>Lets a test await the moment a store's health matches a condition, instead of sleeping.</summary>
internal static class HealthWatcher
{
    public static Task<StoreHealth> WaitFor(LiteRecordStore store, Func<StoreHealth, bool> condition)
    {
        var reached = new TaskCompletionSource<StoreHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<StoreHealth>? handler = null;
        handler = (_, health) =>
        {
            if (condition(health))
            {
                store.HealthChanged -= handler;
                reached.TrySetResult(health);
            }
        };
        store.HealthChanged += handler;
        return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
