using DistressBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DistressBot.Tests.Logging;

/// <summary>The running bot's console log, as the admin reads it: the journal's format under systemd, else timestamped UTC lines on stderr.</summary>
public sealed class ConsoleLogTests
{
    [Theory]
    [InlineData("8:123456", "systemd")]
    [InlineData(null, "simple")]
    public void ConsoleLog_UsesTheJournalFormatUnderSystemd_ElseTimestampedLines(string? journalStream, string formatter)
    {
        using var services = new ServiceCollection()
            .AddLogging(b => b.AddBotConsole(name => name == BotLogging.JournalStreamVariable ? journalStream : null))
            .BuildServiceProvider();

        var console = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(formatter, console.FormatterName);
        Assert.Equal(LogLevel.Trace, console.LogToStandardErrorThreshold); // stdout carries only what a command prints
        if (journalStream is null)
        {
            var simple = services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
            Assert.True(simple.UseUtcTimestamp);
            Assert.False(string.IsNullOrEmpty(simple.TimestampFormat));
            Assert.True(simple.SingleLine);
        }
    }
}
