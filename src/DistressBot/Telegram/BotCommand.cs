namespace DistressBot.Telegram;

/// <summary>A parsed "/name@bot arguments" message.</summary>
/// <param name="Name">Command name, lower case, without the slash or bot suffix.</param>
/// <param name="Arguments">Everything after the name, trimmed.</param>
public sealed record BotCommand(string Name, string Arguments)
{
    /// <summary>Parses a command; null when the text is not one.</summary>
    public static BotCommand? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length > 4096)
        {
            return null;
        }

        var split = text.IndexOfAny([' ', '\n', '\t']);
        var head = split < 0 ? text[1..] : text[1..split];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }

        if (head.Length is 0 or > 32 || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        var arguments = split < 0 ? "" : text[(split + 1)..].Trim();
        return new BotCommand(head.ToLowerInvariant(), arguments);
    }
}
