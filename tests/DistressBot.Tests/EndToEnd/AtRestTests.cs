using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DistressBot.Crypto;
using DistressBot.Domain;
using DistressBot.Hosting;
using DistressBot.Storage;
using DistressBot.Telegram.FakeApi;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.EndToEnd;

public sealed class AtRestTests
{
    private static readonly FakeUser Coordinator = new(876_543_210_987, "Zhenechka", "ru");
    private static readonly FakeUser Subject = new(987_654_321_012, "Murad", "ru");

    [Fact]
    public async Task FullScenario_LeavesNoMarkerInDataLogCaseKeysOrBackup()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Checkins:ReminderLead"] = "00:20:00" });
        var coordinatorCode = (await s.AdminAsync("invite", "coordinator", "--name", "Qorxmazova")).Output.Trim();
        await s.SayAsync(Coordinator, "/start " + coordinatorCode, "координатор");
        var subjectCode = Scenario.CodeIn(await s.SayAsync(Coordinator, "/invite Xalqizbek", "/start "));
        await s.SayAsync(Subject, "/start " + subjectCode, "Вы подключены");
        await s.SayAsync(Subject, "/timezone Asia/Tbilisi", "Tbilisi");
        await s.SayAsync(Subject, "/schedule daily 07:35 19:35 grace 35m", "Расписание");
        s.Advance(TimeSpan.FromHours(9));
        await s.ExpectAsync(Coordinator, "не отметился"); // a case is opened and sealed under its own key
        await s.SayAsync(Subject, "/checkin", "Отметка принята");
        s.Telegram.EnqueueLocation(Subject.Id, 43.3179, 45.6981);
        await s.SettleAsync();
        var backup = Path.Combine(s.Sandbox.Root, "backup");
        Assert.Equal(0, (await s.AdminAsync("backup", backup)).ExitCode);
        await s.Sandbox.StopBotAsync();

        var markers = new[]
        {
            "Qorxmazova", "Xalqizbek", "Zhenechka", "Murad", "Asia/Tbilisi", "07:35", "daily", "43.3179", "45.6981",
            Coordinator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            coordinatorCode, subjectCode,
        };
        var files = Directory.GetFiles(s.Sandbox.DataDirectory, "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(backup)).ToList();
        Assert.Contains(files, f => f.EndsWith("distressbot.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("case-keys.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith(backup, StringComparison.Ordinal) && f.EndsWith("distressbot.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var marker in markers)
            {
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(marker)), $"{marker} (UTF-8) found in {file}");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(marker)), $"{marker} (UTF-16) found in {file}");
            }

            foreach (var id in new[] { Coordinator.Id, Subject.Id })
            {
                var raw = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(raw, id);
                Assert.False(Contains(bytes, raw), $"Telegram id {id} (int64) found in {file}");
            }
        }
    }

    [Fact]
    public async Task PurgedCase_IsUnreadableEvenFromAnOldCopyOfItsRecord()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Checkins:ReminderLead"] = "00:00:00" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");
        s.Advance(TimeSpan.FromMinutes(151));
        await s.ExpectAsync(Scenario.Nina, "C-0001");
        await s.SettleAsync();
        var old = await s.Sandbox.Runtime.Records.ExecuteAsync(session => session.Find(Collections.Cases, "C-0001"));
        Assert.NotNull(old);
        var address = new RecordAddress(Collections.Cases, "C-0001", Collections.DataField);
        Assert.NotEmpty(s.Sandbox.Runtime.Keyring.Cipher.Open(old.Blob, address));

        var refused = await s.AdminAsync("cases", "purge", "C-0001");
        var purged = await s.AdminAsync("cases", "purge", "C-0001", "--yes");
        var again = await s.AdminAsync("cases", "purge", "C-0001", "--yes");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, purged.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Throws<RecordIntegrityException>(() => s.Sandbox.Runtime.Keyring.Cipher.Open(old.Blob, address));
        Assert.Null(await s.Sandbox.Runtime.Records.ExecuteAsync(session => session.Find(Collections.Cases, "C-0001")));

        // The subject is free of the purged case: the next miss opens a new one.
        await s.SayAsync(Scenario.Salek, "/checkin", "Отметка принята");
        s.Advance(TimeSpan.FromMinutes(151));
        await s.ExpectAsync(Scenario.Nina, "C-0002");
    }

    [Fact]
    public async Task Rotation_InterruptedHalfWay_IsResumedAtStartAndEverythingStaysReadable()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Timur, "Timur");
        await s.SayAsync(Scenario.Salek, "/schedule every 12h grace 30m", "Расписание");
        await s.SettleAsync();
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        await s.Sandbox.StopBotAsync();

        // A rotation that "crashes" after re-sealing two records: the rest are still under the old key.
        using (var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!))
        {
            await using var runtime = await BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, s.Time);
            runtime.Keyring.Rotate();
            var fields = Collections.All.Select(c => (c, Collections.DataField)).ToList();
            Assert.Equal(2, await runtime.Records.ExecuteAsync(session => RecordReencryptor.Reencrypt(session, runtime.Keyring.Cipher, fields, 2)));
        }

        await s.Sandbox.StartBotAsync();

        // The pass at start may be over already or still running: ask for one more and wait for the first full pass that ends after.
        var reencryption = s.Sandbox.Get<ReencryptionService>();
        var passed = reencryption.PassCompleted.NextAsync();
        reencryption.Wake.Notify();
        await passed.WaitAsync(TimeSpan.FromSeconds(10));

        var status = await s.AdminAsync("keys", "status");
        Assert.Contains("current data key: k2", status.Output, StringComparison.Ordinal);
        Assert.Contains("records under older keys: 0", status.Output, StringComparison.Ordinal);
        Assert.Contains("раз в 12 ч", await s.SayAsync(Scenario.Salek, "/status", "Расписание"), StringComparison.Ordinal);
        var overview = await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
        Assert.Contains("Timur", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateNow_ThroughTheRunningBot_LeavesNothingUnderOldKey()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        var rotated = await s.AdminAsync("keys", "rotate", "--now");

        Assert.Equal("k2\n", rotated.Output);
        Assert.Contains("records under older keys: 0", (await s.AdminAsync("keys", "status")).Output, StringComparison.Ordinal);
        Assert.Contains("Salek", await s.SayAsync(Scenario.Nina, "/subjects", "Your people"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassphrase_ToNewKeyFile_OldKeyFileNoLongerOpens()
    {
        await using var s = await Scenario.StartAsync();
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        var newKey = Path.Combine(s.Sandbox.Root, "keys", "new-key");
        KeyFile.Create(newKey);
        var before = await File.ReadAllBytesAsync(settings.KeyringPath);

        var changed = await Cli.AdminSocketClient.TryExecuteAsync(
            s.Sandbox.DataDirectory, ["keys", "change-passphrase"], CancellationToken.None, new Dictionary<string, string> { [Cli.KeyCommands.NewKeyFile] = newKey });

        Assert.Equal(0, changed!.ExitCode);
        Assert.NotEqual(before, await File.ReadAllBytesAsync(settings.KeyringPath));
        using (var oldSecret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!))
        {
            Assert.Throws<KeyringException>(() => Keyring.Open(settings.KeyringPath, oldSecret));
        }

        using var newSecret = KeyEncryptionSecret.FromKeyFile(newKey);
        using var reopened = Keyring.Open(settings.KeyringPath, newSecret);
        Assert.Equal("k1", reopened.CurrentKeyId);
    }

    [Fact]
    public async Task SecondProcess_OnTheSameDataDirectory_IsRefused()
    {
        await using var s = await Scenario.StartAsync();
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        using var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!);

        await Assert.ThrowsAsync<DataDirectoryLockedException>(() => BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, s.Time));

        var run = await DistressbotProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["DISTRESSBOT_Telegram__BotToken"] = s.Telegram.Token,
                ["DISTRESSBOT_Telegram__ApiBaseUrl"] = s.Telegram.BaseUrl.ToString(),
                ["DISTRESSBOT_Storage__DataDirectory"] = settings.DataDirectory,
                ["DISTRESSBOT_Crypto__KeyringPath"] = settings.KeyringPath,
                ["DISTRESSBOT_Crypto__KeyFile"] = settings.Crypto.KeyFile!,
            },
            "run");
        Assert.Equal(Cli.CommandLine.ExitData, run.ExitCode);
        Assert.Contains("another distressbot process", run.Error, StringComparison.Ordinal);
        Assert.Contains("Salek", await EnrolAndListAsync(s), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKeyFile_AndWrongPassphrase_FailCleanlyAtStart_NothingWritten()
    {
        var root = Directory.CreateTempSubdirectory("distressbot-keys-").FullName;
        try
        {
            var baseEnv = new Dictionary<string, string>
            {
                ["DISTRESSBOT_Telegram__BotToken"] = "123456:NOT-USED",
                ["DISTRESSBOT_Telegram__ApiBaseUrl"] = "http://127.0.0.1:9",
                ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(root, "data"),
                ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(root, "keys", "keyring.json"),
            };
            var init = await DistressbotProcess.RunAsync(baseEnv, "init", "--key-file", Path.Combine(root, "keys", "key"));
            Assert.True(init.ExitCode == 0, init.Error);
            KeyFile.Create(Path.Combine(root, "wrong-key"));
            var snapshot = Snapshot(root);

            var wrongKey = await DistressbotProcess.RunAsync(
                new Dictionary<string, string>(baseEnv) { ["DISTRESSBOT_Crypto__KeyFile"] = Path.Combine(root, "wrong-key") }, "run");
            Assert.Equal(Cli.CommandLine.ExitKeys, wrongKey.ExitCode);
            Assert.Contains("could not be opened with this key file", wrongKey.Error, StringComparison.Ordinal);

            var passphrase = await DistressbotProcess.RunAsync(
                new Dictionary<string, string>(baseEnv) { ["DISTRESSBOT_PASSPHRASE"] = "correct horse battery staple" }, "people");
            Assert.Equal(Cli.CommandLine.ExitKeys, passphrase.ExitCode);
            Assert.Contains("was made with a key file", passphrase.Error, StringComparison.Ordinal);

            var missing = await DistressbotProcess.RunAsync(
                new Dictionary<string, string>(baseEnv) { ["DISTRESSBOT_Telegram__BotToken"] = "" }, "run");
            Assert.Equal(Cli.CommandLine.ExitUsage, missing.ExitCode);
            Assert.Contains("DISTRESSBOT_Telegram__BotToken", missing.Error, StringComparison.Ordinal);

            Assert.Equal(snapshot, Snapshot(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task PassphraseKeyring_OpensOnlyWithItsPassphrase()
    {
        var root = Directory.CreateTempSubdirectory("distressbot-pass-").FullName;
        try
        {
            var env = new Dictionary<string, string>
            {
                ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(root, "data"),
                ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(root, "keys", "keyring.json"),
                ["DISTRESSBOT_PASSPHRASE"] = "a long passphrase for the test",
            };
            Assert.Equal(0, (await DistressbotProcess.RunAsync(env, "init")).ExitCode);
            var snapshot = Snapshot(root);

            var good = await DistressbotProcess.RunAsync(env, "invite", "coordinator", "--name", "Nina");
            var bad = await DistressbotProcess.RunAsync(new Dictionary<string, string>(env) { ["DISTRESSBOT_PASSPHRASE"] = "a wrong passphrase for the test" }, "people");

            Assert.Equal(0, good.ExitCode);
            Assert.Matches("^[0-9A-Z]{20}\n$", good.Output);
            Assert.Equal(Cli.CommandLine.ExitKeys, bad.ExitCode);
            Assert.Contains("could not be opened with this passphrase", bad.Error, StringComparison.Ordinal);
            Assert.Equal("", bad.Output);
            Assert.NotEqual(snapshot, Snapshot(root)); // the good invite wrote; the bad attempt is checked by the next line
            var after = Snapshot(root);
            await DistressbotProcess.RunAsync(new Dictionary<string, string>(env) { ["DISTRESSBOT_PASSPHRASE"] = "a wrong passphrase for the test" }, "people");
            Assert.Equal(after, Snapshot(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> EnrolAndListAsync(Scenario s)
    {
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");
        return await s.SayAsync(Scenario.Nina, "/subjects", "Your people");
    }

    private static string Snapshot(string root) =>
        string.Join('\n', Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => f + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
