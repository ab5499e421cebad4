using System.Text.Json.Nodes;
using DistressBot.Cli;
using DistressBot.Evidence;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Admin;

/// <summary>
/// `keys status` and `keys log-key` show the deployment's log key the same way with the bot stopped (the command line runs them
/// on the data it opened) and running (handed over the admin socket), and opening the data gives a keyring made by an earlier
/// version its log key once.
/// </summary>
public sealed class LogKeyCommandTests : IAsyncLifetime
{
    private readonly InitializedData _data = InitializedData.Create("logkey", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));


    public Task InitializeAsync()
    {
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KeysLogKey_PrintsOnlyTheVerifierKeyLine_TheSameStoppedAndRunning()
    {
        await using var runtime = await _data.OpenAsync();
        var verifierKey = runtime.Keyring.LogSigner.VerifierKey;

        var stopped = await StoppedAsync(runtime, "keys", "log-key");
        var running = await RunningAsync(runtime, "keys", "log-key");

        Assert.Equal(new AdminResult(0, verifierKey + "\n", ""), stopped);
        Assert.Equal(stopped, running);
        var pinned = NoteVerifier.Parse(stopped.Output.TrimEnd('\n')); // what a lawyer saves as log.vkey reads back as the key
        Assert.True(pinned.TryOpen(runtime.Keyring.LogSigner.Sign("distressbot-x/C-0001\n1\nAAAA\n"), out _));
        Assert.StartsWith(LogKeyName.Prefix, pinned.KeyName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysStatus_ShowsTheLogKeyAndWhenItWasMade_AfterTheDataKeys_TheSameStoppedAndRunning()
    {
        await using var runtime = await _data.OpenAsync();

        var stopped = await StoppedAsync(runtime, "keys", "status");
        var running = await RunningAsync(runtime, "keys", "status");

        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(
            $"current data key: k1\nall data keys: k1\nrecords under older keys: 0\nlog key: {runtime.Keyring.LogSigner.VerifierKey}\nlog key created: 2026-11-02 09:00 UTC\n",
            stopped.Output);
        Assert.Equal(stopped, running);
    }

    [Theory]
    [InlineData("log-key", "--bogus")]
    [InlineData("status", "now")]
    [InlineData("rotate", "--nwo")]
    public async Task KeysWithAnArgumentTheSubcommandDoesNotTake_IsRefused_AndChangesNothing(string subcommand, string extra)
    {
        await using var runtime = await _data.OpenAsync();
        var keyring = await File.ReadAllBytesAsync(_data.Settings.KeyringPath);

        var result = await StoppedAsync(runtime, "keys", subcommand, extra);

        Assert.Equal((2, ""), (result.ExitCode, result.Output));
        Assert.StartsWith($"Unrecognized command or argument '{extra}'.", result.Error, StringComparison.Ordinal);
        Assert.EndsWith($"Nothing was run. 'distressbot keys {subcommand} --help' shows how to call it.\n", result.Error, StringComparison.Ordinal);
        Assert.Equal(keyring, await File.ReadAllBytesAsync(_data.Settings.KeyringPath)); // no key was added
    }

    [Fact]
    public async Task KeysWithAnUnknownSubcommand_SuggestsLogKey()
    {
        await using var runtime = await _data.OpenAsync();

        var result = await StoppedAsync(runtime, "keys", "log-keys");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'log-keys' was not matched. Did you mean one of the following?\nlog-key\n", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task OpeningTheData_WithAKeyringOfAnEarlierVersion_AddsTheLogKeyOnce_AndTellsTheAdmin()
    {
        // What the previous version left: format 1, no log key.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(_data.Settings.KeyringPath))!;
        json["format"] = 1;
        var keys = json["keys"]!.AsArray();
        keys.Remove(keys.Single(k => k!["role"]!.GetValue<string>() == "log"));
        await File.WriteAllTextAsync(_data.Settings.KeyringPath, json.ToJsonString());
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        string verifierKey;
        await using (var runtime = await _data.OpenAsync(loggers))
        {
            verifierKey = (await StoppedAsync(runtime, "keys", "log-key")).Output.TrimEnd('\n');
        }

        var upgraded = await File.ReadAllBytesAsync(_data.Settings.KeyringPath);
        await using (var again = await _data.OpenAsync(loggers))
        {
            Assert.Equal(verifierKey + "\n", (await StoppedAsync(again, "keys", "log-key")).Output);
        }

        var added = Assert.Single(logs.Entries, e => e.EventId == 3530);
        Assert.Equal(LogLevel.Warning, added.Level);
        Assert.Contains("Back up the keyring again", added.Message, StringComparison.Ordinal);
        Assert.Equal(upgraded, await File.ReadAllBytesAsync(_data.Settings.KeyringPath)); // the second open wrote nothing
        Assert.Equal(2, JsonNode.Parse(upgraded)!["format"]!.GetValue<int>());
        NoteVerifier.Parse(verifierKey);
    }

    [Fact]
    public async Task OpeningTheData_WithANewKeyring_WritesNothingAndLogsNothingAboutTheLogKey()
    {
        var before = await File.ReadAllBytesAsync(_data.Settings.KeyringPath);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        await using (await _data.OpenAsync(loggers))
        {
        }

        Assert.DoesNotContain(logs.Entries, e => e.EventId == 3530);
        Assert.Equal(before, await File.ReadAllBytesAsync(_data.Settings.KeyringPath));
    }

    // As the command line runs an admin command with the bot stopped: on the data it opened itself.
    private Task<AdminResult> StoppedAsync(BotRuntime runtime, params string[] args) =>
        AdminCommands.ExecuteAsync(args, new AdminContext(runtime, _data.Settings.ToRules(), _data.Time, new Dictionary<string, string>()), CancellationToken.None);

    // As the command line hands an admin command to the running bot: over the admin socket its AdminSocketServer serves.
    private async Task<AdminResult> RunningAsync(BotRuntime runtime, params string[] args)
    {
        using var server = new AdminSocketServer(
            runtime,
            _data.Settings.ToRules(),
            _data.Time,
            new TransportClock(TimeProvider.System),
            new ReencryptionService(runtime, NullLogger<ReencryptionService>.Instance),
            new CommandMenuSignal(),
            NullLogger<AdminSocketServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                // The server opens its socket on the thread pool after StartAsync: until then there is no socket to hand the command to.
                if (await AdminSocketClient.TryExecuteAsync(_data.Settings.DataDirectory, args, CancellationToken.None) is { } result)
                {
                    return result;
                }

                Assert.True(DateTime.UtcNow < until, "The admin socket did not open.");
                await Task.Delay(20);
            }
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }
}
