using System.Text.RegularExpressions;

namespace DistressBot.Tests.Localization;

/// <summary>
/// Words whoever holds a subject's phone must not read. <see cref="InAnyWording"/>: never in a subject's chat (a case, a
/// coordinator, a lawyer, an alarm, an escalation, a duress). <see cref="UnderCover"/>: also nothing of check-ins, safety or SOS.
/// Stems, in Russian and English; a case is matched as a whole word ("дело", "дела", never "сделать").
/// </summary>
public static partial class ForbiddenWords
{
    /// <summary>The forbidden words found in <paramref name="text"/> for any subject.</summary>
    public static IReadOnlyList<string> InAnyWording(string text) => [.. Always().Matches(text).Select(m => m.Value)];

    /// <summary>The forbidden words found in <paramref name="text"/> under cover wording.</summary>
    public static IReadOnlyList<string> UnderCover(string text) => [.. Always().Matches(text).Concat(Cover().Matches(text)).Select(m => m.Value)];

    [GeneratedRegex(@"coordinat|lawyer|alarm|alert|escalat|duress|coerc|\bcases?\b|\bC-\d+|координатор|адвокат|юрист|тревог|эскалац|принужд|\bдел(о|а|у|ом|е|ам|ами|ах)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Always();

    [GeneratedRegex(@"check[\s-]?in|\bsafe|safety|\bsos\b|emergenc|danger|отмет|безопас|помощ|срочн|опасн", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cover();
}
