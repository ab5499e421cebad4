using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Every chat's transcript, message ids and blocks, behind one lock; wakes waiters when a bot message appears or changes.</summary>
internal sealed class ChatBook(User bot)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<long, BotApiException> _blocked = [];
    private readonly List<MessageWaiter> _waiters = [];
    private long _recorded;

    /// <summary>The bot's own user, the sender of every bot message.</summary>
    public User Bot { get; } = bot;

    /// <summary>Records a message from a person (or channel), giving it the chat's next message id; returns it as Telegram would.</summary>
    public Message AddIncoming(Chat chat, ChatMessage message)
    {
        lock (_gate)
        {
            var state = GetOrCreate(chat.Id, chat);
            message.MessageId = state.NextMessageId++;
            message.Sequence = ++_recorded;
            state.Add(message);
            return message.ToTelegram(state.Chat);
        }
    }

    /// <summary>Records a button press against a bot message and returns that message, which the callback query carries.</summary>
    public Message AddButtonPress(long chatId, int messageId, ChatMessage press)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var state)
                || !state.ById.TryGetValue(messageId, out var target)
                || target.Direction != Direction.FromBot
                || target.Deleted)
            {
                throw new ArgumentException($"Chat {chatId} has no visible bot message {messageId} whose button could be pressed.", nameof(messageId));
            }

            press.MessageId = messageId;
            press.Sequence = ++_recorded;

            // The label the person tapped, as it read at the moment of the press (later edits may replace the buttons).
            press.Text ??= target.Markup.InlineRows.SelectMany(row => row).FirstOrDefault(b => b.CallbackData == press.CallbackData)?.Text;
            state.Entries.Add(press);
            return target.ToTelegram(state.Chat);
        }
    }

    /// <summary>Applies a person's edit to their own earlier message and returns the edited message.</summary>
    public Message EditIncoming(long chatId, int messageId, string newText, DateTimeOffset editedAt)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var state)
                || !state.ById.TryGetValue(messageId, out var target)
                || target.Direction != Direction.FromUser
                || target.Kind != FakeEntryKind.Text)
            {
                throw new ArgumentException($"Chat {chatId} has no text message {messageId} from a person to edit.", nameof(messageId));
            }

            target.Text = newText;
            target.Entities = CommandEntities.For(newText);
            target.EditedAt = editedAt;
            target.EditCount++;
            return target.ToTelegram(state.Chat);
        }
    }

    /// <summary>Records a message the bot sent and returns it; fails as configured when the chat is blocked.</summary>
    public Message AddOutgoing(long chatId, ChatMessage message)
    {
        lock (_gate)
        {
            ThrowIfBlocked(chatId);
            var state = GetOrCreate(chatId, null);
            message.MessageId = state.NextMessageId++;
            message.Sequence = ++_recorded;
            state.Add(message);
            WakeWaiters(state, message);
            return message.ToTelegram(state.Chat);
        }
    }

    /// <summary>Changes a bot message in place; <paramref name="edit"/> returns false when nothing would change (Telegram's "not modified").</summary>
    public Message EditOutgoing(long chatId, int messageId, DateTimeOffset editedAt, Func<ChatMessage, bool> edit)
    {
        lock (_gate)
        {
            ThrowIfBlocked(chatId);
            if (!_chats.TryGetValue(chatId, out var state)
                || !state.ById.TryGetValue(messageId, out var target)
                || target.Deleted)
            {
                throw BotApiException.BadRequest("message to edit not found");
            }

            if (target.Direction != Direction.FromBot)
            {
                throw BotApiException.BadRequest("message can't be edited");
            }

            if (!edit(target))
            {
                throw BotApiException.BadRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            target.EditedAt = editedAt;
            target.EditCount++;
            WakeWaiters(state, target);
            return target.ToTelegram(state.Chat);
        }
    }

    /// <summary>Telegram lets a bot delete a message in a private chat only this long after it was sent.</summary>
    public static readonly TimeSpan DeletableFor = TimeSpan.FromHours(48);

    /// <summary>Marks messages deleted, except those sent <see cref="DeletableFor"/> or more before <paramref name="now"/>, which stay as they are; returns how many were deleted and how many were too old.</summary>
    public (int Deleted, int TooOld) Delete(long chatId, IEnumerable<int> messageIds, DateTimeOffset now)
    {
        lock (_gate)
        {
            ThrowIfBlocked(chatId);
            if (!_chats.TryGetValue(chatId, out var state))
            {
                return (0, 0);
            }

            var (deleted, tooOld) = (0, 0);
            foreach (var id in messageIds)
            {
                if (!state.ById.TryGetValue(id, out var target) || target.Deleted)
                {
                    continue;
                }

                if (now - target.SentAt >= DeletableFor)
                {
                    tooOld++;
                    continue;
                }

                target.Deleted = true;
                deleted++;
            }

            return (deleted, tooOld);
        }
    }

    /// <summary>Makes every call aimed at the chat fail with this error until unblocked.</summary>
    public void Block(long chatId, int errorCode, string description)
    {
        lock (_gate)
        {
            _blocked[chatId] = new BotApiException(errorCode, description);
        }
    }

    /// <summary>Lets calls to the chat succeed again.</summary>
    public void Unblock(long chatId)
    {
        lock (_gate)
        {
            _blocked.Remove(chatId);
        }
    }

    /// <summary>Throws the configured error when the chat is blocked.</summary>
    public void ThrowIfBlocked(long chatId)
    {
        lock (_gate)
        {
            if (_blocked.TryGetValue(chatId, out var error))
            {
                throw new BotApiException(error.ErrorCode, error.Description);
            }
        }
    }

    /// <summary>The chat's entries in the order they happened.</summary>
    public IReadOnlyList<FakeChatEntry> Transcript(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var state) ? state.Entries.Select(e => e.ToEntry()).ToList() : [];
        }
    }

    /// <summary>Resolves with the first visible bot message in the chat that matches, now or later; throws <see cref="TimeoutException"/> with the transcript otherwise.</summary>
    public async Task<FakeChatEntry> WaitForBotMessageAsync(long chatId, Func<FakeChatEntry, bool> match, TimeSpan timeout, Func<string> describe)
    {
        var waiter = new MessageWaiter(chatId, match);
        lock (_gate)
        {
            var present = _chats.TryGetValue(chatId, out var state) && state.Entries.Any(waiter.TryComplete);
            if (!present)
            {
                _waiters.Add(waiter);
            }
        }

        if (waiter.Task.IsCompleted)
        {
            // Already there (or the predicate threw): awaiting surfaces either without wrapping it.
            return await waiter.Task;
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            if (waiter.Task.IsCompletedSuccessfully)
            {
                return waiter.Task.Result;
            }

            throw new TimeoutException($"No bot message in chat {chatId} matched within {timeout.TotalSeconds:0.###} s.{Environment.NewLine}{describe()}");
        }
    }

    private void WakeWaiters(ChatState state, ChatMessage changed)
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].ChatId == state.Chat.Id && _waiters[i].TryComplete(changed))
            {
                _waiters.RemoveAt(i);
            }
        }
    }

    private ChatState GetOrCreate(long chatId, Chat? chat)
    {
        if (!_chats.TryGetValue(chatId, out var state))
        {
            state = new ChatState(chat ?? GuessChat(chatId));
            _chats.Add(chatId, state);
        }

        return state;
    }

    // A chat the bot writes to before anyone wrote to it: positive ids are people (private chats), negative ones groups.
    private static Chat GuessChat(long chatId) => chatId > 0
        ? new Chat { Id = chatId, Type = ChatType.Private, FirstName = "Test" }
        : new Chat { Id = chatId, Type = ChatType.Group, Title = $"Group {chatId}" };

    /// <summary>One chat: its description, the next message id and its entries.</summary>
    private sealed class ChatState(Chat chat)
    {
        public Chat Chat { get; } = chat;

        // Telegram numbers a private chat's messages from both sides with one counter.
        public int NextMessageId { get; set; } = 1;

        public List<ChatMessage> Entries { get; } = [];

        public Dictionary<int, ChatMessage> ById { get; } = [];

        public void Add(ChatMessage message)
        {
            Entries.Add(message);
            ById[message.MessageId] = message;
        }
    }

    /// <summary>A pending <see cref="WaitForBotMessageAsync"/>.</summary>
    private sealed class MessageWaiter(long chatId, Func<FakeChatEntry, bool> match)
    {
        private readonly TaskCompletionSource<FakeChatEntry> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long ChatId { get; } = chatId;

        public Task<FakeChatEntry> Task => _done.Task;

        // A throwing predicate fails the wait rather than the server call that happened to trigger it.
        public bool TryComplete(ChatMessage message)
        {
            if (message.Direction != Direction.FromBot || message.Deleted || message.Kind == FakeEntryKind.ButtonPress)
            {
                return false;
            }

            var entry = message.ToEntry();
            try
            {
                return match(entry) && _done.TrySetResult(entry);
            }
            catch (Exception ex)
            {
                return _done.TrySetException(ex);
            }
        }
    }
}
