using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DistressBot.Hosting;

/// <summary>Where the bot's log goes: the journal's format under systemd, otherwise one timestamped line per event.</summary>
public static class BotLogging
{
    /// <summary>Set by systemd when stdout or stderr is connected to the journal.</summary>
    public const string JournalStreamVariable = "JOURNAL_STREAM";

    /// <summary>Adds the console logger, writing to stderr: systemd's format (priority prefix; the journal stamps the time) when <c>$JOURNAL_STREAM</c> is set, else UTC timestamps.</summary>
    public static ILoggingBuilder AddBotConsole(this ILoggingBuilder builder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(environment);

        // Every level to stderr: stdout carries only what a command prints (an invite code, a report), so scripts can read it.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!string.IsNullOrEmpty(environment(JournalStreamVariable)))
        {
            return builder.AddSystemdConsole(o => o.IncludeScopes = false);
        }

        return builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.ColorBehavior = LoggerColorBehavior.Default;
        });
    }
}
