using System.Reflection;
using System.Text.RegularExpressions;
using DistressBot.Hosting;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Logging;

/// <summary>docs/logging.md is the one table of log event ids: it lists exactly the [LoggerMessage] events the product has, each id once.</summary>
public sealed partial class LogEventIdTests
{
    // Every assembly under src/ that logs; a new product project that logs is added here.
    private static readonly Assembly[] Product = [typeof(BotSettings).Assembly];

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>One event as the code declares it or as the table lists it.</summary>
    private sealed record LogEvent(int Id, string Level, string Class, string Method)
    {
        public override string ToString() => $"| {Id} | {Level} | {Class} | {Method} |";
    }

    [Fact]
    public void LoggerMessages_EveryEventId_IsUsedOnce()
    {
        var reused = InCode()
            .GroupBy(e => e.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => $"{e.Class}.{e.Method}"))}")
            .ToList();

        Assert.True(reused.Count == 0, "Event ids used more than once:\n" + string.Join('\n', reused));
    }

    [Fact]
    public void LoggingDoc_EveryEventInCode_HasItsRow()
    {
        var listed = InTable().ToHashSet();

        var missing = InCode().Where(e => !listed.Contains(e)).Select(e => e.ToString()).ToList();

        Assert.True(missing.Count == 0, "Add (or correct) these rows in docs/logging.md:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void LoggingDoc_EveryRow_IsAnEventInCode()
    {
        var declared = InCode().ToHashSet();

        var stale = InTable().Where(e => !declared.Contains(e)).Select(e => e.ToString()).ToList();

        Assert.True(stale.Count == 0, "These rows in docs/logging.md match no [LoggerMessage] in the code:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void LoggingDoc_Rows_AreInIdOrderAndEachIdOnce()
    {
        var ids = InTable().Select(e => e.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Order().Distinct(), ids);
    }

    [Fact]
    public void InCode_FindsTheGeneratedEvents()
    {
        // Guards the reflection itself: if the attributes were not found, the table tests above could not fail.
        Assert.Contains(new LogEvent(1101, nameof(LogLevel.Critical), "StoreLog", "Faulted"), InCode());
    }

    private static List<LogEvent> InCode() =>
        [.. Product
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(Declared))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new LogEvent(x.Attribute!.EventId, x.Attribute.Level.ToString(), x.Method.DeclaringType!.Name, x.Method.Name))];

    private static List<LogEvent> InTable()
    {
        var rows = new List<LogEvent>();
        foreach (var line in File.ReadLines(LoggingDoc()))
        {
            var match = EventRow().Match(line);
            if (match.Success)
            {
                rows.Add(new LogEvent(
                    int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["level"].Value,
                    match.Groups["class"].Value,
                    match.Groups["method"].Value));
            }
        }

        return rows;
    }

    private static string LoggingDoc()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var doc = Path.Combine(folder.FullName, "docs", "logging.md");
            if (File.Exists(doc))
            {
                return doc;
            }
        }

        throw new FileNotFoundException("docs/logging.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\|\s*(?<id>\d+)\s*\|\s*(?<level>\w+)\s*\|\s*(?<class>\w+)\s*\|\s*(?<method>\w+)\s*\|")]
    private static partial Regex EventRow();
}
