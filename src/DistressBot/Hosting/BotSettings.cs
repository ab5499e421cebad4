using System.ComponentModel.DataAnnotations;
using System.Text;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Telegram;
using Microsoft.Extensions.Configuration;
using Quickenshtein;

namespace DistressBot.Hosting;

/// <summary>Which command the settings are checked for: each checks only the settings it uses.</summary>
public enum SettingsUse
{
    /// <summary>`init`: where the data and the keyring go.</summary>
    Init,

    /// <summary>The admin commands: the locations and the domain rules (check-ins, escalation, language, invites).</summary>
    Admin,

    /// <summary>`run`: everything, Telegram and health included.</summary>
    Run,
}

/// <summary>All settings, bound from appsettings.json, DISTRESSBOT_* environment variables and the command line, then checked.</summary>
public sealed class BotSettings
{
    private static readonly string[] LocationSections = ["Storage", "Crypto"];
    private static readonly string[] RuleSections = ["Storage", "Crypto", "Checkins", "Bot", "Escalation", "Privacy", "Evidence", "Retention"];

    // Sections the host itself reads from the same configuration (appsettings.json holds "Logging").
    private static readonly string[] HostSections = ["Logging"];
    private readonly List<(string Section, string Error)> _bindErrors = [];
    private readonly List<string> _unknownSections = [];

    /// <summary>Section "Telegram".</summary>
    public TelegramOptions Telegram { get; init; } = new();

    /// <summary>Section "Storage".</summary>
    public StorageOptions Storage { get; init; } = new();

    /// <summary>Section "Crypto".</summary>
    public CryptoOptions Crypto { get; init; } = new();

    /// <summary>Section "Checkins".</summary>
    public CheckinOptions Checkins { get; init; } = new();

    /// <summary>Section "Bot".</summary>
    public BotOptions Bot { get; init; } = new();

    /// <summary>Section "Health".</summary>
    public HealthOptions Health { get; init; } = new();

    /// <summary>Section "Escalation".</summary>
    public EscalationOptions Escalation { get; init; } = new();

    /// <summary>Section "Privacy".</summary>
    public PrivacyOptions Privacy { get; init; } = new();

    /// <summary>Section "Evidence".</summary>
    public EvidenceOptions Evidence { get; init; } = new();

    /// <summary>Section "Retention".</summary>
    public RetentionOptions Retention { get; init; } = new();

    /// <summary>Section "Telemetry".</summary>
    public TelemetryOptions Telemetry { get; init; } = new();

    /// <summary>Section "Backup".</summary>
    public BackupScheduleOptions Backup { get; init; } = new();

    /// <summary>The data directory, absolute (Storage:DataDirectory, or <see cref="DefaultLocations.DataDirectory"/>); empty when neither gives one.</summary>
    public string DataDirectory => string.IsNullOrWhiteSpace(Storage.DataDirectory) ? "" : Path.GetFullPath(Storage.DataDirectory);

    /// <summary>The keyring file, absolute (Crypto:KeyringPath, or <see cref="DefaultLocations.KeyringPath"/>); empty when neither gives one.</summary>
    public string KeyringPath => string.IsNullOrWhiteSpace(Crypto.KeyringPath) ? "" : Path.GetFullPath(Crypto.KeyringPath);

    /// <summary>Where earlier versions kept case keys (inside the data directory); imported into the data file at start and removed.</summary>
    public string CaseKeysPath => Path.Combine(DataDirectory, "case-keys.json");

    /// <summary>Binds every section of <paramref name="configuration"/>, with the default locations of this process's environment.</summary>
    public static BotSettings Bind(IConfiguration configuration) => Bind(configuration, Environment.GetEnvironmentVariable);

    /// <summary>Binds every section of <paramref name="configuration"/>; values that do not read are kept for <see cref="Validate(SettingsUse)"/>, never thrown.</summary>
    /// <param name="configuration">The settings.</param>
    /// <param name="environment">Reads the variables the default locations come from.</param>
    public static BotSettings Bind(IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new BotSettings();
        foreach (var (name, section) in settings.Sections())
        {
            settings.BindSection(configuration, name, section);
        }

        settings.FindUnknownSections(configuration);

        if (string.IsNullOrWhiteSpace(settings.Storage.DataDirectory))
        {
            settings.Storage.DataDirectory = DefaultLocations.DataDirectory(environment) ?? "";
        }

        if (string.IsNullOrWhiteSpace(settings.Crypto.KeyringPath))
        {
            settings.Crypto.KeyringPath = DefaultLocations.KeyringPath(environment);
        }

        return settings;
    }

    /// <summary>Every problem with the settings a run of the bot uses (<paramref name="needTelegram"/>) or an admin command uses.</summary>
    public IReadOnlyList<string> Validate(bool needTelegram) => Validate(needTelegram ? SettingsUse.Run : SettingsUse.Admin);

    /// <summary>Every problem with the settings <paramref name="use"/> needs, each naming the setting and how to fix it; empty when all is well.</summary>
    public IReadOnlyList<string> Validate(SettingsUse use)
    {
        var sections = use switch
        {
            SettingsUse.Init => LocationSections,
            SettingsUse.Admin => RuleSections,
            _ => null,
        };
        var errors = _unknownSections.Concat(_bindErrors.Where(e => sections is null || sections.Contains(e.Section)).Select(e => e.Error)).ToList();
        Locations(errors);
        if (use != SettingsUse.Init)
        {
            Rules(errors);
        }

        if (use == SettingsUse.Run)
        {
            Connection(errors);
            Backup.Validate(errors, DataDirectory, KeyringPath);
        }

        return errors;
    }

    /// <summary>The domain rules these settings give (call after <see cref="Validate(SettingsUse)"/> found nothing).</summary>
    public BotRules ToRules()
    {
        if (!LanguagePicker.TryParse(Bot.DefaultLanguage, out var language) || !TimeZones.TryFind(Bot.DefaultTimeZone, out var zone))
        {
            throw new InvalidOperationException("Settings must be validated before use.");
        }

        return new BotRules(
            language,
            zone.Id,
            Bot.InviteLifetime,
            new ScheduleRules(Checkins.MinimumInterval, Checkins.EffectiveDefaultGrace, Checkins.MaximumInterval, Checkins.MaximumPause),
            Checkins.ReminderLead,
            new EscalationPolicy(Escalation.AcknowledgeTimeout, Escalation.RepeatEvery, Escalation.AcknowledgedReminder),
            Privacy.CoverWording,
            Aliases())
        {
            PinAttempts = Checkins.PinAttempts,
            PinWindow = Checkins.PinWindow,
            Cleaning = new ChatCleaning(Privacy.DeleteSubjectMessages, Privacy.DeleteBotMessagesAfter),
        };
    }

    /// <summary>The subjects' neutral command names as set.</summary>
    public CommandAliases Aliases() => new(Privacy.CheckinAlias, Privacy.StatusAlias, Privacy.SosAlias, Privacy.PauseAlias);

    private (string Name, object Section)[] Sections() =>
    [
        ("Telegram", Telegram), ("Storage", Storage), ("Crypto", Crypto), ("Checkins", Checkins),
        ("Bot", Bot), ("Escalation", Escalation), ("Health", Health), ("Privacy", Privacy),
        ("Evidence", Evidence), ("Retention", Retention), ("Telemetry", Telemetry), ("Backup", Backup),
    ];

    // Durations are read by our own parser (the bot's "5m" forms too) and handed to the binder in .NET's form;
    // a value that does not read is reported with its fix and leaves the default in place.
    private void BindSection(IConfiguration configuration, string name, object section)
    {
        var rewritten = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in section.GetType().GetProperties().Where(p => p.PropertyType == typeof(TimeSpan) || p.PropertyType == typeof(TimeSpan?)))
        {
            var key = name + ":" + property.Name;
            if (configuration[key] is not { } text)
            {
                continue;
            }

            if (property.PropertyType == typeof(TimeSpan?) && string.IsNullOrWhiteSpace(text))
            {
                rewritten[key] = "";
            }
            else if (SettingDuration.TryParse(text, out var value))
            {
                rewritten[key] = value.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                _bindErrors.Add((name, SettingDuration.Problem(key, text)));
                rewritten[key] = property.GetValue(section) is TimeSpan current ? current.ToString("c", System.Globalization.CultureInfo.InvariantCulture) : "";
            }
        }

        // A misspelt setting (DISTRESSBOT_Checkins__ReminderLeed) would otherwise be ignored without a word.
        var known = section.GetType().GetProperties().Where(p => p.CanWrite).Select(p => p.Name).ToList();
        foreach (var child in configuration.GetSection(name).GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            _bindErrors.Add((name, $"{name}:{child.Key} is not a setting: the settings of {name} are {string.Join(", ", known)} (see the README's settings table)."));
        }

        var source = rewritten.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(rewritten).Build();
        try
        {
            source.GetSection(name).Bind(section);
        }
        catch (InvalidOperationException ex)
        {
            _bindErrors.Add((name, $"The section {name} does not read: {ex.Message}"));
        }
    }

    // A misspelt section (DISTRESSBOT_Privcy__CoverWording) would otherwise leave all its settings at their defaults without a word,
    // whichever command runs. Only sections count: a plain top-level value is one of the bot's own variables (DISTRESSBOT_PASSPHRASE).
    private void FindUnknownSections(IConfiguration configuration)
    {
        var known = Sections().Select(s => s.Name).Concat(HostSections).ToList();
        foreach (var child in configuration.GetChildren().Where(c => c.GetChildren().Any() && !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            var closest = known.MinBy(k => Levenshtein.GetDistance(child.Key.ToUpperInvariant(), k.ToUpperInvariant()))!;
            _unknownSections.Add($"{child.Key} is not a section of the settings: did you mean {closest}? The sections are {string.Join(", ", known)} " +
                $"(e.g. DISTRESSBOT_{closest}__{child.GetChildren().First().Key}; see the README's settings table).");
        }
    }

    private void Locations(List<string> errors)
    {
        Annotations(Storage, errors);
        if (string.IsNullOrWhiteSpace(Storage.DataDirectory))
        {
            errors.Add("Storage:DataDirectory is not set and has no default here (none of $STATE_DIRECTORY, $XDG_DATA_HOME, $HOME is an absolute path): " +
                "set DISTRESSBOT_Storage__DataDirectory to a directory the bot may own, e.g. /var/lib/distressbot.");
        }

        if (string.IsNullOrWhiteSpace(Crypto.KeyringPath))
        {
            errors.Add("Crypto:KeyringPath is not set and has no default here (none of $CONFIGURATION_DIRECTORY, $XDG_CONFIG_HOME, $HOME is an absolute path): " +
                "set DISTRESSBOT_Crypto__KeyringPath, e.g. /etc/distressbot/keyring.json.");
        }

        if (DataDirectory.Length > 0 && KeyringPath.Length > 0 && IsInside(KeyringPath, DataDirectory))
        {
            errors.Add($"Crypto:KeyringPath ({KeyringPath}) is inside the data directory ({DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/keyring.json.");
        }

        if (DataDirectory.Length > 0 && !string.IsNullOrWhiteSpace(Crypto.KeyFile) && IsInside(Path.GetFullPath(Crypto.KeyFile), DataDirectory))
        {
            errors.Add($"Crypto:KeyFile ({Path.GetFullPath(Crypto.KeyFile)}) is inside the data directory ({DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/key.");
        }

        if (DataDirectory.Length > 0 && Encoding.UTF8.GetByteCount(AdminSocketPath.For(DataDirectory)) is var socketBytes && socketBytes > AdminSocketPath.MaxBytes)
        {
            errors.Add($"Storage:DataDirectory ({DataDirectory}) is too long: the admin socket in it ({AdminSocketPath.For(DataDirectory)}) would take {socketBytes} UTF-8 bytes, " +
                $"and a Unix socket path takes at most {AdminSocketPath.MaxBytes}: choose a shorter directory, e.g. /var/lib/distressbot.");
        }
    }

    private void Rules(List<string> errors)
    {
        if (Checkins.MinimumInterval <= TimeSpan.Zero)
        {
            errors.Add("Checkins:MinimumInterval must be positive, e.g. 1h.");
        }
        else if (Checkins.DefaultGrace is { } grace && (grace <= TimeSpan.Zero || grace >= Checkins.MinimumInterval))
        {
            errors.Add($"Checkins:DefaultGrace ({Show(grace)}) must be positive and shorter than Checkins:MinimumInterval ({Show(Checkins.MinimumInterval)}): " +
                "lower it, or leave it unset to get 30m or half the minimum interval, whichever is shorter.");
        }

        if (Checkins.MaximumInterval < Checkins.MinimumInterval || Checkins.MaximumInterval > DurationParser.Maximum)
        {
            errors.Add($"Checkins:MaximumInterval ({Show(Checkins.MaximumInterval)}) must be at least Checkins:MinimumInterval ({Show(Checkins.MinimumInterval)}) " +
                $"and at most {Show(DurationParser.Maximum)}, e.g. 7d (a daily schedule counts as 1d).");
        }

        if (Checkins.MaximumPause <= TimeSpan.Zero || Checkins.MaximumPause > DurationParser.Maximum)
        {
            errors.Add($"Checkins:MaximumPause ({Show(Checkins.MaximumPause)}) must be positive and at most {Show(DurationParser.Maximum)}, e.g. 7d.");
        }

        if (Checkins.ReminderLead < TimeSpan.Zero)
        {
            errors.Add("Checkins:ReminderLead must not be negative (0 turns the early reminder off).");
        }

        if (Checkins.PinAttempts is < 1 or > 100)
        {
            errors.Add($"Checkins:PinAttempts ({Checkins.PinAttempts}) must be 1 to 100, e.g. 5.");
        }

        if (Checkins.PinWindow <= TimeSpan.Zero)
        {
            errors.Add("Checkins:PinWindow must be positive, e.g. 15m.");
        }

        if (!LanguagePicker.TryParse(Bot.DefaultLanguage, out _))
        {
            errors.Add($"Bot:DefaultLanguage is \"{Bot.DefaultLanguage}\": use \"ru\" or \"en\".");
        }

        if (!TimeZones.TryFind(Bot.DefaultTimeZone, out _))
        {
            errors.Add($"Bot:DefaultTimeZone \"{Bot.DefaultTimeZone}\" is not a time zone this machine knows (e.g. Europe/Moscow).");
        }

        if (Escalation.AcknowledgeTimeout <= TimeSpan.Zero || Escalation.RepeatEvery <= TimeSpan.Zero || Escalation.AcknowledgedReminder <= TimeSpan.Zero)
        {
            errors.Add("Escalation:AcknowledgeTimeout, Escalation:RepeatEvery and Escalation:AcknowledgedReminder must be positive, e.g. 15m.");
        }

        if (Bot.InviteLifetime <= TimeSpan.Zero)
        {
            errors.Add("Bot:InviteLifetime must be positive, e.g. 1d.");
        }

        if (Privacy.DeleteBotMessagesAfter is { } deleteAfter && (deleteAfter < TimeSpan.Zero || deleteAfter >= ChatCleaning.DeletableFor))
        {
            errors.Add($"Privacy:DeleteBotMessagesAfter ({Show(deleteAfter)}) must be at least 0 and shorter than 48h (Telegram lets a bot delete a message only within 48 hours), e.g. 10m; leave it empty to keep the bot's messages.");
        }

        AliasRules(errors);
        Evidence.Validate(errors);
        Retention.Validate(errors);
    }

    // A subject's neutral names must be commands Telegram accepts, and must not shadow a real command or each other.
    private void AliasRules(List<string> errors)
    {
        string[] keys = ["Privacy:CheckinAlias", "Privacy:StatusAlias", "Privacy:SosAlias", "Privacy:PauseAlias"];
        var aliases = Aliases().All;
        for (var i = 0; i < aliases.Count; i++)
        {
            var alias = aliases[i] ?? "";
            if (alias.Length is 0 or > 32 || !alias.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                errors.Add($"{keys[i]} \"{alias}\" is not a command name: use 1 to 32 lower-case letters a-z, digits or underscores, e.g. \"{CommandAliases.Default.All[i]}\".");
            }
            else if (CommandList.IsKnown(alias) || alias is "start" or "pause" or "resume" or "pin")
            {
                errors.Add($"{keys[i]} \"{alias}\" is already a command of the bot: choose another neutral name, e.g. \"{CommandAliases.Default.All[i]}\".");
            }
            else if (aliases.Take(i).Contains(alias, StringComparer.Ordinal))
            {
                errors.Add($"{keys[i]} \"{alias}\" is already the name of another alias: each needs its own.");
            }
        }
    }

    private void Connection(List<string> errors)
    {
        Annotations(Telegram, errors);
        if (Telegram.PollTimeout < TimeSpan.Zero || Telegram.PollTimeout > TimeSpan.FromSeconds(50))
        {
            errors.Add("Telegram:PollTimeout must be between 0 and 50s.");
        }

        if (Telegram.SendTimeout <= TimeSpan.Zero || Telegram.RetryBase <= TimeSpan.Zero || Telegram.RetryMax < Telegram.RetryBase || Telegram.OutageAlertAfter <= TimeSpan.Zero)
        {
            errors.Add("Telegram:SendTimeout, RetryBase and OutageAlertAfter must be positive and Telegram:RetryMax at least RetryBase.");
        }

        Annotations(Health, errors);
        if (!string.IsNullOrWhiteSpace(Health.HeartbeatUrl) && new UrlAttribute().IsValid(Health.HeartbeatUrl) && !IsHttpUrl(Health.HeartbeatUrl, out var scheme))
        {
            // [Url] lets ftp:// through (it names its own error for the rest), and the heartbeat would then fail every minute without a word at start. The URL is not
            // repeated: a heartbeat URL is often its own secret.
            errors.Add($"Health:HeartbeatUrl uses '{scheme}': the heartbeat is an HTTP GET, so only http:// and https:// URLs work, e.g. https://hc-ping.com/<your-check-id>.");
        }

        if (Health.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add("Health:Interval must be at least one second, e.g. 1m.");
        }

        if (Health.OutboxAgeLimit <= TimeSpan.Zero || Health.SchedulerLagLimit <= TimeSpan.Zero)
        {
            errors.Add("Health:OutboxAgeLimit and Health:SchedulerLagLimit must be positive, e.g. 5m and 2m.");
        }

        Telemetry.Validate(errors);
    }

    private static void Annotations(object section, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => r.ErrorMessage ?? "invalid setting"));
    }

    private static string Show(TimeSpan value) =>
        value < TimeSpan.Zero ? value.ToString("c", System.Globalization.CultureInfo.InvariantCulture) : DurationToken.Format(value);

    /// <summary>Whether <paramref name="text"/> is an absolute http or https URL; <paramref name="scheme"/> is the scheme it has (null when it is no absolute URL).</summary>
    internal static bool IsHttpUrl(string text, out string? scheme)
    {
        scheme = Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.Scheme : null;
        return scheme is "http" or "https" && uri!.Host.Length > 0;
    }

    /// <summary>Whether <paramref name="path"/> lies below <paramref name="directory"/>, symbolic links on either resolved (<see cref="RealPath"/>).</summary>
    internal static bool IsInside(string path, string directory)
    {
        var dir = Path.TrimEndingDirectorySeparator(RealPath(directory)) + Path.DirectorySeparatorChar;
        return RealPath(path).StartsWith(dir, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> itself or lies inside it, symbolic links on either resolved.</summary>
    internal static bool IsSameOrInside(string path, string directory) =>
        Path.TrimEndingDirectorySeparator(RealPath(path)) == Path.TrimEndingDirectorySeparator(RealPath(directory)) || IsInside(path, directory);

    /// <summary>
    /// <paramref name="path"/> made absolute with every symbolic link on it resolved, as far as it exists (the rest kept as
    /// written): a link to the data directory or the keyring's folder must not pass for another folder. A link loop is kept as written.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var real = Path.GetPathRoot(full) ?? "/";
        foreach (var part in full[real.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            try
            {
                var info = new DirectoryInfo(next);
                real = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next : next;
            }
            catch (IOException)
            {
                real = next;
            }
        }

        return real;
    }
}
