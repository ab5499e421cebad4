using DistressBot.Cli;
using DistressBot.Tests.Admin;

namespace DistressBot.Tests.Backups;

/// <summary>`distressbot restore` as typed: a backup path that is not there is a bad argument (exit 2), said before any key is asked for.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class RestoreCommandLineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-restore-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Restore_OfAPathThatIsNotThere_Exit2_BeforeAnyKeyIsAsked_AndWritesNothing()
    {
        var missing = Path.Combine(_root, "no", "such", "backup");
        var environment = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(_root, "data"),
            ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "keys", "keyring.json"),
        };

        var result = await InProcessCommandLine.RunAsync(environment, "restore", missing);

        Assert.Equal(CommandLine.ExitUsage, result.ExitCode);
        Assert.Contains($"The backup {missing} does not exist", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }
}
