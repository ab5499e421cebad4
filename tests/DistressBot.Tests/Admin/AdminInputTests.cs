using DistressBot.Cli;
using DistressBot.Storage;
using DistressBot.Tests.Settings;

namespace DistressBot.Tests.Admin;

/// <summary>The command line, run in process as an admin runs it: bad settings and arguments are named, never crash, and leave nothing half-made.</summary>
[Collection(ProcessStateGroup.Name)]
public sealed class AdminInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-admin-").FullName;

    private string Data => Path.Combine(_root, "data");

    private string Keyring => Path.Combine(_root, "keys", "keyring.json");

    private string KeyFilePath => Path.Combine(_root, "keys", "key");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task DurationsInTheBotsOwnForms_AndAFiveSecondMinimumInterval_AreAcceptedByInitAndAdminCommands()
    {
        var env = Locations(("DISTRESSBOT_Checkins__ReminderLead", "5m"), ("DISTRESSBOT_Checkins__MinimumInterval", "5s"));

        var init = await InProcessCommandLine.RunAsync(env, "init", "--key-file", KeyFilePath);
        env["DISTRESSBOT_Crypto__KeyFile"] = KeyFilePath;
        var people = await InProcessCommandLine.RunAsync(env, "people");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.True(people.ExitCode == 0, people.Error);
        Assert.Contains("Nobody is enrolled yet", people.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("15")]
    public async Task DurationThatDoesNotRead_IsNamedWithItsFix_Exit2_NoStackTrace_NothingCreated(string value)
    {
        var run = await InProcessCommandLine.RunAsync(Locations(("DISTRESSBOT_Checkins__ReminderLead", value)), "people");

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains("Checkins:ReminderLead", run.Error, StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_Checkins__ReminderLead", run.Error, StringComparison.Ordinal);
        Assert.Contains("15m, 1h30m, 2d or 00:15:00", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task MisspeltSettingsSection_Exit2_NamingItAndTheClosestSection_NothingCreated()
    {
        var run = await InProcessCommandLine.RunAsync(Locations(("DISTRESSBOT_Privcy__CoverWording", "true")), "people");

        Assert.Equal((CommandLine.ExitUsage, ""), (run.ExitCode, run.Output));
        Assert.Contains("Privcy is not a section of the settings: did you mean Privacy?", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task Init_WithAnExistingKeyFile_SaysKeepTheKeyFile_NeverRememberThePassphrase()
    {
        OwnerOnly.CreateFolder(Path.Combine(_root, "keys"));
        DistressBot.Crypto.KeyFile.Create(KeyFilePath);

        var init = await InProcessCommandLine.RunAsync(Locations(("DISTRESSBOT_Crypto__KeyFile", KeyFilePath)), "init");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Contains("Back up the keyring and keep the key file separately from the data", init.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", init.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_WithAPassphrase_SaysRememberThePassphrase()
    {
        var init = await InProcessCommandLine.RunAsync(Locations(("DISTRESSBOT_PASSPHRASE", "a long enough passphrase")), "init");

        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Contains("Back up the keyring and remember the passphrase separately from the data", init.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("key file", init.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Checkins\": ")]
    [InlineData(null)]
    public async Task SettingsFileThatDoesNotRead_OrIsMissing_Exit2_NamingIt(string? content)
    {
        var file = Path.Combine(_root, "settings.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(file, content);
        }

        var run = await InProcessCommandLine.RunAsync(Locations(("DISTRESSBOT_CONFIG", file)), "people");

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains("settings.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_CONFIG", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_WithAShortPassphrase_Exit2_SaysTheRule_AndCreatesNothing()
    {
        var env = Locations(("DISTRESSBOT_PASSPHRASE", "eleven char"));

        var init = await InProcessCommandLine.RunAsync(env, "init");

        Assert.Equal(CommandLine.ExitUsage, init.ExitCode);
        Assert.Contains("at least 12 characters", init.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", init.Error, StringComparison.Ordinal);
        Assert.Equal("", init.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task Init_ThatFailsPartWay_RemovesWhatItMade()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "not-a-folder"), "");
        var env = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = Data,
            ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "not-a-folder", "keys", "keyring.json"),
        };

        var init = await InProcessCommandLine.RunAsync(env, "init", "--key-file", KeyFilePath);

        Assert.Equal(CommandLine.ExitUsage, init.ExitCode);
        Assert.Contains("what it had made was removed", init.Error, StringComparison.Ordinal);
        Assert.Equal(["not-a-folder"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Init_WithNoConfigFolderInHome_PutsDataAndKeyringWhereTheReadmeSays_NotInTheCurrentFolder_AndSaysSoOnStdout()
    {
        var home = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;

        var init = await InProcessCommandLine.RunInAsync(work, new Dictionary<string, string> { ["HOME"] = home }, "init", "--key-file", Path.Combine(_root, "key"));

        var keyring = Path.Combine(home, ".config", "distressbot", "keyring.json");
        var data = Path.Combine(home, ".local", "share", "distressbot");
        Assert.True(init.ExitCode == 0, init.Error);
        Assert.True(File.Exists(keyring));
        Assert.True(File.Exists(Path.Combine(data, "distressbot.db")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        Assert.Contains(keyring, init.Output, StringComparison.Ordinal);
        Assert.Contains(data, init.Output, StringComparison.Ordinal);
        Assert.Equal("", init.Error);
    }

    [Fact]
    public async Task Init_WithAKeyFileThatExists_IsRefused_AndLeavesNoDataDirectoryBehind()
    {
        var env = Locations();
        var existing = Path.Combine(_root, "existing-key");
        await File.WriteAllTextAsync(existing, "someone's only copy of a key");

        var init = await InProcessCommandLine.RunAsync(env, "init", "--key-file", existing);

        Assert.Equal(CommandLine.ExitRefused, init.ExitCode);
        Assert.Contains("already exists; nothing was changed", init.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data), "the data directory (and its lock file) made while checking must go");
        Assert.Equal("someone's only copy of a key", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Init_OnAnExistingKeyring_IsRefusedWithTheReadmesCode_AndChangesNothing()
    {
        var env = Locations();
        Assert.Equal(0, (await InProcessCommandLine.RunAsync(env, "init", "--key-file", KeyFilePath)).ExitCode);
        var before = Snapshot();

        var again = await InProcessCommandLine.RunAsync(env, "init", "--key-file", Path.Combine(_root, "other-key"));

        Assert.Equal(ReadmeTablesTests.DocumentedExitCode("refused"), again.ExitCode);
        Assert.Equal(CommandLine.ExitRefused, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal("", again.Output);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Init_WhileAnotherInitHoldsTheDataDirectory_IsRefusedAsTaken_AndRemovesNoneOfItsWork()
    {
        // The other init holds the lock and has written its keyring: the lock is what decides, before any leftover check.
        using var winner = DataDirectoryLock.Acquire(Data);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(Keyring)!);
        await File.WriteAllTextAsync(Keyring, "the winner's keyring");
        var before = Snapshot();

        var loser = await InProcessCommandLine.RunAsync(Locations(), "init", "--key-file", Path.Combine(_root, "loser-key"));

        Assert.Equal(CommandLine.ExitData, loser.ExitCode);
        Assert.Contains("another distressbot process is using", loser.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", loser.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.False(File.Exists(Path.Combine(_root, "loser-key")));
    }

    [Theory]
    [InlineData("backup", "")]
    [InlineData("backup", "{existing file}")]
    [InlineData("init", "--key-file", "")]
    [InlineData("keys", "change-passphrase", "--new-key-file", "")]
    [InlineData("keys", "change-passphrase", "--new-key-file")]
    public async Task PathArgumentThatIsEmpty_OrAFileWhereAFolderIsWanted_Exit2_WithTheReason_NoStackTrace_NothingChanged(params string[] args)
    {
        var env = Locations();
        Assert.Equal(0, (await InProcessCommandLine.RunAsync(env, "init", "--key-file", KeyFilePath)).ExitCode);
        env["DISTRESSBOT_Crypto__KeyFile"] = KeyFilePath;
        var existing = Path.Combine(_root, "existing-file");
        await File.WriteAllTextAsync(existing, "not a folder");
        var before = Snapshot();

        var run = await InProcessCommandLine.RunAsync(env, [.. args.Select(a => a.Replace("{existing file}", existing, StringComparison.Ordinal))]);

        Assert.Equal(CommandLine.ExitUsage, run.ExitCode);
        Assert.Contains(args.Contains("{existing file}") ? existing : "--help' shows how to call it.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Init_WithTheNewKeyFileInsideTheDataDirectory_Exit2_NamesIt_AndCreatesNothing()
    {
        var init = await InProcessCommandLine.RunAsync(Locations(), "init", "--key-file", Path.Combine(Data, "key"));

        Assert.Equal(CommandLine.ExitUsage, init.ExitCode);
        Assert.Contains($"The key file {Path.Combine(Data, "key")} would be inside the data directory", init.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", init.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    private Dictionary<string, string> Locations(params (string Key, string Value)[] more)
    {
        var env = new Dictionary<string, string>
        {
            ["DISTRESSBOT_Storage__DataDirectory"] = Data,
            ["DISTRESSBOT_Crypto__KeyringPath"] = Keyring,
        };
        foreach (var (key, value) in more)
        {
            env[key] = value;
        }

        return env;
    }

    private List<(string Path, long Length)> Snapshot() =>
        [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, new FileInfo(f).Length))];
}
