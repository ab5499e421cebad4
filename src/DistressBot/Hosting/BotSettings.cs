using System.ComponentModel.DataAnnotations;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using Microsoft.Extensions.Configuration;

namespace DistressBot.Hosting;

/// <summary>All settings, bound from appsettings.json, DISTRESSBOT_* environment variables and the command line, then checked.</summary>
public sealed class BotSettings
{
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

    /// <summary>The data directory, absolute.</summary>
    public string DataDirectory => Path.GetFullPath(Storage.DataDirectory);

    /// <summary>The keyring file, absolute: Crypto:KeyringPath, or ~/.config/distressbot/keyring.json.</summary>
    public string KeyringPath => Path.GetFullPath(
        string.IsNullOrWhiteSpace(Crypto.KeyringPath)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "distressbot", "keyring.json")
            : Crypto.KeyringPath);

    /// <summary>The case-key file (inside the data directory; each key wrapped by a keyring data key).</summary>
    public string CaseKeysPath => Path.Combine(DataDirectory, "case-keys.json");

    /// <summary>Binds every section of <paramref name="configuration"/>.</summary>
    public static BotSettings Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new BotSettings();
        configuration.GetSection("Telegram").Bind(settings.Telegram);
        configuration.GetSection("Storage").Bind(settings.Storage);
        configuration.GetSection("Crypto").Bind(settings.Crypto);
        configuration.GetSection("Checkins").Bind(settings.Checkins);
        configuration.GetSection("Bot").Bind(settings.Bot);
        configuration.GetSection("Escalation").Bind(settings.Escalation);
        configuration.GetSection("Health").Bind(settings.Health);
        return settings;
    }

    /// <summary>Every problem, each naming the setting and how to fix it; empty when all is well.</summary>
    public IReadOnlyList<string> Validate(bool needTelegram)
    {
        var errors = new List<string>();
        if (needTelegram)
        {
            Annotations(Telegram, errors);
            if (Telegram.PollTimeout < TimeSpan.Zero || Telegram.PollTimeout > TimeSpan.FromSeconds(50))
            {
                errors.Add("Telegram:PollTimeout must be between 00:00:00 and 00:00:50.");
            }
        }

        Annotations(Storage, errors);
        Annotations(Health, errors);
        if (Health.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add("Health:Interval must be at least one second, e.g. 00:01:00.");
        }

        if (Telegram.SendTimeout <= TimeSpan.Zero || Telegram.RetryBase <= TimeSpan.Zero || Telegram.RetryMax < Telegram.RetryBase || Telegram.OutageAlertAfter <= TimeSpan.Zero)
        {
            errors.Add("Telegram:SendTimeout, RetryBase and OutageAlertAfter must be positive and Telegram:RetryMax at least RetryBase.");
        }
        if (IsInside(KeyringPath, DataDirectory))
        {
            errors.Add($"Crypto:KeyringPath ({KeyringPath}) is inside the data directory ({DataDirectory}): keep the keys away from the data and its backups, e.g. /etc/distressbot/keyring.json.");
        }

        if (Checkins.MinimumInterval <= TimeSpan.Zero)
        {
            errors.Add("Checkins:MinimumInterval must be positive, e.g. 01:00:00.");
        }

        if (Checkins.DefaultGrace <= TimeSpan.Zero || Checkins.DefaultGrace >= Checkins.MinimumInterval)
        {
            errors.Add("Checkins:DefaultGrace must be positive and shorter than Checkins:MinimumInterval.");
        }

        if (Checkins.ReminderLead < TimeSpan.Zero)
        {
            errors.Add("Checkins:ReminderLead must not be negative (00:00:00 turns the early reminder off).");
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
            errors.Add("Escalation:AcknowledgeTimeout, Escalation:RepeatEvery and Escalation:AcknowledgedReminder must be positive, e.g. 00:15:00.");
        }

        if (Bot.InviteLifetime <= TimeSpan.Zero)
        {
            errors.Add("Bot:InviteLifetime must be positive, e.g. 1.00:00:00 for 24 hours.");
        }

        return errors;
    }

    /// <summary>The domain rules these settings give (call after <see cref="Validate"/> found nothing).</summary>
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
            new ScheduleRules(Checkins.MinimumInterval, Checkins.DefaultGrace),
            Checkins.ReminderLead,
            new DistressBot.Escalation.EscalationPolicy(Escalation.AcknowledgeTimeout, Escalation.RepeatEvery, Escalation.AcknowledgedReminder));
    }

    private static void Annotations(object section, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => r.ErrorMessage ?? "invalid setting"));
    }

    private static bool IsInside(string path, string directory)
    {
        var dir = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return path.StartsWith(dir, StringComparison.Ordinal);
    }
}
