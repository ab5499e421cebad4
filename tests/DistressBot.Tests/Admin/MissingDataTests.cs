using DistressBot.Cli;
using DistressBot.Storage;

namespace DistressBot.Tests.Admin;

/// <summary>
/// A mistyped Storage:DataDirectory (or the empty folder a unit's StateDirectory= made) never starts a new, empty bot beside the
/// real data: `run` and the stopped admin commands refuse it, naming the setting and `init`, and create nothing.
/// </summary>
[Collection(ProcessStateGroup.Name)]
public sealed class MissingDataTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-missing-").FullName;

    private string KeyFilePath => Path.Combine(_root, "keys", "key");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("run")]
    [InlineData("people")]
    [InlineData("invite", "coordinator", "--name", "Nina")]
    public async Task Command_WithADataDirectoryThatDoesNotExist_Exit4_NamesTheSettingAndInit_AndCreatesNothing(params string[] command)
    {
        await InitAsync();
        var before = Snapshot();
        var mistyped = Path.Combine(_root, "dta");

        var result = await InProcessCommandLine.RunAsync(Environment(mistyped), command);

        Assert.Equal(CommandLine.ExitData, result.ExitCode);
        Assert.Contains($"The data directory {mistyped} does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("Storage:DataDirectory", result.Error, StringComparison.Ordinal);
        Assert.Contains("'distressbot init'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(mistyped));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Run_WithAnEmptyDataDirectory_AsStateDirectoryMakesIt_Exit4_AndLeavesItEmpty()
    {
        await InitAsync();
        var empty = Path.Combine(_root, "state");
        OwnerOnly.CreateFolder(empty);

        var run = await InProcessCommandLine.RunAsync(Environment(empty), "run");

        Assert.Equal(CommandLine.ExitData, run.ExitCode);
        Assert.Contains($"The data directory {empty} holds no data (distressbot.db is not there)", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("status", "--json")]
    public async Task Status_WithAnEmptyDataDirectory_Exit1_SaysItHoldsNoData_CreatesNothing_AndRunStillRefuses(params string[] command)
    {
        // Opening it would have made an empty store that `run` then served, and whose scheduled backups pruned the real ones.
        await InitAsync();
        var empty = Path.Combine(_root, "state");
        OwnerOnly.CreateFolder(empty);
        var before = Snapshot();

        var status = await InProcessCommandLine.RunAsync(Environment(empty), command);
        var afterStatus = Snapshot();
        var run = await InProcessCommandLine.RunAsync(Environment(empty), "run");

        var (store, problems) = command.Contains("--json") ? FromJson(status.Output) : (status.Output, status.Output);
        Assert.Equal(CommandLine.ExitRefused, status.ExitCode);
        Assert.Contains($"The data directory {empty} holds no data", problems, StringComparison.Ordinal);
        Assert.Contains("'distressbot init'", problems, StringComparison.Ordinal);
        Assert.Contains("'distressbot restore BACKUP'", problems, StringComparison.Ordinal);
        Assert.Contains("Storage:DataDirectory is probably mistyped", problems, StringComparison.Ordinal);
        Assert.Contains(command.Contains("--json") ? "not_opened" : "store          not opened\n", store, StringComparison.Ordinal);
        Assert.Equal("", status.Error);
        Assert.Equal(before, afterStatus);
        Assert.Equal(CommandLine.ExitData, run.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Theory]
    [InlineData("people")]
    [InlineData("keys", "status")]
    [InlineData("backup", "BACKUPS")]
    [InlineData("keys", "change-passphrase", "--new-key-file", "NEWKEY")]
    public async Task AdminCommand_WithAnEmptyDataDirectory_Exit4_AndCreatesNothing(params string[] command)
    {
        await InitAsync();
        var empty = Path.Combine(_root, "state");
        OwnerOnly.CreateFolder(empty);
        var before = Snapshot();

        var result = await InProcessCommandLine.RunAsync(Environment(empty), [.. command.Select(a => a switch { "BACKUPS" => Path.Combine(_root, "backups"), "NEWKEY" => Path.Combine(_root, "new.key"), _ => a })]);

        Assert.Equal(CommandLine.ExitData, result.ExitCode);
        Assert.Contains($"The data directory {empty} holds no data", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task People_OnTheDirectoryInitMade_StillRuns()
    {
        await InitAsync();

        var people = await InProcessCommandLine.RunAsync(Environment(Path.Combine(_root, "data")), "people");

        Assert.True(people.ExitCode == 0, people.Error);
    }

    [Fact]
    public async Task Run_WithNoKeyringEither_IsStillTheKeyringsRefusal_Exit3()
    {
        var env = Environment(Path.Combine(_root, "data"));
        env.Remove("DISTRESSBOT_Crypto__KeyFile");
        env["DISTRESSBOT_PASSPHRASE"] = "a passphrase long enough";

        var run = await InProcessCommandLine.RunAsync(env, "run");

        Assert.Equal(CommandLine.ExitKeys, run.ExitCode);
        Assert.Contains("Run 'distressbot init' first", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage:DataDirectory is probably mistyped", run.Error, StringComparison.Ordinal);
    }

    private async Task InitAsync()
    {
        var init = await InProcessCommandLine.RunAsync(
            new Dictionary<string, string>(Environment(Path.Combine(_root, "data"))) { ["DISTRESSBOT_Crypto__KeyFile"] = "" }, "init", "--key-file", KeyFilePath);
        Assert.True(init.ExitCode == 0, init.Error);
    }

    // The store's state and the problems listed, from `status --json`.
    private static (string Store, string Problems) FromJson(string json)
    {
        using var report = System.Text.Json.JsonDocument.Parse(json);
        var root = report.RootElement;
        return (root.GetProperty("store").GetString()!, string.Join("\n", root.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
    }

    private Dictionary<string, string> Environment(string dataDirectory) => new()
    {
        ["DISTRESSBOT_Storage__DataDirectory"] = dataDirectory,
        ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "keys", "keyring.json"),
        ["DISTRESSBOT_Crypto__KeyFile"] = KeyFilePath,
        ["DISTRESSBOT_Telegram__BotToken"] = "123456:NOT-USED",
        ["DISTRESSBOT_Telegram__ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    private List<string> Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(_root, p)).Order(StringComparer.Ordinal)];
}
