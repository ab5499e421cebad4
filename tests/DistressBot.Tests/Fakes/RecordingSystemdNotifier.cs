using Microsoft.Extensions.Hosting.Systemd;

namespace DistressBot.Tests.Fakes;

/// <summary>Stands in for systemd's notify socket inside the test process: keeps each state sent and what <see cref="AtNotify"/> saw at that moment.</summary>
internal sealed class RecordingSystemdNotifier : ISystemdNotifier
{
    private readonly List<(string State, string Seen)> _sent = [];

    /// <summary>Read when a state is sent (the bot's state then, e.g. which parts were serving); empty when unset.</summary>
    public Func<string>? AtNotify { get; set; }

    /// <summary>Every state sent, in order, with what <see cref="AtNotify"/> saw.</summary>
    public IReadOnlyList<(string State, string Seen)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public bool IsEnabled => true;

    public void Notify(ServiceState state)
    {
        var seen = AtNotify?.Invoke() ?? "";
        lock (_sent)
        {
            _sent.Add((state.ToString(), seen));
        }
    }
}
