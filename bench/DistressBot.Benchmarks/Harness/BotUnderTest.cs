using System.Diagnostics;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Telegram.FakeApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Benchmarks.Harness;

/// <summary>
/// The real bot as `run` starts it (BotRuntime.OpenAsync, then BotHostFactory.Build; real Telegram.Bot client, storage and
/// crypto) over a copied seeded directory, against the fake Bot API: only the Telegram endpoint differs.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private BotUnderTest(BotRuntime runtime, IHost host, CommitRecorder recorder, long startTimestamp)
    {
        Runtime = runtime;
        _host = host;
        Recorder = recorder;
        StartTimestamp = startTimestamp;
    }

    /// <summary>The opened data.</summary>
    public BotRuntime Runtime { get; }

    /// <summary>The store, as the bot's use cases see it.</summary>
    public BotStore Store => Runtime.Store;

    /// <summary>What was committed, per subject.</summary>
    public CommitRecorder Recorder { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the data was opened: the start of `run`.</summary>
    public long StartTimestamp { get; }

    /// <summary>Completes when the deadline and escalation monitors have loaded their timers and watch them.</summary>
    public Task Watching => Task.WhenAll(
        _host.Services.GetRequiredService<DeadlineMonitor>().Started,
        _host.Services.GetRequiredService<EscalationMonitor>().Started);

    /// <summary>Opens the data under <paramref name="root"/> (keys/, data/), runs <paramref name="beforeStart"/> on the store with nothing watching yet, then starts the host.</summary>
    public static async Task<BotUnderTest> StartAsync(string root, FakeBotApiServer server, IDictionary<string, string?> extraSettings, Func<BotStore, Task>? beforeStart = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Storage:DataDirectory"] = Path.Combine(root, "data"),
            ["Crypto:KeyringPath"] = Path.Combine(root, "keys", "keyring.json"),
            ["Crypto:KeyFile"] = Path.Combine(root, "keys", "key"),
            ["Checkins:MinimumInterval"] = "00:01:00",
        };
        foreach (var (key, value) in extraSettings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = BotSettings.Bind(configuration);
        var errors = settings.Validate(needTelegram: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Benchmark settings are not usable: " + string.Join(" ", errors));
        }

        void Logging(ILoggingBuilder b) => b.ClearProviders().AddBotConsole(Environment.GetEnvironmentVariable).SetMinimumLevel(LogLevel.Error);

        var started = Stopwatch.GetTimestamp();
        using var loggers = LoggerFactory.Create(Logging);
        using var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!);
        var runtime = await BotRuntime.OpenAsync(settings, secret, loggers, TimeProvider.System);
        if (beforeStart is not null)
        {
            await beforeStart(runtime.Store);
        }

        var host = BotHostFactory.Build(runtime, configuration, TimeProvider.System, Logging);
        var recorder = new CommitRecorder();
        runtime.Store.Observer = new StoreObservers(recorder, runtime.Store.Observer!);
        await host.StartAsync();
        return new BotUnderTest(runtime, host, recorder, started);
    }

    /// <summary>Seconds since <see cref="StartTimestamp"/>.</summary>
    public double SecondsSinceStart() => Stopwatch.GetElapsedTime(StartTimestamp).TotalSeconds;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await _host.StopAsync(grace.Token);
        }

        _host.Dispose();
        await Runtime.DisposeAsync();
    }
}
