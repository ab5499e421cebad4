using DistressBot.Domain;
using DistressBot.Telegram;
using DistressBot.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DistressBot.Hosting;

/// <summary>Builds the Generic Host that runs the bot over an opened <see cref="BotRuntime"/>; the same for `run`, the demo and the tests.</summary>
public static class BotHostFactory
{
    /// <summary>The host: update pump, outbox dispatcher, timer monitors and whatever the caller's <paramref name="adapters"/> register (the command line's admin socket), with <paramref name="time"/> as the domain's clock and <paramref name="transport"/> (default: the system clock) as the transport's.</summary>
    public static IHost Build(BotRuntime runtime, IConfiguration configuration, TimeProvider time, Action<ILoggingBuilder>? logging = null, TransportClock? transport = null, Action<IServiceCollection>? adapters = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = runtime.Settings;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        if (logging is null)
        {
            builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
            builder.Logging.AddBotConsole(Environment.GetEnvironmentVariable);
        }
        else
        {
            logging(builder.Logging);
        }

        var services = builder.Services;
        services.Configure<HostOptions>(o =>
        {
            // A crashed service must not take the others down silently: every loop catches and retries itself.
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton(time);
        services.AddSingleton(transport ?? TransportClock.System);
        services.AddSingleton(runtime);
        services.AddSingleton(runtime.Store);
        services.AddSingleton(settings.ToRules());
        services.AddSingleton(Options.Create(settings.Telegram));
        services.AddSingleton(settings);
        services.AddSingleton<DowntimeLog>();
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<BotMetricsObserver>();
        services.AddSingleton<TelegramLink>();
        OtlpExport.Add(services, settings.Telemetry);
        services.AddHttpClient("heartbeat").RemoveAllLoggers();
        services.AddSingleton<DeadlineIndex>();
        services.AddSingleton<EscalationIndex>();
        services.AddSingleton<TimerRegistry>();
        services.AddSingleton<StartupScan>();
        services.AddSingleton<DomainEventLog>();
        services.AddSingleton<CaseCommandHandler>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxIndex>();
        services.AddSingleton<CommandMenuSignal>();
        services.AddSingleton(new PublicProfile(settings.Privacy.BotName, settings.Privacy.BotDescription));
        services.AddSingleton<InboundCatchUp>();
        services.AddSingleton(sp => new SendPacer(sp.GetRequiredService<TransportClock>().Time));
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton<DeletionSender>();

        services.AddTelegramClient(settings.Telegram);
        services.AddEvidenceClients();

        AddService<UpdatePump>(services);
        AddService<OutboxDispatcher>(services);
        AddService<DeadlineMonitor>(services);
        AddService<EscalationMonitor>(services);
        AddService<ReencryptionService>(services);
        AddService<CommandMenus>(services);
        AddService<CheckpointPublisher>(services);
        AddService<RetentionService>(services);
        AddService<EvidenceDownloader>(services);
        AddService<ScheduledBackups>(services);
        SystemdNotify.AddTo(services, Environment.GetEnvironmentVariable);
        adapters?.Invoke(services);
        AddService<HealthService>(services);
        AddService<LiveStatus>(services);
        var host = builder.Build();

        // Every commit from now on logs what happened, then moves timers and rings the outbox, whichever code path made it.
        // The log goes first, so its line is written before anyone can be told by a message; the outbox index learns of queued
        // rows before the timer registry rings the dispatcher.
        runtime.Store.Observer = new StoreObservers(
            host.Services.GetRequiredService<DomainEventLog>(),
            host.Services.GetRequiredService<BotMetricsObserver>(),
            host.Services.GetRequiredService<OutboxIndex>(),
            host.Services.GetRequiredService<LiveStatus>(),
            host.Services.GetRequiredService<TimerRegistry>());
        return host;
    }

    /// <summary>Registers <typeparamref name="T"/> once as itself, so tests and the demo can reach its signals, and once as a hosted service.</summary>
    public static void AddService<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<T>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<T>());
    }
}
