using DistressBot.Hosting;
using DistressBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DistressBot.Tests.EndToEnd;

/// <summary>The running bot's log, as the admin reads it.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task Sos_AcknowledgeAndResolve_AreLoggedWithTheCaseNumber_AndNoNamesOrIds()
    {
        var logs = new CapturingLoggerProvider();
        await using var s = await Scenario.StartAsync(logging: b => b.AddProvider(logs));
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        await s.SayAsync(Scenario.Salek, "/sos");
        await s.ExpectAsync(Scenario.Nina, "C-0001");
        await s.SayAsync(Scenario.Nina, "/ack C-0001", "C-0001");
        await s.SayAsync(Scenario.Nina, "/resolve C-0001 safe", "C-0001");

        var cases = logs.Entries.Where(e => e.EventId is >= 3300 and < 3400).ToList();
        Assert.Equal([3300, 3306, 3308], cases.Select(e => e.EventId));
        Assert.Equal("Sos", cases[0]["Kind"]);
        Assert.All(cases, e => Assert.Equal("C-0001", e["CaseId"]));
        foreach (var secret in new[] { "Nina", "Salek", Scenario.Nina.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Scenario.Salek.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Telegram.Token })
        {
            Assert.All(logs.Entries, e => Assert.DoesNotContain(secret, e.Everything, StringComparison.Ordinal));
        }
    }

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
