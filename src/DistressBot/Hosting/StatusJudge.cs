using DistressBot.Domain;

namespace DistressBot.Hosting;

/// <summary>The limits `status` judges by, from the settings.</summary>
/// <param name="TelegramDown">Telegram failing this long needs the admin (Telegram:OutageAlertAfter).</param>
/// <param name="PollStale">No answer from getUpdates for this long while nothing failed means polling is stuck (twice Health:Interval plus Telegram:PollTimeout, as the heartbeat judges).</param>
/// <param name="OutboxAge">Health:OutboxAgeLimit.</param>
/// <param name="SchedulerLag">Health:SchedulerLagLimit.</param>
public sealed record StatusLimits(TimeSpan TelegramDown, TimeSpan PollStale, TimeSpan OutboxAge, TimeSpan SchedulerLag)
{
    /// <summary>The limits <paramref name="settings"/> give.</summary>
    public static StatusLimits From(BotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Telegram.OutageAlertAfter, settings.Health.Interval * 2 + settings.Telegram.PollTimeout, settings.Health.OutboxAgeLimit, settings.Health.SchedulerLagLimit);
    }
}

/// <summary>Decides what in a <see cref="StatusReport"/> needs the admin: a pure function of the report and the limits.</summary>
public static class StatusJudge
{
    /// <summary>Each problem as one sentence that says what to do; empty when all is well.</summary>
    /// <param name="report">The figures (its own <see cref="StatusReport.Problems"/> are ignored).</param>
    /// <param name="limits">The limits.</param>
    /// <param name="runningFor">How long the bot has run (a bot just started has not been answered yet, and that is no problem).</param>
    public static IReadOnlyList<string> Problems(StatusReport report, StatusLimits limits, TimeSpan? runningFor = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        if (!report.Running)
        {
            problems.Add("The bot is not running: start it (systemctl start distressbot, or docker compose up -d) and read its log for why it stopped.");
        }

        switch (report.Telegram)
        {
            case "token_revoked":
                problems.Add("Telegram refuses the bot token (401): it was revoked or is wrong. Get the token from @BotFather (/token, or /revoke for a new one), set Telegram:BotToken and restart the bot.");
                break;
            case "failing" when report.TelegramFailingSeconds is { } failing && Seconds(failing) > limits.TelegramDown:
                problems.Add($"Telegram has been unreachable for {Show(Seconds(failing))} ({report.TelegramError}): check the server's network and DNS, and whether api.telegram.org is blocked from it.");
                break;
            case "ok" when report.LastPollAgeSeconds is { } age && Seconds(age) > limits.PollStale:
                problems.Add($"Polling is stuck: Telegram last answered {Show(Seconds(age))} ago and no failure was seen since. Restart the bot and read its log.");
                break;
            case "connecting" when runningFor is { } up && up > limits.TelegramDown:
                problems.Add($"Telegram has not answered since the bot started {Show(up)} ago: check the network and Telegram:ApiBaseUrl.");
                break;
        }

        if (report.OutboxOldestAgeSeconds is { } oldest && Seconds(oldest) > limits.OutboxAge)
        {
            problems.Add($"The oldest of {report.OutboxLength} outbox messages has waited {Show(Seconds(oldest))} (more than Health:OutboxAgeLimit, {Show(limits.OutboxAge)}): messages are not getting out; read the log's send failures (events 2300, 3620).");
        }

        if (report.SchedulerLagSeconds is { } lag && Seconds(lag) > limits.SchedulerLag)
        {
            problems.Add($"Deadlines are acted on {Show(Seconds(lag))} late (more than Health:SchedulerLagLimit, {Show(limits.SchedulerLag)}): the store or the machine is overloaded; read the log (events 2401, 1101).");
        }

        if (report.Store == "damaged")
        {
            problems.Add("A stored record does not open (damaged, or written under another keyring): check Crypto:KeyringPath and restore the last good backup.");
        }

        if (report.CoverageGaps is > 0)
        {
            problems.Add($"{report.CoverageGaps} subjects have no reachable coordinator: 'distressbot people' names them (UNREACHABLE); assign another coordinator.");
        }

        return problems;
    }

    private static TimeSpan Seconds(long seconds) => TimeSpan.FromSeconds(seconds);

    private static string Show(TimeSpan value) => DurationToken.Format(TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)));
}
