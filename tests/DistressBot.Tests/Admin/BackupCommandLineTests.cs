using DistressBot.Cli;

namespace DistressBot.Tests.Admin;

/// <summary>
/// `distressbot backup` and `restore` as an admin types them, through the command line with the bot stopped: the exit codes, bad
/// arguments refused with nothing changed, and a new key file refused inside the data directory.
/// </summary>
[Collection(ProcessStateGroup.Name)]
public sealed class BackupCommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-backup-cli-").FullName;

    private string Data => Path.Combine(_root, "data");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task BackupThenRestore_ThroughTheCommandLine_RestoresIntoAnEmptyDataDirectory_AndRefusesBadArguments()
    {
        var env = await InitAsync();
        var backup = Path.Combine(_root, "backups", "b1");

        var written = await InProcessCommandLine.RunAsync(env, "backup", backup);
        var usage = await InProcessCommandLine.RunAsync(env, "restore");
        var misspelt = await InProcessCommandLine.RunAsync(env, "restore", backup, "--froce");
        var twoBackups = await InProcessCommandLine.RunAsync(env, "restore", backup, backup);
        var overData = await InProcessCommandLine.RunAsync(env, "restore", backup);
        env["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(_root, "fresh");
        var restored = await InProcessCommandLine.RunAsync(env, "restore", backup);
        var again = await InProcessCommandLine.RunAsync(env, "invite", "coordinator", "--name", "Nina");

        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Equal(backup + "\n", written.Output);
        Assert.Equal((CommandLine.ExitUsage, ""), (usage.ExitCode, usage.Output));
        Assert.Contains("Required argument 'BACKUP' missing", usage.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.ExitUsage, misspelt.ExitCode);
        Assert.Contains("'--froce'", misspelt.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.ExitUsage, twoBackups.ExitCode);
        Assert.Equal(CommandLine.ExitRefused, overData.ExitCode);
        Assert.Contains("add --force", overData.Error, StringComparison.Ordinal);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Equal(Path.Combine(_root, "fresh") + "\n", restored.Output);
        Assert.Equal(CommandLine.ExitRefused, again.ExitCode); // the restored data holds Nina's pending invite
        Assert.Contains("called 'Nina'", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassphrase_WithANewKeyFileInsideTheDataDirectory_IsRefused_AndNoKeyFileIsMade()
    {
        var env = await InitAsync();
        var inside = Path.Combine(Data, "new.key");
        var keyring = File.ReadAllBytes(Path.Combine(_root, "keys", "keyring.json"));

        var refused = await InProcessCommandLine.RunAsync(env, "keys", "change-passphrase", "--new-key-file", inside);

        Assert.Equal(CommandLine.ExitUsage, refused.ExitCode);
        Assert.Contains("would be inside the data directory", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(inside));
        Assert.Equal(keyring, File.ReadAllBytes(Path.Combine(_root, "keys", "keyring.json")));
    }

    private async Task<Dictionary<string, string>> InitAsync()
    {
        var keyFile = Path.Combine(_root, "secret", "key");
        var env = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = Data,
            ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "keys", "keyring.json"),
        };
        var init = await InProcessCommandLine.RunAsync(env, "init", "--key-file", keyFile);
        Assert.True(init.ExitCode == 0, init.Error);
        env["DISTRESSBOT_Crypto__KeyFile"] = keyFile;
        var invite = await InProcessCommandLine.RunAsync(env, "invite", "coordinator", "--name", "Nina");
        Assert.True(invite.ExitCode == 0, invite.Error);
        return env;
    }
}
