using System.Text.Json;
using DistressBot.Tests.Admin;
using DistressBot.Tests.EndToEnd;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Health;

/// <summary>`distressbot status [--json]` running (over the socket, live figures) and stopped (what can be read without a prompt), with its exit code.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_Running_ReportsLiveFiguresOverTheSocket_Exit0_ThenStopped_NotRunningExit1_NeverPrompting()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromHours(3));
        await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        await s.QuietAsync();
        var root = s.Sandbox.Root;

        // No key source at all: the running bot answers over its socket, which needs none.
        var noKey = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = s.Sandbox.DataDirectory,
            ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(root, "keys", "keyring.json"),
        };
        var json = await InProcessCommandLine.RunAsync(noKey, "status", "--json");
        var text = await InProcessCommandLine.RunAsync(noKey, "status");
        var bogus = await InProcessCommandLine.RunAsync(noKey, "status", "--jsn");

        Assert.True(json.ExitCode == 0, json.Output + json.Error);
        using (var report = JsonDocument.Parse(json.Output))
        {
            var r = report.RootElement;
            Assert.True(r.GetProperty("running").GetBoolean());
            Assert.Equal("ok", r.GetProperty("telegram").GetString());
            Assert.True(r.GetProperty("last_poll_age_seconds").GetInt64() >= 0);
            Assert.Equal("ok", r.GetProperty("store").GetString());
            Assert.Equal(0, r.GetProperty("outbox_length").GetInt32());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("outbox_oldest_age_seconds").ValueKind);
            Assert.Equal(0, r.GetProperty("scheduler_lag_seconds").GetInt64());
            Assert.Equal(1, r.GetProperty("open_cases").GetInt32()); // an open case is the bot working, not a problem
            Assert.Equal(0, r.GetProperty("coverage_gaps").GetInt32());
            Assert.True(r.GetProperty("data_file_bytes").GetInt64() > 0);
            Assert.True(r.GetProperty("data_key_age_seconds").GetInt64() >= 0);
            Assert.True(r.GetProperty("log_key_age_seconds").GetInt64() >= 0);
            Assert.Equal(0, r.GetProperty("problems").GetArrayLength());
        }

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("running        yes\n", text.Output, StringComparison.Ordinal);
        Assert.Contains("open cases     1\n", text.Output, StringComparison.Ordinal);
        Assert.EndsWith("All well.\n", text.Output, StringComparison.Ordinal);
        Assert.Equal(2, bogus.ExitCode);
        Assert.Contains("'--jsn'", bogus.Error, StringComparison.Ordinal);
        Assert.Contains("distressbot status --help", bogus.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", json.Output + text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Salek", json.Output + text.Output, StringComparison.Ordinal);

        await s.Sandbox.StopBotAsync();
        var filesBefore = Directory.GetFiles(s.Sandbox.DataDirectory).Order().ToList();
        var stoppedNoKey = await InProcessCommandLine.RunAsync(noKey, "status", "--json");
        Assert.Equal(filesBefore, Directory.GetFiles(s.Sandbox.DataDirectory).Order().ToList());
        var withKey = new Dictionary<string, string>(noKey) { ["DISTRESSBOT_Crypto__KeyFile"] = Path.Combine(root, "keys", "key") };
        var stoppedWithKey = await InProcessCommandLine.RunAsync(withKey, "status", "--json");

        Assert.Equal(1, stoppedNoKey.ExitCode);
        Assert.Equal("", stoppedNoKey.Error); // nothing asked, nothing complained of on stderr
        using (var report = JsonDocument.Parse(stoppedNoKey.Output))
        {
            var r = report.RootElement;
            Assert.False(r.GetProperty("running").GetBoolean());
            Assert.Equal("unknown", r.GetProperty("telegram").GetString());
            Assert.Equal("not_opened", r.GetProperty("store").GetString());
            Assert.True(r.GetProperty("data_file_bytes").GetInt64() > 0);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("open_cases").ValueKind);
            var problems = r.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.StartsWith("The bot is not running", problems[0], StringComparison.Ordinal);
            Assert.Contains("status never asks for a passphrase", problems[1], StringComparison.Ordinal);
        }

        Assert.Equal(1, stoppedWithKey.ExitCode);
        using (var report = JsonDocument.Parse(stoppedWithKey.Output))
        {
            var r = report.RootElement;
            Assert.False(r.GetProperty("running").GetBoolean());
            Assert.Equal("ok", r.GetProperty("store").GetString());
            Assert.Equal(1, r.GetProperty("open_cases").GetInt32());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("scheduler_lag_seconds").ValueKind);
            Assert.StartsWith("The bot is not running", Assert.Single(r.GetProperty("problems").EnumerateArray()).GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_DataDirectoryMissingBesideAKeyring_SaysProbablyMistyped_NotInit_AndCreatesNothing()
    {
        using var initialized = InitializedData.Create("status-missing", DateTimeOffset.UnixEpoch);
        var mistyped = Path.Combine(initialized.Root, "dta");
        var result = await InProcessCommandLine.RunAsync(
            new Dictionary<string, string>
            {
                ["DISTRESSBOT_Storage__DataDirectory"] = mistyped,
                ["DISTRESSBOT_Crypto__KeyringPath"] = initialized.Settings.KeyringPath,
                ["DISTRESSBOT_Crypto__KeyFile"] = initialized.KeyFilePath,
            },
            "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("probably mistyped", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("run 'distressbot init', or set", result.Output, StringComparison.Ordinal); // init would refuse beside a keyring
        Assert.False(Directory.Exists(mistyped));
    }

    [Fact]
    public async Task Status_NoDataDirectory_IsNotRunning_Exit1_AndCreatesNothing()
    {
        var root = Directory.CreateTempSubdirectory("distressbot-status-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var result = await InProcessCommandLine.RunAsync(
                new Dictionary<string, string> { ["DISTRESSBOT_Storage__DataDirectory"] = data, ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(root, "keys", "keyring.json") },
                "status");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("running        no\n", result.Output, StringComparison.Ordinal);
            Assert.Contains($"There is no data directory at {data}", result.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(data));
            Assert.False(Directory.Exists(Path.Combine(root, "keys")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task RevokedToken_IsLoggedOnceAsCritical_AndStatusNamesIt_Exit1()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs));
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");

        // Revoked in @BotFather: from now on Telegram answers 401 to every call.
        s.Telegram.RevokeToken();
        var status = await s.AdminAsync("status", "--json");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        // The poll loop marks the token revoked, then logs it: wait for both, since status may answer in between.
        while (!(status.Output.Contains("\"token_revoked\"", StringComparison.Ordinal) && logs.Entries.Any(e => e.EventId == 3620)) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
            status = await s.AdminAsync("status", "--json");
        }

        Assert.Equal(1, status.ExitCode);
        using var report = JsonDocument.Parse(status.Output);
        Assert.Equal("token_revoked", report.RootElement.GetProperty("telegram").GetString());
        Assert.Equal("401", report.RootElement.GetProperty("telegram_error").GetString());
        Assert.Contains("Telegram refuses the bot token (401)", report.RootElement.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        var revoked = Assert.Single(logs.Entries, e => e.EventId == 3620);
        Assert.Equal(LogLevel.Critical, revoked.Level);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 2200); // the ordinary "getUpdates failed, retrying" is not said for a 401
        Assert.All(logs.Entries, e => Assert.DoesNotContain(s.Telegram.Token, e.Everything, StringComparison.Ordinal));
    }
}
