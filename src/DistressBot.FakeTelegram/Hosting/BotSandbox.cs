using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Telegram.FakeApi;
using DistressBot.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Hosting;

/// <summary>How a <see cref="BotSandbox"/> is set up.</summary>
public sealed class BotSandboxOptions
{
    /// <summary>The bot's domain clock and the fake Telegram's message dates.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The bot's transport clock (pacing, retries, poll floor) and the fake Telegram's request times; the system clock unless a test runs it faster.</summary>
    public TimeProvider TransportTime { get; init; } = TimeProvider.System;

    /// <summary>Settings on top of the defaults ("Checkins:MinimumInterval" = "00:00:10", …).</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the bot's logs go; null for none.</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}

/// <summary>
/// The real bot, with real storage and crypto, in a temporary directory, talking to an in-process fake Bot API on
/// 127.0.0.1. Used by the demo (`src/DistressBot.Demo`) and by the end-to-end tests: only the Telegram endpoint differs from `run`.
/// </summary>
public sealed class BotSandbox : IAsyncDisposable
{
    private readonly BotSandboxOptions _options;
    private BotRuntime? _runtime;
    private IHost? _host;

    private BotSandbox(BotSandboxOptions options, FakeBotApiServer server, string root)
    {
        _options = options;
        Server = server;
        Root = root;
    }

    /// <summary>The fake Telegram.</summary>
    public FakeBotApiServer Server { get; }

    /// <summary>The temporary directory: data/ and keys/.</summary>
    public string Root { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>The running host's services.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>The opened data of the running bot.</summary>
    public BotRuntime Runtime => _runtime ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>The configuration the bot runs with.</summary>
    public IConfiguration Configuration { get; private set; } = new ConfigurationBuilder().Build();

    /// <summary>Creates the directory, keyring and fake Telegram, then starts the bot and waits until it polls.</summary>
    public static async Task<BotSandbox> StartAsync(BotSandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new BotSandboxOptions();
        var root = Directory.CreateTempSubdirectory("distressbot-").FullName;
        var server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = options.Time, TransportTime = options.TransportTime }, ct);
        var sandbox = new BotSandbox(options, server, root);
        var keys = Path.Combine(root, "keys");
        Storage.OwnerOnly.CreateFolder(keys);
        KeyFile.Create(Path.Combine(keys, "key"));
        using (var secret = KeyEncryptionSecret.FromKeyFile(Path.Combine(keys, "key")))
        using (Keyring.Create(Path.Combine(keys, "keyring.json"), secret, options.Time))
        {
        }

        await sandbox.StartBotAsync(ct);
        return sandbox;
    }

    /// <summary>Starts the bot over the same data (after <see cref="StopBotAsync"/>) and waits until it polls.</summary>
    public async Task StartBotAsync(CancellationToken ct = default)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The bot is already running.");
        }

        var values = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = Server.Token,
            ["Telegram:ApiBaseUrl"] = Server.BaseUrl.ToString(),
            ["Telegram:PollTimeout"] = "00:00:02",
            ["Storage:DataDirectory"] = DataDirectory,
            ["Crypto:KeyringPath"] = Path.Combine(Root, "keys", "keyring.json"),
            ["Crypto:KeyFile"] = Path.Combine(Root, "keys", "key"),
        };
        foreach (var (key, value) in _options.Settings)
        {
            values[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = BotSettings.Bind(Configuration);
        var errors = settings.Validate(needTelegram: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Sandbox settings are not usable: " + string.Join(" ", errors));
        }

        using var loggers = LoggerFactory.Create(b => _options.Logging?.Invoke(b));
        using var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!);
        _runtime = await BotRuntime.OpenAsync(settings, secret, loggers, _options.Time);
        var polled = Server.WaitForGetUpdatesAsync(TimeSpan.FromSeconds(30));
        _host = BotHostFactory.Build(_runtime, Configuration, _options.Time, _options.Logging ?? (b => b.ClearProviders()), new TransportClock(_options.TransportTime), CommandLine.AddAdapters);
        await _host.StartAsync(ct);
        await polled;
    }

    /// <summary>Stops the bot and closes its data; the directory and the fake Telegram stay.</summary>
    public async Task StopBotAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
            _runtime = null;
        }
    }

    /// <summary>A service of the running bot.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless; its data is encrypted.
        }
    }
}
