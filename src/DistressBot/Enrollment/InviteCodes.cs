using System.Security.Cryptography;
using System.Text;

namespace DistressBot.Enrollment;

/// <summary>One-time enrollment codes: 20 Crockford base32 characters, 100 random bits, easy to read aloud.</summary>
public static class InviteCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Characters in a code.</summary>
    public const int Length = 20;

    /// <summary>A new random code.</summary>
    public static string NewCode()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[random[i] & 31];
        }

        CryptographicOperations.ZeroMemory(random);
        return new string(chars);
    }

    /// <summary>The canonical form of what a person typed (case, dashes, spaces and look-alike letters forgiven), or null if it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in typed)
        {
            if (raw is '-' or ' ' or '_')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}
