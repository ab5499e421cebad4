using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DistressBot.Crypto;
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
        Assert.DoesNotContain(files, f => f.EndsWith("case-keys.json", StringComparison.Ordinal)); // the case keys are records in the data file
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
    public async Task Start_WithAWrongSecret_OrWhileAnotherProcessHoldsTheData_FailsCleanly_AndWritesNothing()
    {
        var root = Directory.CreateTempSubdirectory("distressbot-keys-").FullName;
        try
        {
            // A key-file keyring: a wrong key file, a passphrase, or no bot token fail at start and write nothing.
            var keys = Path.Combine(root, "k");
            var baseEnv = new Dictionary<string, string>
            {
                ["DISTRESSBOT_Telegram__BotToken"] = "123456:NOT-USED",
                ["DISTRESSBOT_Telegram__ApiBaseUrl"] = "http://127.0.0.1:9",
                ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(keys, "data"),
                ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(keys, "keys", "keyring.json"),
            };
            var init = await DistressbotProcess.RunAsync(baseEnv, "init", "--key-file", Path.Combine(keys, "keys", "key"));
            Assert.True(init.ExitCode == 0, init.Error);
            KeyFile.Create(Path.Combine(keys, "wrong-key"));
            var snapshot = Snapshot(keys);

            var wrongKey = await DistressbotProcess.RunAsync(
                new Dictionary<string, string>(baseEnv) { ["DISTRESSBOT_Crypto__KeyFile"] = Path.Combine(keys, "wrong-key") }, "run");
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

            Assert.Equal(snapshot, Snapshot(keys));

            // A passphrase keyring opens only with its passphrase.
            var pass = Path.Combine(root, "p");
            var env = new Dictionary<string, string>
            {
                ["DISTRESSBOT_Storage__DataDirectory"] = Path.Combine(pass, "data"),
                ["DISTRESSBOT_Crypto__KeyringPath"] = Path.Combine(pass, "keys", "keyring.json"),
                ["DISTRESSBOT_PASSPHRASE"] = "a long passphrase for the test",
            };
            Assert.Equal(0, (await DistressbotProcess.RunAsync(env, "init")).ExitCode);
            var good = await DistressbotProcess.RunAsync(env, "invite", "coordinator", "--name", "Nina");
            Assert.Equal(0, good.ExitCode);
            Assert.Matches("^[0-9A-Z]{20}\n$", good.Output);
            var after = Snapshot(pass);

            var bad = await DistressbotProcess.RunAsync(new Dictionary<string, string>(env) { ["DISTRESSBOT_PASSPHRASE"] = "a wrong passphrase for the test" }, "people");

            Assert.Equal(Cli.CommandLine.ExitKeys, bad.ExitCode);
            Assert.Contains("could not be opened with this passphrase", bad.Error, StringComparison.Ordinal);
            Assert.Equal("", bad.Output);
            Assert.Equal(after, Snapshot(pass));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        // A second process on the data directory of a running bot is refused; the bot goes on serving.
        await using var s = await Scenario.StartAsync();
        var settings = BotSettings.Bind(s.Sandbox.Configuration);
        using (var secret = KeyEncryptionSecret.FromKeyFile(settings.Crypto.KeyFile!))
        {
            await Assert.ThrowsAsync<DataDirectoryLockedException>(() => BotRuntime.OpenAsync(settings, secret, NullLoggerFactory.Instance, s.Time));
        }

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
