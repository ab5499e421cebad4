using DistressBot.Evidence;

namespace DistressBot.Tests.Admin;

/// <summary>`init` prints the new log key's verifier key for the lawyers, and the stopped command line's `keys log-key` and `keys status` print the same key.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class InitLogKeyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-init-logkey-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Init_PrintsTheLogVerifierKeyForTheLawyers_AndKeysLogKeyPrintsThatLineAlone()
    {
        var keyFile = Path.Combine(_root, "keys", "key");
        var env = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(_root, "data"),
            ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "keys", "keyring.json"),
        };

        var init = await InProcessCommandLine.RunAsync(env, "init", "--key-file", keyFile);
        env["DISTRESSBOT_Crypto__KeyFile"] = keyFile;
        var logKey = await InProcessCommandLine.RunAsync(env, "keys", "log-key");
        var status = await InProcessCommandLine.RunAsync(env, "keys", "status");

        Assert.True(init.ExitCode == 0, init.Error);
        var lines = init.Output.Split('\n');
        var verifierKey = Assert.Single(lines, line => line.StartsWith(LogKeyName.Prefix, StringComparison.Ordinal));
        Assert.Equal(LogKeyName.Prefix, NoteVerifier.Parse(verifierKey).KeyName[..LogKeyName.Prefix.Length]);
        Assert.Contains(lines, line => line.StartsWith("Give it to the network's lawyers so they can pin it", StringComparison.Ordinal));
        Assert.Equal((0, verifierKey + "\n", ""), logKey);
        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains("\nlog key: " + verifierKey + "\n", status.Output, StringComparison.Ordinal);
    }
}
