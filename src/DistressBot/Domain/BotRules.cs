using DistressBot.Localization;

namespace DistressBot.Domain;

/// <summary>The validated settings the domain logic runs by.</summary>
/// <param name="DefaultLanguage">Language when Telegram's is neither Russian nor English.</param>
/// <param name="DefaultTimeZone">IANA zone of new Russian-reading people (everyone else starts in UTC).</param>
/// <param name="InviteLifetime">How long enrollment codes are valid.</param>
/// <param name="Schedules">Floor and default grace of schedules.</param>
/// <param name="ReminderLead">How long before a deadline the first reminder goes out.</param>
/// <param name="Escalation">The deployment's escalation timings (subjects may override them).</param>
public sealed record BotRules(
    Language DefaultLanguage,
    string DefaultTimeZone,
    TimeSpan InviteLifetime,
    ScheduleRules Schedules,
    TimeSpan ReminderLead,
    EscalationPolicy Escalation)
{
    /// <summary>What the bot deletes from subjects' chats (<see cref="ChatCleaning.Default"/> unless set).</summary>
    public ChatCleaning Cleaning { get; init; } = ChatCleaning.Default;
}
