using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Report;
using DistressBot.Localization;
using NSec.Cryptography;
using UglyToad.PdfPig;

namespace DistressBot.Tests.Evidence;

/// <summary>A full case as the report reads it (missed check-in, alerts, acknowledgement, notes in Russian, a check-in, resolution, reads and an export), signed for real, and the PDF's text read back with PdfPig.</summary>
internal static class ReportCase
{
    public const string CaseId = "C-0042";
    public const string Subject = "Марина";
    public const string UnknownKind = "witness_cosigned";

    public static readonly DateTimeOffset Opened = new(2026, 11, 30, 18, 30, 1, TimeSpan.Zero);

    public static readonly string LongNote = string.Join(' ', Enumerable.Range(1, 160).Select(i => $"наблюдение{i}")) + ".";

    public static List<CaseLogEntry> Entries()
    {
        var subject = new LogParty("subject", Subject);
        var anna = new LogParty("coordinator", "Анна");
        var boris = new LogParty("lawyer", "Борис");
        var bot = new LogParty("bot", null);
        var at = Opened;
        CaseLogEntry Entry(string kind, LogParty actor, TimeSpan after) => new()
        {
            CaseId = CaseId,
            Sequence = 0,
            Kind = kind,
            At = at + after,
            Actor = actor,
        };

        List<CaseLogEntry> entries =
        [
            Entry(CaseLogKinds.Opened, bot, TimeSpan.Zero) with
            {
                Person = subject,
                Content = "trigger=missed_checkin; last_checkin=2026-11-30T06:02:10.000Z; deadline=2026-11-30T18:00:00.000Z; grace_end=2026-11-30T18:30:00.000Z",
            },
            Entry(CaseLogKinds.AlertQueued, bot, TimeSpan.FromSeconds(1)) with { Person = anna, Content = "alarm" },
            Entry(CaseLogKinds.AlertDelivered, bot, TimeSpan.FromSeconds(3)) with
            {
                Person = anna,
                MessageId = 501,
                TelegramDate = Opened + TimeSpan.FromSeconds(2),
                Text = "🚨 C-0042: Марина не отметилась.\nПоследняя отметка: 30.11 09:02 UTC+3\nПропущен срок: 30.11 21:00 UTC+3 (запас до 21:30 UTC+3)",
            },
            Entry(CaseLogKinds.AlertFailed, bot, TimeSpan.FromSeconds(4)) with { Person = boris, Content = "Forbidden: bot was blocked by the user" },
            Entry(CaseLogKinds.Acknowledged, anna, TimeSpan.FromMinutes(7)),
            Entry(CaseLogKinds.Note, anna, TimeSpan.FromMinutes(25)) with
            {
                Content = "Звонила родственникам: телефон выключен с 20:10, дома её нет.",
                TelegramDate = Opened + TimeSpan.FromMinutes(25),
                MessageId = 640,
            },
            Entry(CaseLogKinds.Note, anna, TimeSpan.FromMinutes(52)) with { Content = LongNote },
            Entry(UnknownKind, bot, TimeSpan.FromMinutes(53)) with { Content = "cosigned by witness.example" },
            Entry(CaseLogKinds.CheckedIn, subject, TimeSpan.FromMinutes(95)) with { TelegramDate = Opened + TimeSpan.FromMinutes(94) },
            Entry(CaseLogKinds.Resolved, anna, TimeSpan.FromMinutes(101)) with { Content = "safe: нашлась у подруги, телефон разрядился" },
            Entry(CaseLogKinds.Read, boris, TimeSpan.FromMinutes(130)),
            Entry(CaseLogKinds.Exported, new LogParty("admin", null), TimeSpan.FromMinutes(131)),
        ];
        return Numbered(entries);
    }

    /// <summary>The text as the report shows it: a character its font lacks (the alarm's 🚨) is written out as its code point.</summary>
    public static string Shown(string? text) => (text ?? "").Replace("🚨", "[U+1F6A8]", StringComparison.Ordinal);

    public static List<CaseLogEntry> Numbered(IEnumerable<CaseLogEntry> entries) => [.. entries.Select((e, i) => e with { Sequence = i })];

    public static CaseReportInput Input(IReadOnlyList<CaseLogEntry> entries, Language language, string zone)
    {
        var tree = new MerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(entry.ToBytes());
        }

        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner("distressbot-1a2b3c4d", key);
        var checkpoint = new Checkpoint($"distressbot-1a2b3c4d/{CaseId}", tree.Size, tree.RootHash());
        return new CaseReportInput(
            entries,
            signer.Sign(checkpoint.ToText()),
            signer.VerifierKey,
            language,
            TimeZoneInfo.FindSystemTimeZoneById(zone),
            Opened + TimeSpan.FromHours(3));
    }

    /// <summary>Each page's text in drawing order, as PdfPig reads it.</summary>
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>The text without any whitespace: wrapping moves line ends, so texts are compared without them.</summary>
    public static string Squeeze(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
