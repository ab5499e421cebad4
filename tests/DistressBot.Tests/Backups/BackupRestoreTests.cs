using System.Runtime.Versioning;
using System.Text.Json;
using DistressBot.Cli;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Backups;

/// <summary>
/// `distressbot backup` and `distressbot restore` against real files (LiteDB, keyring, case keys), as the stopped command line
/// runs them: the manifest and its MAC, a restore that serves the same data, and every kind of damaged or foreign backup
/// refused before anything is written.
/// </summary>
[UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset CheckedIn = CaseChain.Opening - TimeSpan.FromHours(2);
    private readonly InitializedData _data = InitializedData.Create("backup", CaseChain.Opening);
    private BotRuntime _runtime = null!;

    public static TheoryData<string> Damages => ["flip a byte of distressbot.db", "flip a byte of the last listed file", "flip a byte of manifest.json", "flip a byte of manifest.mac", "change the manifest", "remove the last listed file", "remove manifest.mac", "add a file", "truncate distressbot.db"];

    private string BackupFolder => Path.Combine(_data.Root, "backups", "first");

    private string FreshData => Path.Combine(_data.Root, "restored", "data");

    public async Task InitializeAsync()
    {
        _runtime = await _data.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Backup_WritesEveryFileWithItsSizeAndHash_WhatItHolds_AndAMacUnderTheKeyring()
    {
        await EnrolWithOpenCaseAsync();

        var result = await BackupAsync(BackupFolder);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(BackupFolder + "\n", result.Output);
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(BackupFolder, "manifest.json"))).RootElement;
        Assert.Equal(1, manifest.GetProperty("format").GetInt32());
        Assert.Equal("distressbot-backup", manifest.GetProperty("kind").GetString());
        Assert.Equal(CaseChain.Opening, manifest.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(_runtime.Keyring.LogSigner.KeyName, manifest.GetProperty("logKey").GetString());
        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        var names = files.Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Equal("distressbot.db", names[0]); // and then every other file the data directory holds, but its log, lock and socket
        Assert.Equal(
            Directory.GetFiles(_data.Settings.DataDirectory).Select(f => Path.GetFileName(f)).Where(n => n is not ("distressbot-log.db" or "distressbot.lock" or "admin.sock")).Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var path = Path.Combine(BackupFolder, file.GetProperty("name").GetString()!);
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), file.GetProperty("sha256").GetString());
        }

        var holds = manifest.GetProperty("holds");
        Assert.Equal(1, holds.GetProperty("subjects").GetInt32());
        Assert.Equal(1, holds.GetProperty("coordinators").GetInt32());
        Assert.Equal(0, holds.GetProperty("lawyers").GetInt32());
        Assert.Equal(1, holds.GetProperty("openCases").GetInt32());
        Assert.Equal(0, holds.GetProperty("closedCases").GetInt32());
        Assert.Equal(CheckedIn, holds.GetProperty("latestCheckIn").GetDateTimeOffset());
        Assert.Equal(names.Append("manifest.json").Append("manifest.mac").Order(StringComparer.Ordinal), Directory.GetFiles(BackupFolder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        using var mac = BackupMac.For(_runtime.Keyring);
        Assert.Equal(mac.KeyringId, manifest.GetProperty("keyringId").GetString());
        Assert.True(BackupCheck.Verify(BackupFolder, mac).Verified);

        // Nothing a person wrote is in the manifest: only counts and times.
        var text = File.ReadAllText(Path.Combine(BackupFolder, "manifest.json"));
        Assert.DoesNotContain("Salek", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_IntoTheDataDirectoryOrAFolderNotEmpty_IsRefused_AndNothingIsWritten()
    {
        var inside = Path.Combine(_data.Settings.DataDirectory, "backups");
        Directory.CreateDirectory(BackupFolder);
        File.WriteAllText(Path.Combine(BackupFolder, "notes.txt"), "mine");

        var intoData = await BackupAsync(inside);
        var intoFull = await BackupAsync(BackupFolder);

        Assert.Equal(1, intoData.ExitCode);
        Assert.Contains("is inside the data directory", intoData.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(inside));
        Assert.Equal(1, intoFull.ExitCode);
        Assert.Contains("is not empty", intoFull.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(BackupFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Restore_IntoAFreshDirectory_OpensWithTheSamePeopleSchedulesAndCases()
    {
        var salek = await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);

        var restored = Restore(FreshData, force: false);

        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("1 subject(s), 1 coordinator(s), 0 lawyer(s), 1 open case(s)", restored.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("kept in", restored.Error, StringComparison.Ordinal); // nothing was there to move aside
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(FreshData));
        Assert.All(Directory.GetFiles(FreshData), f => Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(f)));
        Assert.Equal([FreshData], Directory.GetDirectories(Path.GetDirectoryName(FreshData)!)); // no staging folder left
        await using var opened = await OpenAsync(FreshData);
        var (person, @case) = await opened.Store.RunAsync(db => (db.People.Find(salek)!, db.Cases.Find("C-0001")!));
        Assert.Equal("Salek", person.Name);
        Assert.Equal(Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), person.Checkin!.Schedule);
        Assert.Equal(CheckedIn, person.Checkin.LastCheckinAt);
        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(salek, @case.SubjectId);
    }

    [Fact]
    public async Task Restore_IntoAnExistingEmptyDataDirectory_AsOnTheServer_WritesNothingOutsideIt()
    {
        // deploy/README.md step 10: the data directory made empty by root, in a parent (/var/lib) the bot's user may not write.
        var salek = await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        OwnerOnly.CreateFolder(FreshData);
        var folderBefore = Inode(FreshData);
        var parent = Path.GetDirectoryName(FreshData)!;
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        AdminResult restored;
        List<string> besideAfter;
        try
        {
            restored = Restore(FreshData, force: false);
            besideAfter = [.. Directory.EnumerateFileSystemEntries(parent)];
        }
        finally
        {
            File.SetUnixFileMode(parent, OwnerOnly.FolderMode);
        }

        Assert.True(restored.ExitCode == 0, restored.Error);
        // Running as root makes the mode above no barrier, so these hold it: nothing was staged beside, and the data directory
        // is still the very folder root made (a copy staged beside and renamed into its place would be another one).
        Assert.Equal([FreshData], besideAfter);
        Assert.Equal(folderBefore, Inode(FreshData));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(FreshData));
        Assert.All(Directory.GetFiles(FreshData), f => Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(f)));
        Assert.DoesNotContain(Directory.GetFiles(FreshData), f => f.EndsWith(RestoreCommand.StagingSuffix, StringComparison.Ordinal));
        Assert.Empty(Directory.GetDirectories(FreshData));
        await using var opened = await OpenAsync(FreshData);
        Assert.Equal("Salek", await opened.Store.RunAsync(db => db.People.Find(salek)!.Name));
    }

    [Fact]
    public async Task Restore_StoppedBetweenCopyAndRename_LeavesRunRefusing_AndASecondRestoreFinishes()
    {
        var salek = await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        OwnerOnly.CreateFolder(FreshData);
        // What a restore that stopped before its renames leaves: the files under their temporary names, the last one cut short.
        var names = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(BackupFolder, "manifest.json"))).RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        foreach (var name in names)
        {
            File.Copy(Path.Combine(BackupFolder, name), Path.Combine(FreshData, name + RestoreCommand.StagingSuffix));
        }

        File.WriteAllText(Path.Combine(FreshData, names[0] + RestoreCommand.StagingSuffix), "cut short");

        Assert.False(File.Exists(Path.Combine(FreshData, "distressbot.db")));
        Assert.Contains("holds no data", MissingData.Problem(SettingsWith(FreshData)), StringComparison.Ordinal); // what `run` refuses on

        var again = Restore(FreshData, force: false);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.DoesNotContain(Directory.GetFiles(FreshData), f => f.EndsWith(RestoreCommand.StagingSuffix, StringComparison.Ordinal));
        Assert.Null(MissingData.Problem(SettingsWith(FreshData)));
        await using var opened = await OpenAsync(FreshData);
        Assert.Equal("Salek", await opened.Store.RunAsync(db => db.People.Find(salek)!.Name));
    }

    [Fact]
    public void Restore_OfABackupThatIsNotThere_IsABadArgument_Exit2_AndWritesNothing()
    {
        var missing = Path.Combine(_data.Root, "backups", "no-such-backup");

        var refused = Restore(FreshData, force: false, missing);

        Assert.Equal(CommandLine.ExitUsage, refused.ExitCode);
        Assert.Contains($"The backup {missing} does not exist", refused.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.\n", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data.Root, "restored")));
    }

    [NotRootFact]
    public async Task Restore_WithForce_WhereTheParentIsNotWritable_Exit1_NamesTheMoveToRunAsRoot_AndWritesNothing()
    {
        await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        await using (await OpenAsync(FreshData))
        {
        }

        var parent = Path.GetDirectoryName(FreshData)!;
        var before = Directory.GetFileSystemEntries(parent, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        AdminResult refused;
        try
        {
            refused = Restore(FreshData, force: true);
        }
        finally
        {
            File.SetUnixFileMode(parent, OwnerOnly.FolderMode);
        }

        Assert.Equal(CommandLine.ExitRefused, refused.ExitCode);
        Assert.Contains($"mv {FreshData} {FreshData}.before-restore-20261102T113000Z", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"install -d -o {Environment.UserName} -m 0700 {FreshData}", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(parent, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    [NotRootFact]
    public async Task Restore_IntoAMissingDataDirectory_WhereTheParentIsNotWritable_Exit1_NotABadArgument()
    {
        await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        var parent = Path.GetDirectoryName(FreshData)!;
        OwnerOnly.CreateFolder(parent);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        AdminResult refused;
        try
        {
            refused = Restore(FreshData, force: false);
        }
        finally
        {
            File.SetUnixFileMode(parent, OwnerOnly.FolderMode);
        }

        Assert.Equal(CommandLine.ExitRefused, refused.ExitCode);
        Assert.Contains($"install -d -o {Environment.UserName} -m 0700 {FreshData}", refused.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Restore_DamagedBackup_IsRefusedNamingTheProblem_AndWritesNothing(string damage)
    {
        await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        var named = Damage(BackupFolder, damage);

        var refused = Restore(FreshData, force: false);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(named, refused.Error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.\n", refused.Error, StringComparison.Ordinal);
        Assert.Equal("", refused.Output);
        Assert.False(Directory.Exists(Path.Combine(_data.Root, "restored"))); // not even the data directory's parent
    }

    [Fact]
    public async Task Restore_BackupOfAnotherKeyring_IsRefusedAsForeign_AndWritesNothing()
    {
        using var other = InitializedData.Create("backup-foreign", CaseChain.Opening);
        await using (var foreign = await other.OpenAsync())
        {
            Assert.Equal(0, (await other.StoppedAsync(foreign, "backup", BackupFolder)).ExitCode);
        }

        var refused = Restore(FreshData, force: false);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("belongs to another keyring", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data.Root, "restored")));
    }

    [Fact]
    public async Task Restore_OverData_IsRefusedWithoutForce_AndWithForceMovesTheOldDataAside()
    {
        var salek = await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        await using (var later = await OpenAsync(FreshData))
        {
            await later.Store.RunAsync(db => db.People.Save(DomainWorld.NewPerson(db.NewId("p"), Role.Coordinator, 55, "Vera", "UTC", CaseChain.Opening)));
        }

        var before = Directory.GetFiles(FreshData).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var refused = Restore(FreshData, force: false);
        var forced = Restore(FreshData, force: true);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"The data directory {FreshData} already holds data (", refused.Error, StringComparison.Ordinal);
        Assert.Contains("distressbot.db", refused.Error, StringComparison.Ordinal);
        Assert.Contains("add --force", refused.Error, StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.Error);
        var aside = FreshData + ".before-restore-20261102T113000Z";
        Assert.Contains($"kept in {aside}", forced.Error, StringComparison.Ordinal);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(Path.Combine(aside, file.Key))));
        await using var opened = await OpenAsync(FreshData);
        var people = await opened.Store.RunAsync(db => db.People.All().Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["Nina", "Salek"], people); // the backup's people, not Vera of the data moved aside
        Assert.NotNull(salek);
    }

    [Fact]
    public async Task Restore_WhileTheDataDirectoryIsTaken_IsRefusedWithExit4_AndWritesNothing()
    {
        await EnrolWithOpenCaseAsync();
        Assert.Equal(0, (await BackupAsync(BackupFolder)).ExitCode);
        var before = Directory.GetFileSystemEntries(_data.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        // The running bot holds the data directory, as _runtime does here.
        var refused = Restore(_data.Settings.DataDirectory, force: true);

        Assert.Equal(CommandLine.ExitData, refused.ExitCode);
        Assert.Contains("stop it first", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(_data.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    // Damages the backup as named; returns what the refusal must name.
    private static string Damage(string folder, string damage)
    {
        switch (damage)
        {
            case "change the manifest":
                var manifest = Path.Combine(folder, "manifest.json");
                File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"subjects\": 1", "\"subjects\": 2", StringComparison.Ordinal));
                return "does not match its MAC";
            case "remove the last listed file":
                var last = LastListed(folder);
                File.Delete(Path.Combine(folder, last));
                return $"{last} is missing";
            case "remove manifest.mac":
                File.Delete(Path.Combine(folder, "manifest.mac"));
                return "has no manifest.mac";
            case "add a file":
                File.WriteAllText(Path.Combine(folder, "extra.db"), "x");
                return "extra.db";
            case "truncate distressbot.db":
                using (var stream = new FileStream(Path.Combine(folder, "distressbot.db"), FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2);
                }

                return "distressbot.db";
            default:
                var name = damage == "flip a byte of the last listed file" ? LastListed(folder) : damage["flip a byte of ".Length..];
                var path = Path.Combine(folder, name);
                var bytes = File.ReadAllBytes(path);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                return name is "manifest.json" or "manifest.mac" ? "manifest.json" : name;
        }
    }

    // The folder's inode number, by stat(1): .NET has no portable way to ask for it.
    private static string Inode(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return inode;
    }

    private static string LastListed(string folder) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))).RootElement.GetProperty("files").EnumerateArray().Last().GetProperty("name").GetString()!;

    private async Task<string> EnrolWithOpenCaseAsync() => await _runtime.Store.RunAsync(db =>
    {
        var nina = DomainWorld.NewPerson(db.NewId("p"), Role.Coordinator, 101, "Nina", "UTC", CaseChain.Opening);
        var salek = DomainWorld.NewPerson(db.NewId("p"), Role.Subject, 201, "Salek", "UTC", CaseChain.Opening);
        salek.Checkin = new CheckinState { Schedule = Schedule.Interval(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30)), ScheduleSetAt = CheckedIn, LastCheckinAt = CheckedIn };
        salek.CoordinatorIds.Add(nina.Id);
        nina.SubjectIds.Add(salek.Id);
        db.People.Save(nina);
        db.People.Save(salek);
        Alarms.Sos(db, salek, CaseChain.Opening, CaseChain.Opening);
        return salek.Id;
    });

    private Task<AdminResult> BackupAsync(string folder) => _data.StoppedAsync(_runtime, "backup", folder);

    private AdminResult Restore(string dataDirectory, bool force, string? backup = null)
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(_data.KeyFilePath);
        return RestoreCommand.Execute(new RestoreOptions(backup ?? BackupFolder, force), SettingsWith(dataDirectory), secret, _data.Time);
    }

    private async Task<BotRuntime> OpenAsync(string dataDirectory)
    {
        using var secret = KeyEncryptionSecret.FromKeyFile(_data.KeyFilePath);
        return await BotRuntime.OpenAsync(SettingsWith(dataDirectory), secret, NullLoggerFactory.Instance, _data.Time);
    }

    private BotSettings SettingsWith(string dataDirectory) => BotSettings.Bind(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Crypto:KeyringPath"] = _data.Settings.KeyringPath,
            ["Crypto:KeyFile"] = _data.KeyFilePath,
        }).Build(),
        _ => null);
}
