namespace DistressBot.Hosting;

/// <summary>When a record next needs a look (null: never), and from when that look is urgent (null: never; an alarm, an escalation).</summary>
/// <param name="Id">The record (a subject's person id, a case id).</param>
/// <param name="At">Its next instant.</param>
/// <param name="UrgentAt">From this instant a look at it goes before every non-urgent one.</param>
public readonly record struct TimerLook(string Id, DateTimeOffset? At, DateTimeOffset? UrgentAt);
