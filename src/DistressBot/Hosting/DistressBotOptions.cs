using System.ComponentModel.DataAnnotations;
using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>Where the data lives (section "Storage").</summary>
public sealed class StorageOptions
{
    /// <summary>The data directory: the database, its lock and the admin socket; empty means <see cref="DefaultLocations.DataDirectory"/>.</summary>
    public string DataDirectory { get; set; } = "";
}

/// <summary>Where the keys live (section "Crypto").</summary>
public sealed class CryptoOptions
{
    /// <summary>The keyring file; keep it outside the data directory and outside data backups. Null means <see cref="DefaultLocations.KeyringPath"/>.</summary>
    public string? KeyringPath { get; set; }

    /// <summary>A raw 32-byte key file that unlocks the keyring (instead of a passphrase).</summary>
    public string? KeyFile { get; set; }
}

/// <summary>Check-in rules (section "Checkins").</summary>
public sealed class CheckinOptions
{
    /// <summary>The tightest schedule a subject may set.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Grace when a schedule names none; null means <see cref="DerivedGrace"/> of <see cref="MinimumInterval"/>.</summary>
    public TimeSpan? DefaultGrace { get; set; }

    /// <summary>How long before a deadline the first reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The loosest schedule a subject may set (a daily schedule counts as one day).</summary>
    public TimeSpan MaximumInterval { get; set; } = ScheduleRules.DefaultMaximum;

    /// <summary>The longest pause a subject may ask for (/pause).</summary>
    public TimeSpan MaximumPause { get; set; } = ScheduleRules.DefaultMaximum;
    /// <summary>Wrong PINs within <see cref="PinWindow"/> after which the coordinators are told and further PINs are refused unjudged.</summary>
    public int PinAttempts { get; set; } = 5;

    /// <summary>The window wrong PINs are counted in.</summary>
    public TimeSpan PinWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The grace actually used: the one set, or <see cref="DerivedGrace"/>.</summary>
    public TimeSpan EffectiveDefaultGrace => DefaultGrace ?? DerivedGrace(MinimumInterval);

    /// <summary>
    /// The default grace for a minimum interval: 30 minutes, or half the interval (whole seconds) when that is shorter,
    /// so that lowering the interval alone never makes the default grace invalid.
    /// </summary>
    public static TimeSpan DerivedGrace(TimeSpan minimumInterval)
    {
        var standard = TimeSpan.FromMinutes(30);
        if (minimumInterval > standard * 2)
        {
            return standard;
        }

        var half = minimumInterval / 2;
        var whole = TimeSpan.FromSeconds(Math.Floor(half.TotalSeconds));
        return whole >= TimeSpan.FromSeconds(1) ? whole : half;
    }
}

/// <summary>How the bot speaks (section "Bot").</summary>
public sealed class BotOptions
{
    /// <summary>"ru" or "en": used when a person's Telegram language is neither.</summary>
    public string DefaultLanguage { get; set; } = "ru";

    /// <summary>IANA time zone of new Russian-reading people until they set their own (everyone else starts in UTC).</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";

    /// <summary>How long an enrollment code stays valid.</summary>
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>How alarms widen (section "Escalation").</summary>
public sealed class EscalationOptions
{
    /// <summary>Level 1 alone for this long; then level 2 (backup coordinators and lawyers).</summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Unacknowledged recipients are told again this often.</summary>
    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An acknowledged case with no note or resolution this long reminds its taker; twice that escalates again.</summary>
    public TimeSpan AcknowledgedReminder { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Liveness signals (section "Health").</summary>
public sealed class HealthOptions
{
    /// <summary>An external monitor's URL, fetched each minute while polling and dispatching are healthy; empty for none.</summary>
    [Url(ErrorMessage = "Health:HeartbeatUrl must be an absolute http(s) URL.")]
    public string? HeartbeatUrl { get; set; }

    /// <summary>How often the heartbeat goes out and the bot notes that it is alive.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>`status` reports a problem (exit 1) when the oldest outbox row has waited longer than this.</summary>
    public TimeSpan OutboxAgeLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>`status` reports a problem (exit 1) when the most overdue deadline or escalation timer is later than this.</summary>
    public TimeSpan SchedulerLagLimit { get; set; } = TimeSpan.FromMinutes(2);
}
