using System.Text.RegularExpressions;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Enrollment;
using DistressBot.Telegram;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Tests.Fakes;

/// <summary>
/// The bot as people see it, without HTTP: Telegram updates go through the real <see cref="UpdateRouter"/> over a
/// <see cref="DomainWorld"/> (one unit of work each, at the world's now), the deadline monitor's step runs on <see cref="Tick"/>,
/// and whatever was queued is delivered at once (<see cref="DomainWorld.Deliver"/>) and kept in a transcript per chat.
/// </summary>
public sealed partial class BotChat
{
    private readonly Dictionary<long, List<string>> _transcripts = [];
    private int _nextUpdateId;

    /// <summary>Over <paramref name="world"/>, or a new world at 2 Nov 2026 09:00 UTC under the default settings (Moscow, reminders 15 min ahead); the router logs to <paramref name="routerLog"/> (default nowhere).</summary>
    public BotChat(DomainWorld? world = null, Microsoft.Extensions.Logging.ILogger<UpdateRouter>? routerLog = null)
    {
        World = world ?? new DomainWorld(rules: new DistressBot.Hosting.BotSettings().ToRules());
        Router = new UpdateRouter(World.Rules, new CaseCommandHandler(NullLogger<CaseCommandHandler>.Instance), routerLog ?? NullLogger<UpdateRouter>.Instance);
    }

    /// <summary>What the router returned for the latest update (<see cref="HandledUpdate.CarriesPin"/> among others).</summary>
    public HandledUpdate? LastHandled { get; private set; }

    /// <summary>The domain, its store and clock.</summary>
    public DomainWorld World { get; }

    /// <summary>The router every update goes through.</summary>
    public UpdateRouter Router { get; }

    /// <summary>What the bot remembers about strangers (applied after each update, as the pump does after the commit).</summary>
    public StrangerLedger Strangers { get; } = new();

    /// <summary>Now, by the world's clock.</summary>
    public DateTimeOffset Now => World.Now;

    /// <summary>A coordinator invited by the admin who redeems the code from Telegram user <paramref name="userId"/>.</summary>
    public Person EnrolCoordinator(long userId, string name, string languageCode = "en") => EnrolByAdmin(Role.Coordinator, userId, name, languageCode);

    /// <summary>A lawyer invited by the admin who redeems the code from Telegram user <paramref name="userId"/>.</summary>
    public Person EnrolLawyer(long userId, string name, string languageCode = "en") => EnrolByAdmin(Role.Lawyer, userId, name, languageCode);

    /// <summary>An invite the admin makes (no coordinator), as `distressbot invite` does; returns the code.</summary>
    public string AdminInvite(Role role, string name) =>
        World.Run(db => CreateInvite.Run(db, role, name, null, Now, World.Rules.InviteLifetime).Code!);

    /// <summary>A subject invited by <paramref name="coordinator"/> with /invite, who redeems the code from Telegram user <paramref name="userId"/>.</summary>
    public Person EnrolSubject(Person coordinator, long userId, string alias, string languageCode = "ru")
    {
        var code = CodeIn(string.Join("\n", Say(coordinator, "/invite " + alias).Select(m => m.Text)));
        Say(userId, "/start " + code, languageCode);
        return World.Run(db => db.People.FindByTelegramUser(userId)) ?? throw new InvalidOperationException("Not enrolled.");
    }

    /// <summary><paramref name="from"/> writes <paramref name="text"/> (Telegram's date <paramref name="sentAt"/>, default now); returns what the bot sent because of it.</summary>
    public IReadOnlyList<Delivered> Say(Person from, string text, DateTimeOffset? sentAt = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Say(from.TelegramUserId, text, LanguageCode(from), sentAt);
    }

    /// <summary>Telegram user <paramref name="userId"/> writes <paramref name="text"/> in a private chat; returns what the bot sent because of it.</summary>
    public IReadOnlyList<Delivered> Say(long userId, string text, string languageCode = "en", DateTimeOffset? sentAt = null) =>
        Send(new Update { Message = Message(userId, languageCode, sentAt, m => m.Text = text) });

    /// <summary>The text of the only message the bot sent because <paramref name="from"/> wrote <paramref name="text"/>, which must be to them.</summary>
    public string Reply(Person from, string text, DateTimeOffset? sentAt = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        var reply = Assert.Single(Say(from, text, sentAt));
        Assert.Equal(from.ChatId, reply.ChatId);
        return reply.Text;
    }

    /// <summary>The text of the only message the bot sent to <paramref name="from"/>'s own chat because they wrote <paramref name="text"/>; others (their coordinators) may have been told too.</summary>
    public string OwnReply(Person from, string text, DateTimeOffset? sentAt = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        return Assert.Single(Say(from, text, sentAt), m => m.ChatId == from.ChatId).Text;
    }

    /// <summary>Handles <paramref name="update"/> (its id is set here) as one unit of work; returns what the bot sent because of it.</summary>
    public IReadOnlyList<Delivered> Send(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Id = ++_nextUpdateId;
        var now = Now;
        var draft = Strangers.Begin(now);
        LastHandled = World.Run(db => Router.Handle(db, update, now, draft));
        Strangers.Apply(draft);
        return DeliverAll();
    }

    /// <summary>Moves the clock by <paramref name="by"/> and runs the deadline monitor's step for every subject; returns what the bot sent.</summary>
    public IReadOnlyList<Delivered> Tick(TimeSpan by)
    {
        World.Time.Advance(by);
        foreach (var id in World.Run(db => db.People.All().Where(p => p.Role == Role.Subject).Select(p => p.Id).ToList()))
        {
            World.Run(db => DeadlineProcessor.Process(db, id, Now, World.Rules));
        }

        return DeliverAll();
    }

    /// <summary>Everything the bot sent to <paramref name="person"/> so far, oldest first.</summary>
    public IReadOnlyList<string> MessagesTo(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return MessagesTo(person.ChatId);
    }

    /// <summary>Everything the bot sent to chat <paramref name="chatId"/> so far, oldest first.</summary>
    public IReadOnlyList<string> MessagesTo(long chatId) => _transcripts.TryGetValue(chatId, out var list) ? list : [];

    /// <summary>A private-chat message from Telegram user <paramref name="userId"/>, shaped further by <paramref name="shape"/>.</summary>
    public Message Message(long userId, string languageCode, DateTimeOffset? sentAt, Action<Message> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var message = new Message
        {
            Id = _nextUpdateId + 1,
            Date = (sentAt ?? Now).UtcDateTime,
            Chat = new Chat { Id = userId, Type = ChatType.Private },
            From = new User { Id = userId, FirstName = "Someone", LanguageCode = languageCode },
        };
        shape(message);
        return message;
    }

    /// <summary>The language code <paramref name="person"/>'s Telegram sends.</summary>
    public static string LanguageCode(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Language.ToString().ToLowerInvariant();
    }

    /// <summary>The enrollment code in a text.</summary>
    public static string CodeIn(string text) => Code().Match(text).Value;

    private Person EnrolByAdmin(Role role, long userId, string name, string languageCode)
    {
        Say(userId, "/start " + AdminInvite(role, name), languageCode);
        return World.Run(db => db.People.FindByTelegramUser(userId)) ?? throw new InvalidOperationException("Not enrolled.");
    }

    private List<Delivered> DeliverAll()
    {
        var delivered = World.Deliver(Now).Select(s => new Delivered(s.Row.ChatId, s.Ready.Text, s)).ToList();
        foreach (var message in delivered)
        {
            if (!_transcripts.TryGetValue(message.ChatId, out var list))
            {
                _transcripts[message.ChatId] = list = [];
            }

            list.Add(message.Text);
        }

        return delivered;
    }

    [GeneratedRegex("[0-9A-Z]{20}")]
    private static partial Regex Code();

    /// <summary>A message the bot sent (or an edit it made) to a chat, with its words as sent.</summary>
    public sealed record Delivered(long ChatId, string Text, DomainWorld.Sent Sent);
}
