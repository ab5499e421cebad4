namespace DistressBot.Hosting;

/// <summary>What a subject's chat shows to whoever holds their phone (section "Privacy").</summary>
public sealed class PrivacyOptions
{
    /// <summary>Every subject reads cover wording: texts, buttons and command menu like an ordinary reminder app.</summary>
    public bool CoverWording { get; set; }

    /// <summary>A subject's neutral name for /checkin (lower-case letters, digits, underscores; up to 32).</summary>
    public string CheckinAlias { get; set; } = "done";

    /// <summary>A subject's neutral name for /status.</summary>
    public string StatusAlias { get; set; } = "next";

    /// <summary>A subject's neutral name for /sos.</summary>
    public string SosAlias { get; set; } = "sync";

    /// <summary>A subject's neutral name for /pause.</summary>
    public string PauseAlias { get; set; } = "snooze";

    /// <summary>The bot's public name, set at start when given (setMyName); empty leaves it as it is.</summary>
    public string? BotName { get; set; }

    /// <summary>Delete each message a subject sends once the bot has handled it.</summary>
    public bool DeleteSubjectMessages { get; set; } = true;

    /// <summary>Delete the bot's messages to a subject this long after sending (the latest reminder stays until answered or replaced); empty keeps them.</summary>
    public TimeSpan? DeleteBotMessagesAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The bot's public description, set at start when given (setMyDescription and setMyShortDescription); empty leaves it as it is.</summary>
    public string? BotDescription { get; set; }
}
