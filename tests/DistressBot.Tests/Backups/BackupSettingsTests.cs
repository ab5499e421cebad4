using DistressBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Backups;

/// <summary>The Backup section is checked when the bot starts: each bad value named with its fix; off and valid by default.</summary>
public sealed class BackupSettingsTests
{
    private const string Data = "/var/lib/distressbot";

    [Theory]
    [InlineData("Backup:Directory", "backups", "Backup:Directory (backups) must be an absolute path")]
    [InlineData("Backup:Directory", "/var/lib/distressbot/backups", "Backup:Directory (/var/lib/distressbot/backups) is inside the data directory")]
    [InlineData("Backup:Directory", "/var/lib/distressbot", "is inside the data directory")]
    [InlineData("Backup:Directory", "/etc/distressbot", "Backup:Directory (/etc/distressbot) is the keyring's folder or shares it (/etc/distressbot, Crypto:KeyringPath)")]
    [InlineData("Backup:Directory", "/etc/distressbot/", "Backup:Directory (/etc/distressbot) is the keyring's folder")]
    [InlineData("Backup:Directory", "/etc/distressbot/backups", "Backup:Directory (/etc/distressbot/backups) is the keyring's folder or shares it")]
    [InlineData("Backup:Directory", "/etc", "Backup:Directory (/etc) is the keyring's folder or shares it")]
    [InlineData("Backup:Every", "15", "Backup:Every is \"15\", which is not a duration")]
    [InlineData("Backup:Every", "30s", "Backup:Every (30s) must be at least 1m")]
    [InlineData("Backup:Keep", "0", "Backup:Keep (0) must be 1 to 1000")]
    [InlineData("Backup:Keepp", "3", "Backup:Keepp is not a setting")]
    public void Run_BadBackupSetting_IsNamedWithItsFix(string key, string value, string expected)
    {
        var errors = Settings((key, value)).Validate(SettingsUse.Run);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/var/backups/distressbot")]
    [InlineData("/etc/distressbot-backups")]
    public void Run_BackupFolderApartFromTheKeyringAndTheData_IsAccepted(string folder)
    {
        Assert.Empty(Settings(("Backup:Directory", folder)).Validate(SettingsUse.Run));
    }

    [Fact]
    public void Run_BackupFolderThatIsALinkToTheKeyringsFolderOrTheData_IsRefusedAsTheFolderItself()
    {
        var root = Directory.CreateTempSubdirectory("distressbot-links-").FullName;
        try
        {
            var keys = Directory.CreateDirectory(Path.Combine(root, "keys")).FullName;
            var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
            var toKeys = Path.Combine(root, "keyslink");
            var toData = Path.Combine(root, "datalink");
            Directory.CreateSymbolicLink(toKeys, keys);
            Directory.CreateSymbolicLink(toData, data);

            var viaKeys = LinkedSettings(data, Path.Combine(keys, "keyring.json"), toKeys).Validate(SettingsUse.Run);
            var viaData = LinkedSettings(data, Path.Combine(keys, "keyring.json"), Path.Combine(toData, "backups")).Validate(SettingsUse.Run);
            var keyringViaLink = LinkedSettings(data, Path.Combine(toKeys, "keyring.json"), keys).Validate(SettingsUse.Run);
            var apart = LinkedSettings(data, Path.Combine(keys, "keyring.json"), Path.Combine(root, "backups")).Validate(SettingsUse.Run);

            Assert.Contains(viaKeys, e => e.Contains("is the keyring's folder or shares it", StringComparison.Ordinal));
            Assert.Contains(viaData, e => e.Contains("is inside the data directory", StringComparison.Ordinal));
            Assert.Contains(keyringViaLink, e => e.Contains("is the keyring's folder or shares it", StringComparison.Ordinal));
            Assert.Empty(apart);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Defaults_AreOff_Daily_Seven_AndValid()
    {
        var settings = Settings();

        Assert.Null(settings.Backup.DirectoryPath);
        Assert.Equal(TimeSpan.FromDays(1), settings.Backup.Every);
        Assert.Equal(7, settings.Backup.Keep);
        Assert.Empty(settings.Validate(SettingsUse.Run));
    }

    [Fact]
    public void AdminCommands_DoNotCheckTheBackupSection()
    {
        Assert.Empty(Settings(("Backup:Directory", "relative")).Validate(SettingsUse.Admin));
    }

    private static BotSettings LinkedSettings(string data, string keyring, string backups) => BotSettings.Bind(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Crypto:KeyringPath"] = keyring,
            ["Telegram:BotToken"] = "123456:ABC",
            ["Backup:Directory"] = backups,
        }).Build(),
        _ => null);

    private static BotSettings Settings(params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Data,
            ["Crypto:KeyringPath"] = "/etc/distressbot/keyring.json",
            ["Telegram:BotToken"] = "123456:ABC",
        };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        return BotSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(all).Build(), _ => null);
    }
}
