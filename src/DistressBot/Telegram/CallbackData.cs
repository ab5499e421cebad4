using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DistressBot.Domain;

namespace DistressBot.Telegram;

/// <summary>The one codec for inline-button callback data: encodes the bot's own case buttons and decodes exactly those shapes back, nothing else.</summary>
/// <remarks>
/// Wire forms: <c>ack:C-0042</c>, <c>res:C-0042</c>, <c>out:C-0042:Safe</c> (an offered outcome by its enum name). Anyone can send
/// any callback data to a bot, so decoding accepts only what <see cref="Encode"/> can produce: printable ASCII, at most
/// <see cref="MaxBytes"/> bytes, a case number as the bot makes them, an outcome the bot offers as a button.
/// </remarks>
public static class CallbackData
{
    /// <summary>Telegram's limit on callback data, in bytes.</summary>
    public const int MaxBytes = 64;

    /// <summary>How many characters of refused data a log line may show.</summary>
    private const int LogPrefixLength = 12;

    /// <summary>
    /// Rows of (label, callback data) for an inline keyboard; empty when there is nothing to offer. A button with no action (an
    /// outbox row queued by a version that kept buttons as bare strings reads back so) is left off, so the message itself
    /// still goes; its reader can still use /ack and /resolve.
    /// </summary>
    /// <exception cref="ArgumentException">A button's case id or outcome is not one the bot offers (see <see cref="Encode"/>).</exception>
    public static IReadOnlyList<IReadOnlyList<(string Text, string Data)>> Keyboard(IEnumerable<IEnumerable<InlineButton>>? rows) =>
        rows is null
            ? []
            : [.. rows
                .Select(row => (IReadOnlyList<(string, string)>)[.. row.Where(b => (CaseButton?)b.Action is not null).Select(b => (b.Text, Encode(b.Action)))])
                .Where(row => row.Count > 0)];

    /// <summary>The callback data for <paramref name="button"/>: at most <see cref="MaxBytes"/> ASCII bytes.</summary>
    /// <exception cref="ArgumentException">The case id is not one the bot makes, or the outcome is not offered as a button.</exception>
    public static string Encode(CaseButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (!IsCaseId(button.CaseId))
        {
            throw new ArgumentException($"'{button.CaseId}' is not a case number the bot makes (C-0042).", nameof(button));
        }

        return button switch
        {
            AcknowledgeCase => "ack:" + button.CaseId,
            ResolveCase => "res:" + button.CaseId,
            ChooseOutcome { Outcome: var outcome } when ChooseOutcome.IsOffered(outcome) => $"out:{button.CaseId}:{outcome}",
            _ => throw new ArgumentException($"{button} is not a button the bot offers.", nameof(button)),
        };
    }

    /// <summary>The button <paramref name="data"/> stands for; false for anything <see cref="Encode"/> would not produce.</summary>
    public static bool TryDecode(string? data, [NotNullWhen(true)] out CaseButton? button)
    {
        button = null;
        if (string.IsNullOrEmpty(data) || data.Length > MaxBytes || !data.All(IsPrintableAscii))
        {
            return false;
        }

        button = data.Split(':') switch
        {
            ["ack", var id] when IsCaseId(id) => new AcknowledgeCase(id),
            ["res", var id] when IsCaseId(id) => new ResolveCase(id),
            ["out", var id, var name] when IsCaseId(id) && TryOfferedOutcome(name, out var outcome) => new ChooseOutcome(id, outcome),
            _ => null,
        };
        return button is not null;
    }

    /// <summary>Whether <paramref name="id"/> is a case number exactly as the bot makes them (<see cref="CaseNumber"/>).</summary>
    public static bool IsCaseId(string? id) => CaseNumber.IsValid(id);

    /// <summary>Refused data as a log may show it: its first characters with anything but printable ASCII replaced, and its length.</summary>
    public static string ForLog(string? data)
    {
        if (data is null)
        {
            return "(none)";
        }

        var shown = new string([.. data.Take(LogPrefixLength).Select(c => IsPrintableAscii(c) ? c : '?')]);
        return string.Create(CultureInfo.InvariantCulture, $"\"{shown}{(data.Length > LogPrefixLength ? "…" : "")}\" ({data.Length} chars)");
    }

    private static bool TryOfferedOutcome(string name, out CaseOutcome outcome)
    {
        foreach (var offered in ChooseOutcome.Offered)
        {
            if (string.Equals(offered.ToString(), name, StringComparison.Ordinal))
            {
                outcome = offered;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';
}
