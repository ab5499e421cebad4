using System.CommandLine;
using System.Reflection;
using DistressBot.Cli;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Admin;

/// <summary>
/// The one command tree (issue 14, "Done when"): every command and sub-command answers --help, a misspelt option or an unknown
/// command is refused with exit 2 naming it and changes nothing (before settings are read, the data opened or the bot asked),
/// and the running bot, parsing the same arguments with the same tree, answers with the same output and exit code.
/// </summary>
[Collection(ProcessStateGroup.Name)]
public sealed class CommandTreeTests : IDisposable
{
    private readonly InitializedData _data = InitializedData.Create("tree", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Misspellings and unknowns, each with what the refusal must name.</summary>
    public static TheoryData<string[], string[]> Refused => new()
    {
        { ["keys", "rotate", "--nwo"], ["Unrecognized command or argument '--nwo'.", "'--nwo' was not matched. Did you mean one of the following?\n--now\n"] },
        { ["people", "--bogus"], ["Unrecognized command or argument '--bogus'."] },
        { ["peeple"], ["Unrecognized command or argument 'peeple'.", "Did you mean one of the following?\npeople\n"] },
        { ["keys", "rotat"], ["Unrecognized command or argument 'rotat'.", "rotate"] },
        { ["policy", "Salek", "--ack-timeout", "5x"], ["--ack-timeout takes a duration such as 30s, 5m, 1h30m or 2d (at most 30 days), not '5x'."] },
        { ["policy", "Salek", "--ack-timeout", "01:30:00"], ["--ack-timeout takes a duration such as 30s, 5m, 1h30m or 2d (at most 30 days), not '01:30:00'."] }, // as the top-level help says
        { ["policy", "Salek"], ["Give at least one of --ack-timeout, --repeat, --acked-reminder, or --reset."] },
        { ["cases", "purge", "C-42", "--yes"], ["'C-42' is not a case number: case numbers read like C-0042."] },
        { ["export-case", "C-0001", "--out", "/tmp/never-made", "--lang", "de"], ["--lang takes ru or en, not 'de'."] },
        { ["invite", "admin", "--name", "Vera"], ["Cannot invite someone as 'admin': only a coordinator or a lawyer."] },
        { ["backup"], ["Required argument 'DIRECTORY' missing for command: 'backup'."] },
        { ["help", "peeple"], ["'peeple' is not a command of 'distressbot'. Did you mean 'people'?"] },
        { ["help", "keys", "rotat"], ["'rotat' is not a command of 'distressbot keys'. Did you mean 'rotate'?"] },
    };

    [Fact]
    public async Task EveryCommandAndSubcommand_AnswersHelp_Exit0_TheSameOverTheSocket_AndChangesNothing()
    {
        var paths = CommandPaths(CommandTree.Build(new ConsoleAdminSide([], "/")), []).ToList();
        var before = Snapshot();
        var stopped = new List<(int ExitCode, string Output, string Error)>();
        foreach (var path in paths)
        {
            stopped.Add(await InProcessCommandLine.RunAsync(Environment(), [.. path, "--help"]));
        }

        var shortForm = await InProcessCommandLine.RunAsync(Environment(), "keys", "rotate", "-h");

        Assert.Contains(paths, p => p.SequenceEqual(["keys", "rotate"]));
        Assert.Contains(paths, p => p.SequenceEqual(["cases", "release"]));
        Assert.True(paths.Count >= 20, string.Join(", ", paths.Select(p => string.Join(' ', p))));
        foreach (var (path, run) in paths.Zip(stopped))
        {
            var name = string.Join(' ', path);
            Assert.True(run.ExitCode == 0, name + ": " + run.Error);
            Assert.Contains("Usage:\n  distressbot " + name, run.Output, StringComparison.Ordinal);
            Assert.Contains("Description:", run.Output, StringComparison.Ordinal);
            Assert.Equal("", run.Error);
        }

        Assert.Equal(stopped[paths.FindIndex(p => p.SequenceEqual(["keys", "rotate"]))], shortForm);
        Assert.Equal(before, Snapshot()); // help reads no settings and opens nothing: not even the data file is made

        await using var bot = await RunningBot.StartAsync(_data);
        foreach (var (path, run) in paths.Zip(stopped))
        {
            var overSocket = await bot.SendAsync([.. path, "--help"]);

            Assert.Equal((run.ExitCode, run.Output, run.Error), (overSocket.ExitCode, overSocket.Output, overSocket.Error));
        }
    }

    [Fact]
    public async Task TopLevelHelp_KeepsTheSettingsSources_ExitCodes_AndKeySources_AndHelpSaysTheSame()
    {
        var help = await InProcessCommandLine.RunAsync(Environment(), "--help");
        var word = await InProcessCommandLine.RunAsync(Environment(), "help");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(help, word);
        foreach (var needed in new[] { "DISTRESSBOT_CONFIG", "DISTRESSBOT_Telegram__BotToken", "Exit codes: 0 done; 1 refused", "DISTRESSBOT_PASSPHRASE", "export-case <CASE>", "keys", "--version",
            "options such as --ack-timeout take only 30s, 15m,", "4 data directory taken, unreadable, or holds no data" })
        {
            Assert.Contains(needed, help.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("demo", help.Output, StringComparison.Ordinal); // the moved demo is answered, never advertised
    }

    [Fact]
    public async Task Version_PrintsTheAssemblysInformationalVersion()
    {
        var expected = typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var run = await InProcessCommandLine.RunAsync(Environment(), "--version");

        Assert.Equal((0, expected + "\n", ""), run);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AMisspeltOptionOrUnknownCommand_Exit2_NamesIt_ReadsNoSettings_ChangesNothing_AndTheRunningBotSaysTheSame(string[] args, string[] names)
    {
        var brokenSettings = Path.Combine(_data.Root, "broken.json");
        await File.WriteAllTextAsync(brokenSettings, "{ not json");
        var before = Snapshot();

        var stopped = await InProcessCommandLine.RunAsync(Environment(("DISTRESSBOT_CONFIG", brokenSettings)), args);

        Assert.Equal((CommandLine.ExitUsage, ""), (stopped.ExitCode, stopped.Output));
        foreach (var name in names)
        {
            Assert.Contains(name, stopped.Error, StringComparison.Ordinal);
        }

        Assert.EndsWith("--help' shows how to call it.\n", stopped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("settings", stopped.Error, StringComparison.Ordinal); // refused before the (broken) settings were read
        Assert.Equal(before, Snapshot()); // and before the data was opened: not even the data file is made

        await using var bot = await RunningBot.StartAsync(_data);
        var whileRunning = await InProcessCommandLine.RunAsync(Environment(), args);
        var askedTheBot = bot.Served;
        var overSocket = await bot.SendAsync(args);

        Assert.Equal(stopped, whileRunning);
        Assert.Equal(0, askedTheBot); // the command line refused it without asking the bot
        Assert.Equal(stopped, (overSocket.ExitCode, overSocket.Output, overSocket.Error));
    }

    [Fact]
    public async Task ADataCommand_GivesTheSameOutputAndExitCode_StoppedAndRunning()
    {
        string[][] commands = [["people"], ["cases", "release", "C-0042", "--yes"], ["policy", "Nobody", "--repeat", "5m"], ["keys", "log-key"]];
        var stopped = new List<(int, string, string)>();
        foreach (var args in commands)
        {
            stopped.Add(await InProcessCommandLine.RunAsync(Environment(), args));
        }

        await using var bot = await RunningBot.StartAsync(_data);
        var running = new List<(int, string, string)>();
        foreach (var args in commands)
        {
            running.Add(await InProcessCommandLine.RunAsync(Environment(), args));
        }

        Assert.Equal([0, 1, 1, 0], stopped.Select(r => r.Item1));
        Assert.Equal(stopped, running);
        Assert.Equal(commands.Length, bot.Served);
    }

    [Fact]
    public async Task AWordStartingWithAt_IsAnOrdinaryWord_NeverAFileOfArgumentsToRead()
    {
        var file = Path.Combine(_data.Root, "arguments.rsp");
        await File.WriteAllTextAsync(file, "--help\n");

        var run = await InProcessCommandLine.RunAsync(Environment(), "people", "@" + file);

        Assert.Equal((CommandLine.ExitUsage, ""), (run.ExitCode, run.Output));
        Assert.StartsWith($"Unrecognized command or argument '@{file}'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandThatRunsOnlyOnTheAdminsSide_IsRefusedByTheRunningBot()
    {
        await using var bot = await RunningBot.StartAsync(_data);

        var init = await bot.SendAsync(["init"]);
        var verify = await bot.SendAsync(["verify", "/"]);

        Assert.Equal((CommandLine.ExitUsage, "", "'init' runs on the admin's own machine, not inside the running bot; nothing was run.\n"), (init.ExitCode, init.Output, init.Error));
        Assert.Equal(CommandLine.ExitUsage, verify.ExitCode);
    }

    public void Dispose() => _data.Dispose();

    private static IEnumerable<string[]> CommandPaths(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            string[] here = [.. path, sub.Name];
            yield return here;
            foreach (var deeper in CommandPaths(sub, here))
            {
                yield return deeper;
            }
        }
    }

    private Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = _data.Settings.DataDirectory,
            ["DISTRESSBOT_Crypto__KeyringPath"] = _data.Settings.KeyringPath,
            ["DISTRESSBOT_Crypto__KeyFile"] = _data.KeyFilePath,
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    // Every file under the test's folder and its bytes.
    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_data.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

    // The bot's admin socket, served as `run` serves it, on the data it holds open (and locked).
    private sealed class RunningBot : IAsyncDisposable
    {
        private readonly BotRuntime _runtime;
        private readonly AdminSocketServer _server;
        private readonly CapturingLogger<AdminSocketServer> _log = new();
        private readonly string _dataDirectory;

        private RunningBot(BotRuntime runtime, InitializedData data)
        {
            _runtime = runtime;
            _dataDirectory = data.Settings.DataDirectory;
            _server = new AdminSocketServer(
                runtime,
                data.Settings.ToRules(),
                data.Time,
                new TransportClock(TimeProvider.System),
                new ReencryptionService(runtime, NullLogger<ReencryptionService>.Instance),
                new CommandMenuSignal(),
                _log);
        }

        // Admin requests the bot answered (event 2501).
        public int Served => _log.Entries.Count(e => e.EventId == 2501);

        public static async Task<RunningBot> StartAsync(InitializedData data)
        {
            var bot = new RunningBot(await data.OpenAsync(), data);
            await bot._server.StartAsync(CancellationToken.None);

            // The server opens its socket on the thread pool after StartAsync: wait until it says so.
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!bot._log.Entries.Any(e => e.EventId == 2500))
            {
                Assert.True(DateTime.UtcNow < until, "The admin socket did not open.");
                await Task.Delay(20);
            }

            return bot;
        }

        public async Task<AdminResult> SendAsync(string[] args) =>
            await AdminSocketClient.TryExecuteAsync(_dataDirectory, args, CancellationToken.None) ?? throw new InvalidOperationException("No bot answered on the admin socket.");

        public async ValueTask DisposeAsync()
        {
            await _server.StopAsync(CancellationToken.None);
            _server.Dispose();
            await _runtime.DisposeAsync();
        }
    }
}
