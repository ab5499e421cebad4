namespace DistressBot.Evidence;

/// <summary>Standard base64 (RFC 4648 §4) read strictly: padded, no whitespace, and canonical (it re-encodes to the same text).</summary>
internal static class Base64
{
    /// <summary>The decoded bytes, or null when <paramref name="text"/> is not strict canonical base64.</summary>
    public static byte[]? Decode(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return null;
            }
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }

        return Convert.ToBase64String(bytes) == text ? bytes : null;
    }
}
