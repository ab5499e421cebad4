using System.Text.Json.Serialization;

namespace DistressBot.Domain;

/// <summary>What pressing an alert button asks for; <c>Telegram/CallbackData</c> turns it into callback data and back.</summary>
/// <param name="CaseId">The case the button belongs to ("C-0042").</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AcknowledgeCase), "acknowledge")]
[JsonDerivedType(typeof(ResolveCase), "resolve")]
[JsonDerivedType(typeof(ChooseOutcome), "outcome")]
public abstract record CaseButton(string CaseId);

/// <summary>"I take it": acknowledge the case.</summary>
/// <param name="CaseId">The case.</param>
public sealed record AcknowledgeCase(string CaseId) : CaseButton(CaseId);

/// <summary>"Close": ask which outcome, with one <see cref="ChooseOutcome"/> button per offered outcome.</summary>
/// <param name="CaseId">The case.</param>
public sealed record ResolveCase(string CaseId) : CaseButton(CaseId);

/// <summary>Close the case with this outcome; only <see cref="Offered"/> outcomes are ever buttons.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Outcome">One of <see cref="Offered"/>.</param>
public sealed record ChooseOutcome(string CaseId, CaseOutcome Outcome) : CaseButton(CaseId)
{
    /// <summary>The outcomes offered as buttons, in button order; "other" needs a note, so only /resolve … other gives it.</summary>
    public static IReadOnlyList<CaseOutcome> Offered { get; } =
        [CaseOutcome.Safe, CaseOutcome.Detained, CaseOutcome.Missing, CaseOutcome.Hospitalised];

    /// <summary>Whether <paramref name="outcome"/> is one of <see cref="Offered"/>.</summary>
    public static bool IsOffered(CaseOutcome outcome) => Offered.Contains(outcome);
}
