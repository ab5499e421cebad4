using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DistressBot.Tests.Fakes;

/// <summary>An <see cref="ILogger{T}"/> that keeps every entry with its event id, formatted message and structured values.</summary>
internal sealed class CapturingLogger<T>(ConcurrentQueue<CapturedLog>? entries = null) : ILogger<T>
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = entries ?? new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => (p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList()
            : [];
        Entries.Enqueue(new CapturedLog(logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
    }
}

/// <summary>Captures what every logger of a host writes into one queue.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger<object>(Entries);

    public void Dispose()
    {
    }
}

/// <summary>One captured log entry.</summary>
internal sealed record CapturedLog(LogLevel Level, int EventId, string Message, IReadOnlyList<(string Key, string Value)> Values, string? Exception = null)
{
    /// <summary>The structured value named <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Values.FirstOrDefault(v => v.Key == key).Value;

    /// <summary>The message, every structured value and the exception as the console writes it, for "nothing sensitive anywhere" checks.</summary>
    public string Everything => Message + "\n" + string.Join("\n", Values.Select(v => v.Key + "=" + v.Value)) + (Exception is null ? "" : "\n" + Exception);
}
