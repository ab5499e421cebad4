using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace DistressBot.Hosting;

/// <summary>systemd's <c>Type=notify</c>: READY=1 once the bot serves, STOPPING=1 when it stops, whenever <c>$NOTIFY_SOCKET</c> is set.</summary>
/// <remarks>
/// Microsoft.Extensions.Hosting.Systemd's <see cref="SystemdLifetime"/> and <see cref="SystemdNotifier"/> speak the protocol.
/// Its <c>AddSystemd()</c> is not used: it turns itself on only when the parent process is systemd (or PID 1), so a supervisor
/// that speaks the same protocol (podman's <c>--sdnotify</c>, a test with its own socket) would never hear READY=1, as libsystemd's
/// own <c>sd_notify</c> would send it; and it switches the console format, which <see cref="BotLogging"/> already picks from
/// <c>$JOURNAL_STREAM</c>. systemd sets <c>$NOTIFY_SOCKET</c> only for units that wait for the notification.
/// </remarks>
public static class SystemdNotify
{
    /// <summary>The variable naming the service manager's datagram socket.</summary>
    public const string SocketVariable = "NOTIFY_SOCKET";

    /// <summary>Registers the systemd lifetime and the <see cref="ReadinessGate"/> when <paramref name="environment"/> names a notify socket; otherwise nothing.</summary>
    public static void AddTo(IServiceCollection services, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrEmpty(environment(SocketVariable)) || !OperatingSystem.IsLinux())
        {
            return;
        }

        services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddSingleton<IHostLifetime, SystemdLifetime>();
        services.AddSingleton<IHostedService, ReadinessGate>();
    }
}
