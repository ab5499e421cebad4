using System.Text;

namespace DistressBot.Evidence;

/// <summary>The character rules of C2SP signed-note v1.0.0 ("Format"): texts, key names and the limits we apply.</summary>
internal static class NoteText
{
    /// <summary>Most signature lines a note may carry; the spec asks verifiers to accept at least 16.</summary>
    public const int MaxSignatures = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when <paramref name="text"/> is well-formed (encodes to UTF-8, no control character but newline); else why not.</summary>
    public static string? CharacterProblem(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            return "it is not well-formed UTF-8";
        }

        foreach (var c in text)
        {
            if (c < 0x20 && c != '\n')
            {
                return $"it holds the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is a key name: non-empty, no Unicode space, no plus, no control character.</summary>
    public static bool IsKeyName(string name)
    {
        if (name.Length == 0 || CharacterProblem(name) is not null)
        {
            return false;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value == '+' || Rune.IsControl(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The UTF-8 bytes of a text already checked by <see cref="CharacterProblem"/>.</summary>
    public static byte[] Utf8(string text) => StrictUtf8.GetBytes(text);
}
