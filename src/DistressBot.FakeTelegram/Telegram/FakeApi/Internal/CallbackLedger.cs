using System.Globalization;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Callback query ids handed out and how the bot answered each; each query can be answered once, as in Telegram.</summary>
internal sealed class CallbackLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeCallbackAnswer?> _queries = new(StringComparer.Ordinal);
    private long _lastId = 4_000_000_000_000L;

    /// <summary>A new, unanswered callback query id (Telegram's are long decimal strings).</summary>
    public string NewId()
    {
        lock (_gate)
        {
            var id = (++_lastId).ToString(CultureInfo.InvariantCulture);
            _queries.Add(id, null);
            return id;
        }
    }

    /// <summary>Records the answer; 400 for an unknown or already answered id.</summary>
    public void Answer(string id, string? text, bool showAlert)
    {
        lock (_gate)
        {
            if (!_queries.TryGetValue(id, out var existing) || existing is not null)
            {
                throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            _queries[id] = new FakeCallbackAnswer(id, text, showAlert);
        }
    }

    /// <summary>The answer given to a query, or null while unanswered.</summary>
    public FakeCallbackAnswer? AnswerTo(string id)
    {
        lock (_gate)
        {
            return _queries.GetValueOrDefault(id);
        }
    }

    /// <summary>Every answer given so far, by query id.</summary>
    public IReadOnlyDictionary<string, FakeCallbackAnswer> Answers()
    {
        lock (_gate)
        {
            return _queries.Where(q => q.Value is not null).ToDictionary(q => q.Key, q => q.Value!, StringComparer.Ordinal);
        }
    }
}
