using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>The entities Telegram attaches to a person's text: a bot_command entity for a leading "/command".</summary>
internal static class CommandEntities
{
    /// <summary>Entities for the text, or null when there are none (Telegram then omits the field).</summary>
    public static MessageEntity[]? For(string text)
    {
        if (text.Length < 2 || text[0] != '/' || char.IsWhiteSpace(text[1]))
        {
            return null;
        }

        // The entity spans "/command" or "/command@botname", up to the first whitespace; lengths are UTF-16 units, as in .NET.
        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end }];
    }
}
