using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Updates waiting for getUpdates, with Telegram's offset rules and long-poll wake-ups, behind one lock.</summary>
internal sealed class UpdateQueue
{
    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
    private readonly List<TaskCompletionSource> _pollWaiters = [];
    private readonly List<TaskCompletionSource> _consumedWaiters = [];
    private TaskCompletionSource _arrived = NewSignal();
    private int _lastId;

    /// <summary>Gives the update the next id, stores it and wakes long polls; returns the update as queued.</summary>
    public Update Enqueue(Func<int, Update> build)
    {
        lock (_gate)
        {
            var update = build(_lastId + 1);
            _lastId = update.Id;
            Add(update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options));
            return update;
        }
    }

    /// <summary>Stores an update given as JSON exactly as written, adding update_id when it has none.</summary>
    public void EnqueueRaw(JsonObject update)
    {
        lock (_gate)
        {
            int id;
            if (update["update_id"] is JsonValue given && given.TryGetValue(out int givenId))
            {
                id = givenId;
                _lastId = Math.Max(_lastId, id);
            }
            else
            {
                // A present but unusable update_id stays as written (that may be the point of the test); offsets then
                // confirm the update by the id the fake assigned in its place.
                id = ++_lastId;
                if (!update.ContainsKey("update_id"))
                {
                    update["update_id"] = id;
                }
            }

            Add(id, update.ToJsonString());
        }
    }

    /// <summary>Notes that the bot polled: releases every <see cref="WaitForPollAsync"/> made before now.</summary>
    public void NotePoll()
    {
        lock (_gate)
        {
            foreach (var waiter in _pollWaiters)
            {
                waiter.TrySetResult();
            }

            _pollWaiters.Clear();
        }
    }

    /// <summary>Completes at the next getUpdates call.</summary>
    public Task WaitForPollAsync(TimeSpan timeout)
    {
        var waiter = NewSignal();
        lock (_gate)
        {
            _pollWaiters.Add(waiter);
        }

        return WithTimeout(waiter, timeout, "The bot did not call getUpdates");
    }

    /// <summary>Completes once every update so far has been confirmed (or forgotten) by an offset.</summary>
    public Task WaitUntilConsumedAsync(TimeSpan timeout)
    {
        var waiter = NewSignal();
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return Task.CompletedTask;
            }

            _consumedWaiters.Add(waiter);
        }

        return WithTimeout(waiter, timeout, "The bot did not confirm every update");
    }

    /// <summary>
    /// Applies the offset, then answers with up to <paramref name="limit"/> pending updates as a JSON array, holding an empty
    /// answer up to <paramref name="longPoll"/> for one to arrive; <paramref name="ct"/> ends the wait with an empty answer.
    /// </summary>
    public async Task<string> TakeAsync(long offset, int limit, TimeSpan longPoll, CancellationToken ct)
    {
        Task arrived;
        lock (_gate)
        {
            Confirm(offset);
            if (_pending.Count > 0 || longPoll <= TimeSpan.Zero)
            {
                return Render(limit);
            }

            arrived = _arrived.Task;
        }

        try
        {
            // Telegram holds a long poll on its own wall clock, whatever clock the bot is tested with.
            await arrived.WaitAsync(longPoll, TimeProvider.System, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return "[]";
        }

        lock (_gate)
        {
            return Render(limit);
        }
    }

    private void Add(int id, string json)
    {
        _pending.Add(new PendingUpdate(id, json));
        var arrived = _arrived;
        _arrived = NewSignal();
        arrived.TrySetResult();
    }

    // Telegram: a positive offset confirms every update below it; a negative one keeps only the last -offset updates.
    private void Confirm(long offset)
    {
        if (offset > 0)
        {
            _pending.RemoveAll(u => u.Id < offset);
        }
        else if (offset < 0)
        {
            var keep = (int)Math.Min(-offset, _pending.Count);
            _pending.RemoveRange(0, _pending.Count - keep);
        }

        if (_pending.Count == 0)
        {
            foreach (var waiter in _consumedWaiters)
            {
                waiter.TrySetResult();
            }

            _consumedWaiters.Clear();
        }
    }

    private string Render(int limit)
    {
        var json = new StringBuilder("[");
        foreach (var update in _pending.Take(limit))
        {
            json.Append(json.Length > 1 ? "," : "").Append(update.Json);
        }

        return json.Append(']').ToString();
    }

    private static async Task WithTimeout(TaskCompletionSource waiter, TimeSpan timeout, string what)
    {
        try
        {
            await waiter.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            if (waiter.Task.IsCompletedSuccessfully)
            {
                return;
            }

            throw new TimeoutException($"{what} within {timeout.TotalSeconds:0.###} s.");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>An update as served: its id and its JSON.</summary>
    private sealed record PendingUpdate(int Id, string Json);
}
