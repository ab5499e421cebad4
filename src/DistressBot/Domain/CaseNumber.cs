namespace DistressBot.Domain;

/// <summary>Case numbers as the bot makes them (<see cref="CaseStore.NewId"/>): "C-" and four digits, or more digits without a leading zero.</summary>
public static class CaseNumber
{
    /// <summary>The longest case number: "C-" and a 19-digit sequence (a <see cref="long"/>).</summary>
    public const int MaxLength = 21;

    /// <summary>Whether <paramref name="id"/> is a case number exactly as the bot makes them (upper-case "C-").</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length < 6 || id.Length > MaxLength || !id.StartsWith("C-", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(2);
        return !digits.ContainsAnyExceptInRange('0', '9') && (digits.Length == 4 || digits[0] != '0');
    }
}
