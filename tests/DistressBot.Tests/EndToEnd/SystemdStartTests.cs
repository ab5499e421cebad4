using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// The program started the way deploy/distressbot.service starts it (its Environment=, StateDirectory=, LoadCredential= and
/// Type=notify, with the unit's paths moved under a temporary folder and deploy/distressbot.json as the settings) against the
/// fake Bot API: READY=1 on the notify socket, an admin command served at once, a real round trip, and exit 0 on SIGTERM.
/// CI runs it on the published binary (DISTRESSBOT_PUBLISHED); otherwise it runs the build output with `dotnet`.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix file modes, sockets and signals
public sealed class SystemdStartTests : IAsyncLifetime
{
    /// <summary>The variable CI sets to the published `distressbot` executable.</summary>
    public const string PublishedVariable = "DISTRESSBOT_PUBLISHED";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-unit-").FullName;
    private FakeBotApiServer? _telegram;

    private FakeBotApiServer Telegram => _telegram!;

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Telegram.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task StartedAsTheUnitStartsIt_TheBotSaysReadyWhenItServes_AndStopsWithExitZeroOnSigterm()
    {
        var unit = SystemdUnit.Read("distressbot.service");
        Assert.Equal("notify", unit.One("Type"));
        var environment = UnitEnvironment(unit);
        var execStart = unit.One("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // deploy/README.md: the key is made by root, then `distressbot-admin init` runs init with it as the unit's credential.
        var key = Reroot("/etc/distressbot/key");
        KeyFile.Create(key);
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        GiveCredentials(unit, environment);
        using (var init = Start(environment, "init"))
        {
            Assert.True(await ExitedAsync(init) == 0, init.Log());
        }

        // What EnvironmentFile=/etc/distressbot/bot.env holds on a server; here, the fake Telegram.
        environment["DISTRESSBOT_Telegram__BotToken"] = Telegram.Token;
        environment["DISTRESSBOT_Telegram__ApiBaseUrl"] = Telegram.BaseUrl.ToString();
        environment["DISTRESSBOT_Telegram__PollTimeout"] = "1s";
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var notifyPath = Path.Combine(_root, "notify");
        notify.Bind(new UnixDomainSocketEndPoint(notifyPath));
        environment[SystemdNotify.SocketVariable] = notifyPath;
        var dataDirectory = Reroot("/var/lib/distressbot");

        using var bot = Start(environment, execStart[1..]);
        var ready = await ReceiveAsync(notify, bot);
        var invite = await AdminSocketClient.TryExecuteAsync(dataDirectory, ["invite", "coordinator", "--name", "Nina"], CancellationToken.None);

        Assert.Equal("READY=1", ready);
        Assert.True(invite is { ExitCode: 0 }, invite?.Error ?? "no bot answered on the admin socket right after READY=1\n" + bot.Log());
        var nina = new FakeUser(101, "Nina", "en");
        Telegram.EnqueueMessage(nina.Id, "/start " + invite!.Output.Trim(), nina);
        var welcome = await Telegram.WaitForBotMessageAsync(nina.Id, m => m.Text?.Contains("coordinator", StringComparison.Ordinal) == true, Patience);
        Assert.NotNull(welcome);

        Signal(bot.Process, "TERM");
        var stopping = await ReceiveAsync(notify, bot);
        Assert.Equal("STOPPING=1", stopping);
        Assert.True(await ExitedAsync(bot) == 0, bot.Log());
        Assert.DoesNotContain(Telegram.Token, bot.Log(), StringComparison.Ordinal);
        Assert.False(File.Exists(AdminSocketPath.For(dataDirectory)));
    }

    // The unit's own settings, its paths moved under the test's folder; the folders systemd would make, made owner-only.
    private Dictionary<string, string> UnitEnvironment(SystemdUnit unit)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in unit.All("Environment"))
        {
            var (name, value) = (assignment[..assignment.IndexOf('=', StringComparison.Ordinal)], assignment[(assignment.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment[name] = Reroot(value);
        }

        var states = unit.One("StateDirectory").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => Reroot("/var/lib/" + d)).ToList();
        states.ForEach(OwnerOnly.CreateFolder);
        environment["STATE_DIRECTORY"] = string.Join(':', states);
        var configuration = Reroot("/etc/" + unit.One("ConfigurationDirectory"));
        Directory.CreateDirectory(configuration);
        environment["CONFIGURATION_DIRECTORY"] = configuration;

        // deploy/distressbot.json, installed as /etc/distressbot/distressbot.json, with its paths moved too.
        var settings = File.ReadAllText(Path.Combine(SystemdUnit.DeployFolder, "distressbot.json"))
            .Replace("\"/var/", $"\"{_root}/var/", StringComparison.Ordinal)
            .Replace("\"/etc/", $"\"{_root}/etc/", StringComparison.Ordinal);
        File.WriteAllText(environment[BotConfiguration.ConfigFileVariable], settings);
        return environment;
    }

    // LoadCredential=NAME:PATH: systemd copies PATH to $CREDENTIALS_DIRECTORY/NAME, readable by the service's user only.
    private void GiveCredentials(SystemdUnit unit, Dictionary<string, string> environment)
    {
        var credentials = Path.Combine(_root, "run", "credentials", "distressbot.service");
        OwnerOnly.CreateFolder(credentials);
        foreach (var credential in unit.All("LoadCredential"))
        {
            var (name, source) = (credential[..credential.IndexOf(':', StringComparison.Ordinal)], credential[(credential.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            File.Copy(Reroot(source), Path.Combine(credentials, name));
            File.SetUnixFileMode(Path.Combine(credentials, name), UnixFileMode.UserRead);
        }

        environment[KeyMaterialResolver.CredentialsDirectoryVariable] = credentials;
    }

    private string Reroot(string path) => path.StartsWith('/') ? _root + path : path;

    private static async Task<string> ReceiveAsync(Socket notify, Child bot)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Patience);
        var receiving = notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask();
        if (await Task.WhenAny(receiving, bot.Process.WaitForExitAsync(timeout.Token)) != receiving)
        {
            Assert.Fail("The bot ended before notifying:\n" + bot.Log());
        }

        return Encoding.UTF8.GetString(buffer, 0, await receiving).Trim();
    }

    private static async Task<int> ExitedAsync(Child child)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await child.Process.WaitForExitAsync(timeout.Token);
        return child.Process.ExitCode;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    // The published executable when CI names it, else the build output through `dotnet`; only the unit's environment.
    private static Child Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var published = Environment.GetEnvironmentVariable(PublishedVariable);
        var start = new ProcessStartInfo(string.IsNullOrEmpty(published) ? "dotnet" : published)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(published))
        {
            start.ArgumentList.Add(typeof(CommandLine).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var inherited in new[] { "PATH", "DOTNET_ROOT", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(inherited) is { } value)
            {
                start.Environment[inherited] = value;
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new Child(start);
    }

    /// <summary>A child process whose stdout and stderr are kept for failure messages.</summary>
    private sealed class Child : IDisposable
    {
        private readonly StringBuilder _log = new();

        public Child(ProcessStartInfo start)
        {
            Process = Process.Start(start)!;
            Process.OutputDataReceived += (_, e) => Keep(e.Data);
            Process.ErrorDataReceived += (_, e) => Keep(e.Data);
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
            Process.StandardInput.Close();
        }

        public Process Process { get; }

        public string Log()
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private void Keep(string? line)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
