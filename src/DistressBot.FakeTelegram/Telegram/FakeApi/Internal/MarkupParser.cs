using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace DistressBot.Telegram.FakeApi.Internal;

/// <summary>Reads a reply_markup argument into a <see cref="Markup"/>, with Telegram's error for one it cannot parse.</summary>
internal static class MarkupParser
{
    /// <summary>Parses the markup; null or absent means none.</summary>
    public static Markup Parse(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } element)
        {
            return json is null ? Markup.None : throw Invalid();
        }

        try
        {
            if (element.TryGetProperty("inline_keyboard", out _))
            {
                var inline = element.Deserialize<InlineKeyboardMarkup>(JsonBotAPI.Options) ?? throw Invalid();
                var rows = inline.InlineKeyboard
                    .Select(row => (IReadOnlyList<FakeInlineButton>)row.Select(b => new FakeInlineButton(b.Text, b.CallbackData)).ToList())
                    .ToList();
                return new Markup(inline, rows, [], false, JsonSerializer.Serialize(inline, JsonBotAPI.Options));
            }

            if (element.TryGetProperty("keyboard", out _))
            {
                var reply = element.Deserialize<ReplyKeyboardMarkup>(JsonBotAPI.Options) ?? throw Invalid();
                var rows = reply.Keyboard
                    .Select(row => (IReadOnlyList<string>)row.Select(b => b.Text).ToList())
                    .ToList();
                return new Markup(null, [], rows, false, JsonSerializer.Serialize(reply, JsonBotAPI.Options));
            }

            if (element.TryGetProperty("remove_keyboard", out _))
            {
                return new Markup(null, [], [], true, element.GetRawText());
            }

            if (element.TryGetProperty("force_reply", out _))
            {
                // Force-reply changes only the client's input box; nothing for a transcript to show.
                return Markup.None with { CanonicalJson = element.GetRawText() };
            }
        }
        catch (JsonException)
        {
            throw Invalid();
        }

        throw Invalid();
    }

    private static BotApiException Invalid() => BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
}
