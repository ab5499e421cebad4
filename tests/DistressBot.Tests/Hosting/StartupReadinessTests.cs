using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>
/// What "started" means for the host `run` builds: the admin socket is open once StartAsync returns, and under a service manager
/// READY=1 goes out only once deadlines and escalations are watched and the admin socket is open (issue 14, Type=notify).
/// </summary>
public sealed class StartupReadinessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly InitializedData _data = InitializedData.Create("ready", Start);
    private FakeBotApiServer? _telegram;
    private BotRuntime? _runtime;

    private FakeBotApiServer Telegram => _telegram!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeBotApiServer.StartAsync();
        var settings = BotSettings.Bind(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = Telegram.Token,
                ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl.ToString(),
                ["Telegram:PollTimeout"] = "00:00:02",
                ["Storage:DataDirectory"] = _data.Settings.DataDirectory,
                ["Crypto:KeyringPath"] = _data.Settings.KeyringPath,
                ["Crypto:KeyFile"] = _data.KeyFilePath,
            }).Build(),
            _ => null);
        using var secret = KeyEncryptionSecret.FromKeyFile(_data.KeyFilePath);
        _runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task StartAsync_ReturnsWithTheAdminSocketOpen_SoACommandRightAfterTheStartIsServedByTheBot()
    {
        using var host = Build(CommandLine.AddAdapters);

        await host.StartAsync();
        var served = await AdminSocketClient.TryExecuteAsync(_data.Settings.DataDirectory, ["people"], CancellationToken.None);
        await host.StopAsync();

        Assert.NotNull(served); // null: no bot listening, and the command line would have opened the data itself
        Assert.Equal(0, served.ExitCode);
        Assert.False(File.Exists(AdminSocketPath.For(_data.Settings.DataDirectory)), "the socket file outlived the bot");
    }

    [Fact]
    public async Task UnderANotifySocket_ReadyIsSentOnlyOnceDeadlinesAndEscalationsAreWatched_AndTheAdminSocketIsOpen()
    {
        var notifier = new RecordingSystemdNotifier();
        using var host = Build(services =>
        {
            CommandLine.AddAdapters(services);
            SystemdNotify.AddTo(services, name => name == SystemdNotify.SocketVariable ? "/run/systemd/notify" : null);
            services.AddSingleton<ISystemdNotifier>(notifier);
        });
        var deadlines = host.Services.GetRequiredService<DeadlineMonitor>();
        var escalations = host.Services.GetRequiredService<EscalationMonitor>();
        var socket = AdminSocketPath.For(_data.Settings.DataDirectory);
        notifier.AtNotify = () => string.Join(
            ' ',
            $"deadlines={deadlines.Started.IsCompletedSuccessfully}",
            $"escalations={escalations.Started.IsCompletedSuccessfully}",
            $"socket={File.Exists(socket)}",
            $"polled={Telegram.Requests.Any(r => r.Method == "getUpdates")}");

        await host.StartAsync();
        var afterStart = notifier.Sent;
        await host.StopAsync();

        var ready = Assert.Single(afterStart);
        Assert.Equal(("READY=1", "deadlines=True escalations=True socket=True polled=True"), ready);
        Assert.Equal(["READY=1", "STOPPING=1"], notifier.Sent.Select(s => s.State));
    }

    [Fact]
    public void WithoutANotifySocket_NoSystemdLifetimeIsUsed_AndNothingWaitsOnReadiness()
    {
        using var host = Build(services => SystemdNotify.AddTo(services, _ => null));

        Assert.IsNotType<SystemdLifetime>(host.Services.GetRequiredService<IHostLifetime>());
        Assert.Empty(host.Services.GetServices<IHostedService>().OfType<ReadinessGate>());
        Assert.Null(host.Services.GetService<ISystemdNotifier>());
    }

    [Fact]
    public async Task AStopAskedForBeforeTheBotIsReady_EndsTheStartCleanly_AndSaysSo()
    {
        // Telegram does not answer, so the catch-up (and so the deadline monitor) waits: a SIGTERM meanwhile must still stop the bot.
        Telegram.SetReachable(false);
        var logs = new CapturingLoggerProvider();
        using var host = Build(
            services =>
            {
                CommandLine.AddAdapters(services);
                SystemdNotify.AddTo(services, name => name == SystemdNotify.SocketVariable ? "/run/systemd/notify" : null);
                services.AddSingleton<ISystemdNotifier>(new RecordingSystemdNotifier());
            },
            b => b.ClearProviders().AddProvider(logs));
        var deadlines = host.Services.GetRequiredService<DeadlineMonitor>();
        var socket = host.Services.GetServices<IHostedService>().OfType<AdminSocketServer>().Single();

        var starting = host.StartAsync();
        await socket.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.False(deadlines.Started.IsCompleted);
        Assert.Contains(logs.Entries, e => e.EventId == 3611);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 3610);
    }

    private IHost Build(Action<IServiceCollection> adapters, Action<ILoggingBuilder>? logging = null) =>
        BotHostFactory.Build(_runtime!, new ConfigurationBuilder().Build(), TimeProvider.System, logging ?? (b => b.ClearProviders()), adapters: adapters);
}
