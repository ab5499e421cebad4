namespace DistressBot.Storage;

/// <summary>Checks the names callers give to collections and counters before any backend sees them.</summary>
public static class CollectionName
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the name is a letter followed by letters, digits or underscores.</summary>
    /// <remarks>Names starting with an underscore are refused because backends keep their own bookkeeping there.</remarks>
    public static void Validate(string? name, string parameterName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"collection name '{name}' is invalid: use a letter, then letters, digits or underscores",
                parameterName);
        }
    }

    /// <summary>True when the name is a letter followed by letters, digits or underscores.</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
