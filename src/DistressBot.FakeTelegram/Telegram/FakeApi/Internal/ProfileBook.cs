using System.Text.Json;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>What the bot set about itself: its command menus (setMyCommands) and its public name and descriptions.</summary>
internal sealed class ProfileBook
{
    private readonly Lock _gate = new();
    private readonly List<FakeCommandMenu> _menus = [];
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every menu set so far, in order.</summary>
    public IReadOnlyList<FakeCommandMenu> Menus
    {
        get
        {
            lock (_gate)
            {
                return [.. _menus];
            }
        }
    }

    /// <summary>The last value set for a profile field ("name", "description", "short_description"), or null.</summary>
    public string? Text(string field)
    {
        lock (_gate)
        {
            return _texts.GetValueOrDefault(field);
        }
    }

    /// <summary>Records a setMyCommands call; refuses what Telegram refuses (no commands array, a chat scope without a chat).</summary>
    public string SetCommands(RequestArgs args)
    {
        if (args.Json("commands") is not { ValueKind: JsonValueKind.Array } commands)
        {
            throw BotApiException.BadRequest("commands is empty");
        }

        var list = commands.EnumerateArray()
            .Select(c => new FakeMenuCommand(c.GetProperty("command").GetString() ?? "", c.GetProperty("description").GetString() ?? ""))
            .ToList();
        var scope = "default";
        long? chatId = null;
        if (args.Json("scope") is { ValueKind: JsonValueKind.Object } given)
        {
            scope = given.GetProperty("type").GetString() ?? "";
            if (given.TryGetProperty("chat_id", out var chat))
            {
                chatId = chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (scope is "chat" or "chat_administrators" or "chat_member")
            {
                throw BotApiException.BadRequest("chat_id is empty");
            }
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _menus.Add(new FakeCommandMenu(scope, chatId, args.String("language_code"), list));
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return "true";
    }

    /// <summary>The first menu set (already, or within <paramref name="timeout"/>) that <paramref name="match"/> accepts.</summary>
    /// <exception cref="TimeoutException">None came in time.</exception>
    public async Task<FakeCommandMenu> WaitForMenuAsync(Func<FakeCommandMenu, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_menus.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                next = _changed.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No such command menu was set within {timeout}; set so far: {_menus.Count}.");
            }
        }
    }

    /// <summary>Records setMyName, setMyDescription or setMyShortDescription: <paramref name="field"/> takes the argument of that name.</summary>
    public string SetText(RequestArgs args, string field)
    {
        lock (_gate)
        {
            _texts[field] = args.String(field) ?? "";
        }

        return "true";
    }
}
