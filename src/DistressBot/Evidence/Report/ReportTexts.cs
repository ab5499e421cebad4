using System.Collections.Frozen;
using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Evidence.Report;

/// <summary>
/// The words of report.pdf in Russian and English, each with the same <c>{n}</c> placeholders; kinds, roles and
/// triggers the report does not know are shown as their raw word, never dropped.
/// </summary>
public static class ReportTexts
{
    private static readonly FrozenDictionary<ReportText, (string Ru, string En)> Texts = new Dictionary<ReportText, (string Ru, string En)>
    {
        [ReportText.Title] = ("Отчёт по делу {0}", "Case report {0}"),
        [ReportText.Subtitle] = (
            "Составлен {0} из журнала дела ({1} записей), чья контрольная точка подписана ключом журнала DistressBot. Сам отчёт не подписан: доказательство — файлы журнала (см. «Как проверить»).",
            "Made {0} from the case log ({1} entries), whose checkpoint is signed with the DistressBot log key. This report itself is not signed: the proof is the log's files (see How to verify)."),
        [ReportText.SummaryHeading] = ("Сводка", "Summary"),
        [ReportText.SummaryCase] = ("Дело", "Case"),
        [ReportText.SummarySubject] = ("Подопечный", "Subject"),
        [ReportText.SummaryTrigger] = ("Причина", "Trigger"),
        [ReportText.SummaryOpened] = ("Открыто", "Opened"),
        [ReportText.SummaryLastCheckin] = ("Последняя отметка", "Last check-in"),
        [ReportText.SummaryDeadline] = ("Срок отметки", "Check-in deadline"),
        [ReportText.SummaryGraceEnd] = ("Конец запаса (тревога)", "Grace end (alarm)"),
        [ReportText.SummaryDetail] = ("Подробности", "Detail"),
        [ReportText.SummaryAcknowledged] = ("Взял(а) дело", "Acknowledged"),
        [ReportText.SummaryOutcome] = ("Итог", "Outcome"),
        [ReportText.None] = ("нет", "none"),
        [ReportText.NotAcknowledged] = ("никто не взял дело", "nobody acknowledged the case"),
        [ReportText.StillOpen] = ("дело не закрыто на момент отчёта", "the case was still open when the report was made"),
        [ReportText.ByWhen] = ("{0}, {1}", "{0}, {1}"),
        [ReportText.OutcomeByWhen] = ("{0} ({1}, {2})", "{0} ({1}, {2})"),
        [ReportText.ChartHeading] = ("Хронология на одной оси времени", "Timeline on one time axis"),
        [ReportText.ChartNote] = (
            "Номера над осью отсылают к списку под ней; время — в часовом поясе {0}.",
            "The numbers above the axis refer to the list below it; times are in the {0} time zone."),
        [ReportText.MarkLastCheckin] = ("последняя отметка до дела", "last check-in before the case"),
        [ReportText.MarkDeadline] = ("срок отметки", "check-in deadline"),
        [ReportText.MarkGraceEnd] = ("конец запаса, тревога", "grace end, alarm"),
        [ReportText.MarkOpened] = ("дело открыто", "case opened"),
        [ReportText.MarkCheckin] = ("отметка", "check-in"),
        [ReportText.MarkAcknowledged] = ("дело взято", "acknowledged"),
        [ReportText.MarkResolved] = ("дело закрыто", "resolved"),
        [ReportText.TimelineHeading] = ("Журнал: все записи", "Log: every entry"),
        [ReportText.TimelineNote] = (
            "Время сервера — в часовом поясе {0} со смещением от UTC; «Telegram» — дата сообщения по часам Telegram. Хеш — SHA-256 листа RFC 6962 (0x00 ‖ байты записи), в шестнадцатеричной записи.",
            "Server time in the {0} time zone with its UTC offset; “Telegram” is the message's date by Telegram's clock. The hash is the RFC 6962 leaf hash, SHA-256(0x00 ‖ entry bytes), in hex."),
        [ReportText.ColumnSeq] = ("№", "Seq"),
        [ReportText.ColumnTime] = ("Время", "Time"),
        [ReportText.ColumnWhat] = ("Событие", "What happened"),
        [ReportText.ColumnWho] = ("Кто", "Who"),
        [ReportText.ColumnContent] = ("Содержание", "Content"),
        [ReportText.ColumnHash] = ("Хеш листа", "Leaf hash"),
        [ReportText.TelegramDate] = ("Telegram: {0}", "Telegram: {0}"),
        [ReportText.PersonPrefix] = ("→ {0}", "→ {0}"),
        [ReportText.TextPrefix] = ("Текст: {0}", "Text: {0}"),
        [ReportText.MessageIdPrefix] = ("id сообщения: {0}", "message id: {0}"),
        [ReportText.Continued] = ("{0} (продолжение)", "{0} (continued)"),
        [ReportText.CheckpointHeading] = ("Подписанная контрольная точка", "Signed checkpoint"),
        [ReportText.CheckpointNote] = (
            "Контрольная точка (C2SP tlog-checkpoint) называет журнал, число записей и корень дерева Меркла RFC 6962 над ними; подпись Ed25519 ключом журнала стоит в последней строке.",
            "The checkpoint (C2SP tlog-checkpoint) names the log, the number of entries and the RFC 6962 Merkle tree root over them; the last line is the Ed25519 signature by the log key."),
        [ReportText.VerifierKeyHeading] = ("Ключ проверки", "Verifier key"),
        [ReportText.VerifierKeyNote] = (
            "Открытый ключ журнала в форме signed-note: имя+id ключа+base64(0x01 ‖ открытый ключ). Сравните его с ключом, полученным ранее от того, кто ведёт бот.",
            "The log's public key in signed-note form: name+key id+base64(0x01 ‖ public key). Compare it with the key you received earlier from whoever runs the bot."),
        [ReportText.HowToVerifyHeading] = ("Как проверить", "How to verify"),
        [ReportText.HowToVerify] = (
            "Этот отчёт — лишь прочтение журнала; доказательство — сами файлы пакета (log.jsonl, checkpoint, log.vkey, checkpoints/). Проверка без сети: distressbot verify <пакет> (папка или .zip) проверяет каждую запись, корень дерева, подпись контрольной точки и доказательства согласованности. Вручную, обычными средствами (sha256sum, base64, openssl): см. README.txt в пакете. Хеш каждой записи в таблице выше должен совпасть с SHA-256 от байта 0x00 и строки записи в log.jsonl.",
            "This report is only a reading of the log; the proof is the bundle's files (log.jsonl, checkpoint, log.vkey, checkpoints/). To check offline: distressbot verify <bundle> (a folder or .zip) checks every entry, the tree root, the checkpoint's signature and the consistency proofs. By hand with common tools (sha256sum, base64, openssl): see README.txt in the bundle. Each entry's hash in the table above must equal SHA-256 of the byte 0x00 followed by that entry's line of log.jsonl."),
        [ReportText.Footer] = ("Дело {0} · страница {1} из {2}", "Case {0} · page {1} of {2}"),
        [ReportText.RoleSubject] = ("подопечный", "subject"),
        [ReportText.RoleCoordinator] = ("координатор", "coordinator"),
        [ReportText.RoleLawyer] = ("юрист", "lawyer"),
        [ReportText.RoleAdmin] = ("администратор", "admin"),
        [ReportText.RoleBot] = ("бот", "bot"),
        [ReportText.RoleUnknown] = ("неизвестный (уже не подключён)", "unknown (no longer enrolled)"),
        [ReportText.RedactedNote] = (
            "В этом пакете скрыто записей: {0} (виды: {1}). Их содержание, время и участники не показаны ни здесь, ни в log.jsonl; в строке журнала остались только номер, вид и хеш листа полной записи, поэтому пакет сверяется с той же подписанной контрольной точкой, что и полный.",
            "{0} entries are redacted in this bundle (kinds: {1}). Their content, time and parties are shown neither here nor in log.jsonl; their line keeps only the seq, the kind and the full entry's leaf hash, so the bundle checks against the same signed checkpoint as the full one."),
        [ReportText.RedactedContent] = ("скрыто при выгрузке ({0})", "redacted at export ({0})"),
        [ReportText.Redacted] = ("скрыто", "redacted"),
        [ReportText.TriggerMissedCheckin] = ("пропущена отметка", "missed check-in"),
        [ReportText.TriggerSos] = ("SOS от подопечного", "SOS from the subject"),
        [ReportText.TriggerMissingReport] = ("сообщение о пропаже", "missing-person report"),
        [ReportText.TriggerSubjectUnreachable] = ("подопечный недоступен в Telegram", "subject unreachable on Telegram"),
        [ReportText.TriggerDrill] = ("учебная тревога", "drill"),
        [ReportText.TriggerDuress] = ("код под принуждением", "duress PIN"),
        [ReportText.KindOpened] = ("дело открыто", "case opened"),
        [ReportText.KindJoined] = ("новая тревога в том же деле", "another alarm joined the case"),
        [ReportText.KindAlertQueued] = ("тревога поставлена в очередь", "alert queued"),
        [ReportText.KindAlertDelivered] = ("тревога доставлена", "alert delivered"),
        [ReportText.KindAlertFailed] = ("тревогу доставить не удалось", "alert failed"),
        [ReportText.KindCheckedIn] = ("подопечный отметился", "subject checked in"),
        [ReportText.KindEscalated] = ("уровень 2: резервные координаторы и юристы", "escalated to level 2"),
        [ReportText.KindRepeated] = ("тревога повторена", "alert repeated"),
        [ReportText.KindAcknowledged] = ("дело взято", "case acknowledged"),
        [ReportText.KindAcknowledgedReminder] = ("напоминание взявшему дело", "reminder to whoever acknowledged"),
        [ReportText.KindNote] = ("заметка", "note added"),
        [ReportText.KindLocation] = ("местоположение", "location shared"),
        [ReportText.KindResolved] = ("дело закрыто", "case resolved"),
        [ReportText.KindRecipientUnreachable] = ("получатель недоступен", "recipient unreachable"),
        [ReportText.KindOutage] = ("бот или связь с Telegram не работали", "bot or Telegram link down"),
        [ReportText.KindAlertDropped] = ("тревога не отправлена: дело закрыто", "alert dropped: case resolved"),
        [ReportText.KindAlertMerged] = ("тревога объединена с ожидавшей", "alert merged into a waiting one"),
        [ReportText.KindRead] = ("дело прочитано", "case read"),
        [ReportText.KindExported] = ("дело выгружено", "case exported"),
        [ReportText.KindAccessRefused] = ("в доступе к делу отказано", "access refused"),
        [ReportText.KindReleased] = ("дело снято с удержания", "released from legal hold"),
        [ReportText.OutcomeSafe] = ("в безопасности", "safe"),
        [ReportText.OutcomeDetained] = ("задержан(а)", "detained"),
        [ReportText.OutcomeMissing] = ("пропал(а) без вести", "missing"),
        [ReportText.OutcomeHospitalised] = ("в больнице", "in hospital"),
        [ReportText.OutcomeOther] = ("другое", "other"),
        [ReportText.KindFact] = ("сведения для обращений", "fact for the drafts"),
        [ReportText.KindDraft] = ("составлен черновик обращения", "draft filing made"),
        [ReportText.KindEvidence] = ("получен файл-доказательство", "evidence file received"),
        [ReportText.EvidenceHeading] = ("Файлы-доказательства", "Evidence files"),
        [ReportText.EvidenceNote] = (
            "Каждый файл лежит в пакете как evidence/<SHA-256>; его имя, размер и SHA-256 записаны в журнал при получении и покрыты подписью. distressbot verify сверяет каждый файл с его записью.",
            "Each file is in the bundle as evidence/<SHA-256>; its name, size and SHA-256 were written into the log when it was received and are covered by the signature. distressbot verify checks each file against its entry."),
        [ReportText.EvidenceFile] = ("{0} — {1} байт — запись {2}, прислал(а) {3}", "{0} — {1} bytes — entry {2}, sent by {3}"),
        [ReportText.KindRevoked] = ("удалён(а) из бота администратором", "removed from the bot by the admin"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ReportText> Kinds = new Dictionary<string, ReportText>(StringComparer.Ordinal)
    {
        [CaseLogKinds.Opened] = ReportText.KindOpened,
        [CaseLogKinds.Joined] = ReportText.KindJoined,
        [CaseLogKinds.AlertQueued] = ReportText.KindAlertQueued,
        [CaseLogKinds.AlertDelivered] = ReportText.KindAlertDelivered,
        [CaseLogKinds.AlertFailed] = ReportText.KindAlertFailed,
        [CaseLogKinds.CheckedIn] = ReportText.KindCheckedIn,
        [CaseLogKinds.Escalated] = ReportText.KindEscalated,
        [CaseLogKinds.Repeated] = ReportText.KindRepeated,
        [CaseLogKinds.Acknowledged] = ReportText.KindAcknowledged,
        [CaseLogKinds.AcknowledgedReminder] = ReportText.KindAcknowledgedReminder,
        [CaseLogKinds.Note] = ReportText.KindNote,
        [CaseLogKinds.Location] = ReportText.KindLocation,
        [CaseLogKinds.Resolved] = ReportText.KindResolved,
        [CaseLogKinds.RecipientUnreachable] = ReportText.KindRecipientUnreachable,
        [CaseLogKinds.Outage] = ReportText.KindOutage,
        [CaseLogKinds.AlertDropped] = ReportText.KindAlertDropped,
        [CaseLogKinds.AlertMerged] = ReportText.KindAlertMerged,
        [CaseLogKinds.Read] = ReportText.KindRead,
        [CaseLogKinds.Exported] = ReportText.KindExported,
        [CaseLogKinds.AccessRefused] = ReportText.KindAccessRefused,
        [CaseLogKinds.Fact] = ReportText.KindFact,
        [CaseLogKinds.Draft] = ReportText.KindDraft,
        [CaseLogKinds.Released] = ReportText.KindReleased,
        [CaseLogKinds.Evidence] = ReportText.KindEvidence,
        [CaseLogKinds.Revoked] = ReportText.KindRevoked,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ReportText> Roles = new Dictionary<string, ReportText>(StringComparer.Ordinal)
    {
        ["subject"] = ReportText.RoleSubject,
        ["coordinator"] = ReportText.RoleCoordinator,
        ["lawyer"] = ReportText.RoleLawyer,
        ["admin"] = ReportText.RoleAdmin,
        ["bot"] = ReportText.RoleBot,
        ["unknown"] = ReportText.RoleUnknown,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ReportText> Triggers = new Dictionary<string, ReportText>(StringComparer.Ordinal)
    {
        ["missed_checkin"] = ReportText.TriggerMissedCheckin,
        ["sos"] = ReportText.TriggerSos,
        ["missing_report"] = ReportText.TriggerMissingReport,
        ["subject_unreachable"] = ReportText.TriggerSubjectUnreachable,
        ["drill"] = ReportText.TriggerDrill,
        ["duress"] = ReportText.TriggerDuress,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The text with its <c>{n}</c> placeholders in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id has no text (a test keeps every id in the table).</exception>
    public static string Template(ReportText id, Language language) =>
        Texts.TryGetValue(id, out var text)
            ? language == Language.Ru ? text.Ru : text.En
            : throw new ArgumentOutOfRangeException(nameof(id), id, "The report has no text for this id.");

    /// <summary>The text with its placeholders filled (invariant culture: numbers and times arrive already worded).</summary>
    public static string Format(ReportText id, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Template(id, language), args);

    /// <summary>What an entry's kind means in <paramref name="language"/>; a kind this build does not know is its raw word.</summary>
    public static string Kind(string kind, Language language) =>
        Kinds.TryGetValue(kind, out var id) ? Template(id, language) : kind;

    /// <summary>A role ("coordinator") in <paramref name="language"/>; an unknown role is its raw word.</summary>
    public static string Role(string role, Language language) =>
        Roles.TryGetValue(role, out var id) ? Template(id, language) : role;

    /// <summary>What opened a case ("missed_checkin") in <paramref name="language"/>; an unknown trigger is its raw word.</summary>
    public static string Trigger(string trigger, Language language) =>
        Triggers.TryGetValue(trigger, out var id) ? Template(id, language) : trigger;

    // The outcome words a `resolved` entry's content starts with (Domain's CaseOutcome names).
    private static readonly FrozenDictionary<string, ReportText> Outcomes = new Dictionary<string, ReportText>(StringComparer.Ordinal)
    {
        ["Safe"] = ReportText.OutcomeSafe,
        ["Detained"] = ReportText.OutcomeDetained,
        ["Missing"] = ReportText.OutcomeMissing,
        ["Hospitalised"] = ReportText.OutcomeHospitalised,
        ["Other"] = ReportText.OutcomeOther,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A `resolved` entry's content ("Detained: в ОВД") with its outcome word in <paramref name="language"/> ("задержан(а): в ОВД"); content of another shape is returned as it is.</summary>
    public static string Outcome(string content, Language language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var colon = content.IndexOf(": ", StringComparison.Ordinal);
        var word = colon < 0 ? content : content[..colon];
        return Outcomes.TryGetValue(word, out var id) ? Template(id, language) + content[word.Length..] : content;
    }

    /// <summary>Every kind word the report words (the rest are shown raw).</summary>
    public static IEnumerable<string> KnownKinds => Kinds.Keys;
}
