using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>The validated settings the domain logic runs by.</summary>
/// <param name="DefaultLanguage">Language when Telegram's is neither Russian nor English.</param>
/// <param name="DefaultTimeZone">IANA zone of new Russian-reading people (everyone else starts in UTC).</param>
/// <param name="InviteLifetime">How long enrollment codes are valid.</param>
/// <param name="Schedules">Floor and default grace of schedules.</param>
/// <param name="ReminderLead">How long before a deadline the first reminder goes out.</param>
/// <param name="Escalation">The deployment's escalation timings (subjects may override them).</param>
/// <param name="CoverWording">Every subject reads cover wording (Privacy:CoverWording), not only those switched one by one.</param>
/// <param name="Aliases">The subjects' neutral command names; null for <see cref="CommandAliases.Default"/>.</param>
public sealed record BotRules(
    Language DefaultLanguage,
    string DefaultTimeZone,
    TimeSpan InviteLifetime,
    ScheduleRules Schedules,
    TimeSpan ReminderLead,
    EscalationPolicy Escalation,
    bool CoverWording = false,
    CommandAliases? Aliases = null)
{
    /// <summary>The subjects' neutral command names (<see cref="Aliases"/> or the defaults).</summary>
    public CommandAliases SubjectAliases => Aliases ?? CommandAliases.Default;

    /// <summary>Wrong PINs within <see cref="PinWindow"/> after which the subject's coordinators are told and further PINs are refused unjudged.</summary>
    public int PinAttempts { get; init; } = 5;

    /// <summary>The window wrong PINs are counted in, from the first wrong one.</summary>
    public TimeSpan PinWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>What the bot deletes from subjects' chats (<see cref="ChatCleaning.Default"/> unless set).</summary>
    public ChatCleaning Cleaning { get; init; } = ChatCleaning.Default;
}
