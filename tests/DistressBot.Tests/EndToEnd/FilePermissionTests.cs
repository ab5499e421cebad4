using System.Runtime.Versioning;
using DistressBot.Cli;
using DistressBot.Storage;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Resilience;

namespace DistressBot.Tests.EndToEnd;

/// <summary>
/// Everything the real executable creates (init, run, backup) is owner-only from birth, and folders others can open are
/// refused at start with the fix named, by init too, which changes no folder it did not create (issue 8.6). Folders that do not exist yet are nested, so the
/// parents the bot creates are checked too.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode Open755 = OwnerOnly.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private readonly string _root = Directory.CreateTempSubdirectory("distressbot-modes-").FullName;

    private string DataDirectory => Path.Combine(_root, "srv", "data");

    private string KeyringFolder => Path.Combine(_root, "etc", "distressbot");

    private string KeyringPath => Path.Combine(KeyringFolder, "keyring.json");

    private string KeyFile => Path.Combine(_root, "secret", "kek.key");

    [Fact]
    public async Task InitRunAndBackup_CreateOnlyOwnerOnlyFiles_AndFoldersOthersCanOpenAreRefusedUnchanged()
    {
        await using var telegram = await FakeBotApiServer.StartAsync(new FakeBotApiOptions());
        var environment = Environment(telegram);
        var init = await DistressbotProcess.RunAsync(environment, "init", "--key-file", KeyFile);
        Assert.True(init.ExitCode == 0, init.Error);
        AssertOwnerOnly("after init");

        using var bot = BotProcess.Start(environment);
        try
        {
            await telegram.WaitForGetUpdatesAsync(TimeSpan.FromSeconds(30));
            var invite = await AdminSocketClient.TryExecuteAsync(DataDirectory, ["invite", "coordinator", "--name", "Nina"], CancellationToken.None);
            Assert.Equal(0, invite?.ExitCode);
            var backupDirectory = Path.Combine(_root, "backups", "2026-11-30");
            var backup = await AdminSocketClient.TryExecuteAsync(DataDirectory, ["backup", backupDirectory], CancellationToken.None);
            Assert.True(backup?.ExitCode == 0, backup?.Error);

            var created = AssertOwnerOnly("while running, after a backup");
            Assert.Superset(
                new HashSet<string>(StringComparer.Ordinal)
                {
                    "srv/", "srv/data/", "srv/data/distressbot.db", "srv/data/distressbot-log.db", "srv/data/distressbot.lock",
                    "srv/data/admin.sock", "etc/", "etc/distressbot/", "etc/distressbot/keyring.json", "secret/", "secret/kek.key",
                    "backups/", "backups/2026-11-30/", "backups/2026-11-30/distressbot.db",
                    "backups/2026-11-30/manifest.json", "backups/2026-11-30/manifest.mac",
                },
                created);
        }
        finally
        {
            await bot.StopAsync(TimeSpan.FromSeconds(15));
        }

        AssertOwnerOnly("after the bot stopped");

        // Folders others can open are refused at start, with the chmod that fixes them, and nothing is changed.
        File.SetUnixFileMode(DataDirectory, Open755);
        foreach (var command in new[] { "people", "run" })
        {
            var before = Snapshot();
            var refused = await DistressbotProcess.RunAsync(environment, command);

            Assert.Equal(CommandLine.ExitData, refused.ExitCode);
            Assert.Contains($"The data directory {DataDirectory} is open to group or others (mode 0755)", refused.Error, StringComparison.Ordinal);
            Assert.Contains($"run 'chmod 700 {DataDirectory}'", refused.Error, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot());
            Assert.Equal(Open755, File.GetUnixFileMode(DataDirectory));
        }

        File.SetUnixFileMode(DataDirectory, OwnerOnly.FolderMode);
        File.SetUnixFileMode(KeyringFolder, Open755);
        var beforeKeys = Snapshot();
        var keysRefused = await DistressbotProcess.RunAsync(environment, "run");
        Assert.Equal(CommandLine.ExitKeys, keysRefused.ExitCode);
        Assert.Contains($"run 'chmod 700 {KeyringFolder}'", keysRefused.Error, StringComparison.Ordinal);
        Assert.Equal(beforeKeys, Snapshot());

        // init refuses the same folders, changes no mode and creates nothing: a data directory open to others…
        var openData = Path.Combine(_root, "open", "data");
        var newKey = Path.Combine(_root, "secret2", "kek.key");
        Directory.CreateDirectory(openData);
        File.SetUnixFileMode(openData, Open755);
        var fresh = Environment(null);
        fresh["DISTRESSBOT_Storage__DataDirectory"] = openData;
        fresh["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(_root, "open", "keys", "keyring.json");

        var initRefused = await DistressbotProcess.RunAsync(fresh, "init", "--key-file", newKey);

        Assert.Equal(CommandLine.ExitData, initRefused.ExitCode);
        Assert.Contains($"run 'chmod 700 {openData}'", initRefused.Error, StringComparison.Ordinal);
        Assert.Equal(Open755, File.GetUnixFileMode(openData));
        Assert.Empty(Directory.EnumerateFileSystemEntries(openData));
        Assert.False(Directory.Exists(Path.Combine(_root, "open", "keys")));
        Assert.False(File.Exists(newKey));

        // …and the keyring in a shared sticky folder (/tmp-like), with a data directory that does not exist yet.
        const UnixFileMode Shared1777 = UnixFileMode.StickyBit | OwnerOnly.FolderMode |
            UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var shared = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        File.SetUnixFileMode(shared, Shared1777);
        fresh["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(_root, "other", "data");
        fresh["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(shared, "keyring.json");

        var sticky = await DistressbotProcess.RunAsync(fresh, "init", "--key-file", newKey);

        Assert.Equal(CommandLine.ExitKeys, sticky.ExitCode);
        Assert.Contains($"{shared} is a shared folder", sticky.Error, StringComparison.Ordinal);
        Assert.Contains($"point the setting at one such as {Path.Combine(shared, "distressbot")}", sticky.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("chmod", sticky.Error, StringComparison.Ordinal); // never advice to close a folder others share
        Assert.Equal(Shared1777, File.GetUnixFileMode(shared));
        Assert.Empty(Directory.EnumerateFileSystemEntries(shared));
        Assert.False(Directory.Exists(Path.Combine(_root, "other")));
        Assert.False(File.Exists(newKey));
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, string> Environment(FakeBotApiServer? telegram) => new()
    {
        ["DISTRESSBOT_Telegram__BotToken"] = telegram?.Token ?? "123456:NOT-USED",
        ["DISTRESSBOT_Telegram__ApiBaseUrl"] = telegram?.BaseUrl.ToString() ?? "http://127.0.0.1:9",
        ["DISTRESSBOT_Telegram__PollTimeout"] = "00:00:01",
        ["DISTRESSBOT_Storage__DataDirectory"] = DataDirectory,
        ["DISTRESSBOT_Crypto__KeyringPath"] = KeyringPath,
        ["DISTRESSBOT_Crypto__KeyFile"] = KeyFile,
    };

    // Every entry under the root: folders exactly 0700, files exactly 0600 (the admin socket: nothing for group or others).
    private HashSet<string> AssertOwnerOnly(string when)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(_root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_root, entry.FullName) + (entry is DirectoryInfo ? "/" : "");
            seen.Add(relative);
            var mode = entry.UnixFileMode;
            if (entry.Name == "admin.sock")
            {
                Assert.True((mode & ~OwnerOnly.FolderMode) == 0, $"{when}: {relative} is {OwnerOnly.Octal(mode)}");
            }
            else
            {
                Assert.True(mode == (entry is DirectoryInfo ? OwnerOnly.FolderMode : OwnerOnly.FileMode), $"{when}: {relative} is {OwnerOnly.Octal(mode)}");
            }
        }

        return seen;
    }

    private string Snapshot() => string.Join(
        "\n",
        new DirectoryInfo(_root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(e => $"{Path.GetRelativePath(_root, e.FullName)} {OwnerOnly.Octal(e.UnixFileMode)} {(e is FileInfo f ? f.Length : 0)} {e.LastWriteTimeUtc:O}")
            .Order(StringComparer.Ordinal));
}
