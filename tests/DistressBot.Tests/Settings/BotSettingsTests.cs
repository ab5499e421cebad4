using DistressBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Tests.Settings;

public sealed class BotSettingsTests
{
    private static readonly Func<string, string?> Home = name => name == "HOME" ? "/home/admin" : null;

    public static TheoryData<string, TimeSpan> Durations => new()
    {
        { "5m", TimeSpan.FromMinutes(5) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "2d", TimeSpan.FromDays(2) },
        { "45s", TimeSpan.FromSeconds(45) },
        { "00:15:00", TimeSpan.FromMinutes(15) },
        { "1.00:00:00", TimeSpan.FromDays(1) },
        { " 10m ", TimeSpan.FromMinutes(10) },
        { "0", TimeSpan.Zero },
        { "0m", TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Bind_DurationInTheBotsOwnFormsOrHhMmSs_IsRead(string text, TimeSpan expected)
    {
        var settings = Bind(("Checkins:ReminderLead", text));

        Assert.Equal(expected, settings.Checkins.ReminderLead);
        Assert.Empty(settings.Validate(SettingsUse.Admin));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("15")]
    [InlineData("5 minutes")]
    [InlineData("31d")]
    [InlineData("1h1h")]
    [InlineData("31.00:00:00")] // past 30 days in the hh:mm:ss form too: 10675199.00:00:00 overflowed date arithmetic later
    [InlineData("10675199.00:00:00")]
    [InlineData("-00:05:00")]
    public void Bind_ValueThatIsNotADuration_IsNamedWithItsFix_AndNeverThrown(string text)
    {
        var settings = Bind(("Checkins:ReminderLead", text), ("Escalation:RepeatEvery", "banana"));

        var errors = settings.Validate(SettingsUse.Admin);

        Assert.Equal(2, errors.Count);
        Assert.Contains("Checkins:ReminderLead", errors[0], StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_Checkins__ReminderLead", errors[0], StringComparison.Ordinal);
        Assert.Contains(SettingDuration.Forms, errors[0], StringComparison.Ordinal);
        Assert.Contains("Escalation:RepeatEvery", errors[1], StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Checkins.ReminderLead); // the default stays; nothing half-read
    }

    [Theory]
    [InlineData("Privacy:CheckinAlias", "Done", "not a command name")]
    [InlineData("Privacy:StatusAlias", "next-one", "not a command name")]
    [InlineData("Privacy:SosAlias", "", "not a command name")]
    [InlineData("Privacy:SosAlias", "help", "already a command of the bot")]
    [InlineData("Privacy:PauseAlias", "start", "already a command of the bot")]
    [InlineData("Privacy:PauseAlias", "done", "already the name of another alias")]
    public void Validate_AliasThatIsNoCommandOrShadowsOne_IsNamedWithItsFix(string key, string value, string problem)
    {
        var settings = Bind((key, value));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.StartsWith(key, error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRules_PrivacySettings_GiveTheDeploymentsWordingAndAliases()
    {
        var settings = Bind(("Privacy:CoverWording", "true"), ("Privacy:SosAlias", "refresh"));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        var rules = settings.ToRules();
        Assert.True(rules.CoverWording);
        Assert.Equal(new DistressBot.Domain.CommandAliases("done", "next", "refresh", "snooze"), rules.SubjectAliases);
        Assert.False(new BotSettings().ToRules().CoverWording);
    }

    [Fact]
    public void Bind_MisspeltSetting_IsNamed_WithTheSettingsOfItsSection()
    {
        var settings = Bind(("Checkins:ReminderLeed", "5m"));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.StartsWith("Checkins:ReminderLeed is not a setting", error, StringComparison.Ordinal);
        Assert.Contains("ReminderLead", error, StringComparison.Ordinal);
        Assert.Empty(settings.Validate(SettingsUse.Init));
    }

    [Theory]
    [InlineData("Privcy:CoverWording", "true", "Privcy", "Privacy")]
    [InlineData("Backups:Directory", "/srv/backups", "Backups", "Backup")]
    [InlineData("Escalaton:AcknowledgeTimeout", "1m", "Escalaton", "Escalation")]
    [InlineData("storag:DataDirectory", "/srv/data", "storag", "Storage")]
    public void Validate_MisspeltSection_IsRefusedByEveryCommand_NamingItAndTheClosestSection(string key, string value, string section, string closest)
    {
        var settings = Bind((key, value));

        foreach (var use in new[] { SettingsUse.Init, SettingsUse.Admin, SettingsUse.Run })
        {
            var error = Assert.Single(settings.Validate(use), e => e.StartsWith(section + " ", StringComparison.Ordinal));
            Assert.StartsWith($"{section} is not a section of the settings: did you mean {closest}?", error, StringComparison.Ordinal);
        }

        Assert.False(settings.Privacy.CoverWording); // nothing was read from the misspelt section
        Assert.Null(settings.Backup.Directory);
    }

    [Fact]
    public void Validate_HostsLoggingSectionAndTheBotsOwnPlainVariables_AreNotRefused()
    {
        var settings = Bind(("Logging:LogLevel:Default", "Warning"), ("logging:LogLevel:Microsoft", "Error"), ("PASSPHRASE", "x"), ("CONFIG", "/etc/distressbot/appsettings.json"));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        Assert.Empty(settings.Validate(SettingsUse.Init));
    }

    [Fact]
    public void Validate_ChecksOnlyTheSettingsTheCommandUses()
    {
        var settings = Bind(("Telegram:SendTimeout", "banana"), ("Health:Interval", "0"), ("Checkins:ReminderLead", "soon"));

        Assert.Empty(settings.Validate(SettingsUse.Init));
        Assert.Single(settings.Validate(SettingsUse.Admin));
        Assert.Equal(4, settings.Validate(SettingsUse.Run).Count); // the token is missing too
    }

    [Fact]
    public void MinimumIntervalAlone_LoweredToFiveSeconds_IsValid_AndTheDefaultGraceFollowsIt()
    {
        var settings = Bind(("Checkins:MinimumInterval", "5s"));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        Assert.Empty(settings.Validate(SettingsUse.Init));
        var rules = settings.ToRules();
        Assert.Equal(TimeSpan.FromSeconds(5), rules.Schedules.MinimumInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), rules.Schedules.DefaultGrace);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void DefaultGrace_SetEmpty_MeansDerived(string text)
    {
        var settings = Bind(("Checkins:MinimumInterval", "20m"), ("Checkins:DefaultGrace", text));

        Assert.Empty(settings.Validate(SettingsUse.Admin));
        Assert.Null(settings.Checkins.DefaultGrace);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.ToRules().Schedules.DefaultGrace);
    }

    public static TheoryData<TimeSpan, TimeSpan> Graces => new()
    {
        { TimeSpan.FromHours(12), TimeSpan.FromMinutes(30) },
        { TimeSpan.FromHours(1), TimeSpan.FromMinutes(30) },
        { TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10) },
        { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2) },
        { TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500) },
    };

    [Theory]
    [MemberData(nameof(Graces))]
    public void DerivedGrace_IsThirtyMinutesOrHalfTheInterval_AlwaysShorterThanIt(TimeSpan interval, TimeSpan grace)
    {
        Assert.Equal(grace, CheckinOptions.DerivedGrace(interval));
        Assert.True(CheckinOptions.DerivedGrace(interval) < interval);
    }

    [Fact]
    public void MaximumIntervalAndPause_Unset_AreSevenDays_AndReachTheRules()
    {
        var rules = Bind().ToRules();

        Assert.Equal(TimeSpan.FromDays(7), rules.Schedules.MaximumInterval);
        Assert.Equal(TimeSpan.FromDays(7), rules.Schedules.MaximumPause);
        var set = Bind(("Checkins:MaximumInterval", "2d"), ("Checkins:MaximumPause", "12h"));
        Assert.Empty(set.Validate(SettingsUse.Admin));
        Assert.Equal(TimeSpan.FromDays(2), set.ToRules().Schedules.MaximumInterval);
        Assert.Equal(TimeSpan.FromHours(12), set.ToRules().Schedules.MaximumPause);
    }

    [Theory]
    [InlineData("Checkins:MaximumInterval", "30m", "Checkins:MaximumInterval (30m) must be at least Checkins:MinimumInterval (1h)")]
    [InlineData("Checkins:MaximumPause", "0", "Checkins:MaximumPause (0s) must be positive")]
    public void MaximumIntervalOrPause_OutOfRange_IsRefused_NamingTheSetting(string key, string value, string expected)
    {
        var settings = Bind((key, value));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(settings.Validate(SettingsUse.Init));
    }

    [Fact]
    public void ExplicitGrace_NotShorterThanTheInterval_IsRefused_NamingBoth()
    {
        var settings = Bind(("Checkins:MinimumInterval", "10m"), ("Checkins:DefaultGrace", "10m"));

        var error = Assert.Single(settings.Validate(SettingsUse.Admin));

        Assert.Contains("Checkins:DefaultGrace (10m)", error, StringComparison.Ordinal);
        Assert.Contains("Checkins:MinimumInterval (10m)", error, StringComparison.Ordinal);
        Assert.Empty(settings.Validate(SettingsUse.Init));
    }

    [Fact]
    public void Locations_Unset_ComeFromHome_NotFromTheCurrentFolder()
    {
        var settings = Bind();

        Assert.Equal("/home/admin/.local/share/distressbot", settings.DataDirectory);
        Assert.Equal("/home/admin/.config/distressbot/keyring.json", settings.KeyringPath);
        Assert.DoesNotContain(Environment.CurrentDirectory, settings.DataDirectory, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?> Environments => new()
    {
        { "systemd", "/var/lib/distressbot", "/etc/distressbot/keyring.json" },
        { "xdg", "/xdg/data/distressbot", "/xdg/config/distressbot/keyring.json" },
        { "home", "/home/a/.local/share/distressbot", "/home/a/.config/distressbot/keyring.json" },
        { "relative-xdg", "/home/a/.local/share/distressbot", "/home/a/.config/distressbot/keyring.json" },
        { "nothing", null, null },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public void DefaultLocations_FollowSystemdThenXdgThenHome(string environment, string? data, string? keyring)
    {
        var variables = environment switch
        {
            "systemd" => new Dictionary<string, string> { ["STATE_DIRECTORY"] = "/var/lib/distressbot:/var/lib/other", ["CONFIGURATION_DIRECTORY"] = "/etc/distressbot", ["XDG_DATA_HOME"] = "/xdg/data", ["HOME"] = "/home/a" },
            "xdg" => new Dictionary<string, string> { ["XDG_DATA_HOME"] = "/xdg/data", ["XDG_CONFIG_HOME"] = "/xdg/config", ["HOME"] = "/home/a" },
            "home" => new Dictionary<string, string> { ["HOME"] = "/home/a" },
            "relative-xdg" => new Dictionary<string, string> { ["XDG_DATA_HOME"] = "data", ["XDG_CONFIG_HOME"] = "./config", ["HOME"] = "/home/a" },
            _ => [],
        };

        Assert.Equal(data, DefaultLocations.DataDirectory(variables.GetValueOrDefault));
        Assert.Equal(keyring, DefaultLocations.KeyringPath(variables.GetValueOrDefault));
    }

    [Fact]
    public void Locations_WithNoDefaultAvailable_AreNamedWithTheirFix()
    {
        var settings = BotSettings.Bind(new ConfigurationBuilder().Build(), _ => null);

        var errors = settings.Validate(SettingsUse.Init);

        Assert.Equal(2, errors.Count);
        Assert.Contains("DISTRESSBOT_Storage__DataDirectory", errors[0], StringComparison.Ordinal);
        Assert.Contains("DISTRESSBOT_Crypto__KeyringPath", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DataDirectory_WhoseAdminSocketPathIsLongerThan107Bytes_IsRefusedNamingTheSettingAndTheLimit()
    {
        // "/srv/" + 92 characters + "/admin.sock" is 108 bytes; one less fits exactly.
        var tooLong = "/srv/" + new string('d', 92);
        var justFits = "/srv/" + new string('d', 91);

        var refused = Bind(("Storage:DataDirectory", tooLong), ("Crypto:KeyringPath", "/etc/distressbot/keyring.json")).Validate(SettingsUse.Init);
        var accepted = Bind(("Storage:DataDirectory", justFits), ("Crypto:KeyringPath", "/etc/distressbot/keyring.json")).Validate(SettingsUse.Init);

        var error = Assert.Single(refused);
        Assert.Contains("Storage:DataDirectory", error, StringComparison.Ordinal);
        Assert.Contains("108 UTF-8 bytes", error, StringComparison.Ordinal);
        Assert.Contains("at most 107", error, StringComparison.Ordinal);
        Assert.Empty(accepted);
    }

    [Fact]
    public void DataDirectory_CountsUtf8BytesNotCharacters_ForTheSocketPathLimit()
    {
        // 46 two-byte letters: 5 + 92 + 11 = 108 bytes, though only 62 characters.
        var cyrillic = "/srv/" + new string('д', 46);

        var errors = Bind(("Storage:DataDirectory", cyrillic), ("Crypto:KeyringPath", "/etc/distressbot/keyring.json")).Validate(SettingsUse.Init);

        Assert.Contains("108 UTF-8 bytes", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_InsideTheDataDirectory_IsRefusedLikeTheKeyring_AndOutsideIsAccepted()
    {
        var inside = Bind(("Storage:DataDirectory", "/srv/distressbot"), ("Crypto:KeyringPath", "/etc/distressbot/keyring.json"), ("Crypto:KeyFile", "/srv/distressbot/key"));
        var outside = Bind(("Storage:DataDirectory", "/srv/distressbot"), ("Crypto:KeyringPath", "/etc/distressbot/keyring.json"), ("Crypto:KeyFile", "/srv/distressbot-key"));

        var error = Assert.Single(inside.Validate(SettingsUse.Init));
        Assert.Contains("Crypto:KeyFile (/srv/distressbot/key) is inside the data directory (/srv/distressbot)", error, StringComparison.Ordinal);
        Assert.Empty(outside.Validate(SettingsUse.Init));
    }

    private static BotSettings Bind(params (string Key, string Value)[] values) =>
        BotSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(), Home);
}
