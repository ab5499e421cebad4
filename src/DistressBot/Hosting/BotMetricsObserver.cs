using DistressBot.Domain;
using DistressBot.Transport;

namespace DistressBot.Hosting;

/// <summary>Counts what each committed unit of work did (check-ins, alarms that opened a case) on the <see cref="BotMetrics"/>.</summary>
public sealed class BotMetricsObserver(BotMetrics metrics) : IStoreObserver
{
    /// <inheritdoc/>
    public void Committed(StoreChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var happened in changes.Events)
        {
            switch (happened)
            {
                case CheckedIn:
                    metrics.CheckedIn();
                    break;
                case AlarmRaised { NewCase: true } opened:
                    metrics.AlarmOpened(opened.Kind);
                    break;
            }
        }
    }
}
