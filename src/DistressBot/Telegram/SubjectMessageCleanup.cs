using DistressBot.Domain;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram;

/// <summary>Translates a handled Telegram message into <see cref="ChatCleanup.SubjectMessage"/>: its chat, id and date.</summary>
public static class SubjectMessageCleanup
{
    /// <summary>
    /// Queues the deletion of <paramref name="message"/> once handled, when its sender is (now) an enrolled subject and the settings
    /// ask for it, or at once whatever the settings when it <paramref name="carriesPin"/>; a live location stays, or it would stop.
    /// </summary>
    public static void Handled(DataSession db, Message message, DateTimeOffset now, ChatCleaning rules, bool carriesPin = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Chat.Type != ChatType.Private
            || message.From is not { IsBot: false } from
            || message.Location is { LivePeriod: > 0 }
            || db.People.FindByTelegramUser(from.Id) is not { } sender)
        {
            return;
        }

        var sentAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
        ChatCleanup.SubjectMessage(db, sender, message.Chat.Id, message.Id, sentAt, now, rules, carriesPin);
    }
}
