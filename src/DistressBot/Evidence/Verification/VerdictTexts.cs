using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Evidence.Verification;

/// <summary>The words of `distressbot verify`, in Russian and English, with the same numbered placeholders in both.</summary>
/// <remarks>Reasons passed in from parsers (a malformed entry, a key, a note) are English in both languages.</remarks>
public static class VerdictTexts
{
    private static readonly Dictionary<VerdictTextId, (string Ru, string En)> Table = new()
    {
        [VerdictTextId.BundleNotFound] = (
            "{0} — не папка пакета и не файл .zip.",
            "{0} is neither a bundle folder nor a .zip file."),
        [VerdictTextId.ZipUnreadable] = (
            "{0} не читается как файл .zip ({1}).",
            "{0} does not read as a .zip file ({1})."),
        [VerdictTextId.UnsafePath] = (
            "В пакете есть файл с именем «{0}», которое ведёт за пределы пакета или не является простым относительным путём; такой пакет не принимается.",
            "The bundle holds a file named \"{0}\" that leads outside the bundle or is not a plain relative path; such a bundle is refused."),
        [VerdictTextId.DuplicateName] = (
            "В пакете два файла с именем «{0}» (имена, отличающиеся только регистром букв, считаются одинаковыми).",
            "The bundle holds two files named \"{0}\" (names that differ only in letter case count as the same)."),
        [VerdictTextId.TooManyFiles] = (
            "В пакете больше {0} файлов — больше, чем проверка читает; пакет не принят.",
            "The bundle holds more than {0} files, more than this check reads; it is refused."),
        [VerdictTextId.FileTooLarge] = (
            "Файл {0} больше {1} байт — больше, чем проверка читает для него; пакет не принят.",
            "{0} is larger than {1} bytes, the most this check reads for it; the bundle is refused."),
        [VerdictTextId.BundleTooLarge] = (
            "Файлы пакета вместе больше {0} байт — больше, чем проверка читает; пакет не принят.",
            "The bundle's files add up to more than {0} bytes, the most this check reads; it is refused."),
        [VerdictTextId.LinkRefused] = (
            "{0} — символическая ссылка; пакет должен состоять только из обычных файлов.",
            "{0} is a symbolic link; a bundle holds plain files only."),
        [VerdictTextId.FileMissing] = (
            "В пакете нет файла {0}.",
            "The bundle has no file {0}."),
        [VerdictTextId.FileUnreadable] = (
            "Файл {0} не читается ({1}).",
            "{0} could not be read ({1})."),
        [VerdictTextId.LogEmpty] = (
            "В log.jsonl нет ни одной записи.",
            "log.jsonl holds no entries."),
        [VerdictTextId.LogNoFinalNewline] = (
            "Последняя строка log.jsonl (строка {0}) не заканчивается переводом строки: файл обрезан или изменён.",
            "The last line of log.jsonl (line {0}) does not end in a newline: the file was cut short or changed."),
        [VerdictTextId.LineHasCarriageReturn] = (
            "Запись {0} (строка {1} в log.jsonl) содержит символ возврата каретки (CR): файл изменён после выгрузки (так делают редакторы Windows).",
            "Entry {0} (line {1} of log.jsonl) holds a carriage return (CR): the file was changed after export (Windows editors do this)."),
        [VerdictTextId.EntryMalformed] = (
            "Запись {0} (строка {1} в log.jsonl) изменена или не является записью журнала: {2}",
            "Entry {0} (line {1} of log.jsonl) was changed or is not a log entry: {2}"),
        [VerdictTextId.EntryOutOfPlace] = (
            "В строке {0} log.jsonl стоит запись {1}, а должна стоять запись {2}: запись удалена, добавлена или переставлена.",
            "Line {0} of log.jsonl holds entry {1} where entry {2} belongs: an entry was removed, added or moved."),
        [VerdictTextId.EntryOfAnotherCase] = (
            "Запись {0} (строка {1} в log.jsonl) относится к делу {2}, а не к делу {3}, как первая запись: она не из этого журнала.",
            "Entry {0} (line {1} of log.jsonl) belongs to case {2}, not to case {3} like the first entry: it does not belong to this log."),
        [VerdictTextId.VerifierKeyMalformed] = (
            "log.vkey не является ключом проверки: {0}",
            "log.vkey is not a verifier key: {0}"),
        [VerdictTextId.KeyNotPinned] = (
            "Пакет подписан ключом {0}, а не ключом, который вы указали ({1}): он не из журнала, которому вы доверяете, или ключ журнала был заменён.",
            "The bundle is signed with the key {0}, not with the key you pinned ({1}): it does not come from the log you trust, or the log's key was replaced."),
        [VerdictTextId.NoteMalformed] = (
            "{0} не является подписанной запиской (signed note): {1}",
            "{0} is not a signed note: {1}"),
        [VerdictTextId.NoteNotSignedByKey] = (
            "{0} не подписан ключом журнала {1} (подписи: {2}).",
            "{0} is not signed with the log's key {1} (signatures by: {2})."),
        [VerdictTextId.NoteSignatureInvalid] = (
            "Подпись ключа {1} в {0} не сходится: контрольная точка изменена после подписи.",
            "The signature by {1} in {0} does not verify: the checkpoint was changed after it was signed."),
        [VerdictTextId.CheckpointMalformed] = (
            "{0} подписан, но не является контрольной точкой: {1}",
            "{0} is signed but is not a checkpoint: {1}"),
        [VerdictTextId.CheckpointOfAnotherLog] = (
            "{0} относится к журналу «{1}», а не к журналу этого дела «{2}».",
            "{0} is for the log \"{1}\", not for this case's log \"{2}\"."),
        [VerdictTextId.CheckpointSizeDiffers] = (
            "Подписанная контрольная точка охватывает {0} записей, а в log.jsonl их {1}: записи добавлены или удалены после подписи.",
            "The signed checkpoint covers {0} entries, but log.jsonl holds {1}: entries were added or removed after it was signed."),
        [VerdictTextId.LogRootDiffers] = (
            "Журнал не совпадает с подписанной контрольной точкой: корень дерева, вычисленный по его {0} записям, отличается от подписанного. Запись изменена, переставлена или подменена после подписи.",
            "The log does not match the signed checkpoint: the root computed over its {0} entries differs from the signed one. An entry was changed, moved or replaced after the checkpoint was signed."),
        [VerdictTextId.LogRootDiffersAmong] = (
            "Журнал не совпадает с подписанной контрольной точкой: корень дерева, вычисленный по его {0} записям, отличается от подписанного. Первые {1} записей совпадают с более ранней контрольной точкой в {2}, значит, изменена одна из записей {1}–{3} (строки {4}–{5} в log.jsonl).",
            "The log does not match the signed checkpoint: the root computed over its {0} entries differs from the signed one. The first {1} entries still match the earlier checkpoint in {2}, so the change is among entries {1}–{3} (lines {4}–{5} of log.jsonl)."),
        [VerdictTextId.EntryChanged] = (
            "Запись {0} (строка {1} в log.jsonl) изменена или не из этого журнала: корень журнала не совпадает с подписанной контрольной точкой, записи до неё совпадают с более ранней контрольной точкой в {2}, а начиная с неё — нет.",
            "Entry {0} (line {1} of log.jsonl) was changed or does not belong to this log: the log's root does not match the signed checkpoint, the entries before it still match the earlier checkpoint in {2}, and from it on they do not."),
        [VerdictTextId.CheckpointBeyondLatest] = (
            "Контрольная точка в {0} охватывает {1} записей — больше, чем последняя ({2}): последняя контрольная точка пакета не последняя.",
            "The checkpoint in {0} covers {1} entries, more than the latest one ({2}): the bundle's latest checkpoint is not the latest."),
        [VerdictTextId.CheckpointNotPrefix] = (
            "Контрольная точка в {0} не совпадает с первыми {1} записями log.jsonl: журнал не является продолжением того, что было подписано и отправлено; одна из первых {1} записей изменена, удалена или переставлена после отправки.",
            "The checkpoint in {0} does not match the first {1} entries of log.jsonl: the log does not extend what was signed and sent; one of the first {1} entries was changed, removed or moved since it was sent."),
        [VerdictTextId.ProofMalformed] = (
            "{0}, строка {1}: не хеш SHA-256 в base64 с переводом строки.",
            "{0}, line {1}: not a base64 SHA-256 hash followed by a newline."),
        [VerdictTextId.ProofBroken] = (
            "Доказательство согласованности в {0} не доказывает, что контрольная точка размера {1} — начало последней (размера {2}).",
            "The consistency proof in {0} does not prove that the checkpoint of size {1} is a prefix of the latest one (size {2})."),
        [VerdictTextId.NotVerified] = (
            "ПРОВЕРКА НЕ ПРОЙДЕНА.\n{0}",
            "NOT VERIFIED.\n{0}"),
        [VerdictTextId.Verified] = (
            "ПРОВЕРКА ПРОЙДЕНА: журнал цел и подписан.\nДело: {0}\nЗаписей: {1} (последняя записана {2} UTC)\nКлюч журнала: {3} (идентификатор ключа {4})",
            "VERIFIED: the log is whole and signed.\nCase: {0}\nEntries: {1} (the last written {2} UTC)\nLog key: {3} (key id {4})"),
        [VerdictTextId.CheckpointsChecked] = (
            "Проверено более ранних контрольных точек: {0} ({1}); журнал продолжает каждую из них.",
            "Earlier checkpoints checked: {0} ({1}); the log extends each of them."),
        [VerdictTextId.NoCheckpointsChecked] = (
            "Более ранних контрольных точек в пакете нет.",
            "The bundle holds no earlier checkpoints."),
        [VerdictTextId.KeyMatchesPinned] = (
            "Ключ совпадает с ключом, который вы указали.",
            "The key is the one you pinned."),
        [VerdictTextId.KeyNotPinnedAdvice] = (
            "Ключ взят из самого пакета: сверьте его с ключом, полученным раньше от этого журнала, или запустите снова с --key:\n{0}",
            "The key was taken from the bundle itself: compare it with the key you received from this log earlier, or run again with --key:\n{0}"),
        [VerdictTextId.FilesNotChecked] = (
            "Не проверено этой версией ({0}): {1}",
            "Not checked by this version ({0}): {1}"),
    };

    /// <summary>Every id in the table (a test holds that this is every <see cref="VerdictTextId"/>).</summary>
    public static IEnumerable<VerdictTextId> Ids => Table.Keys;

    /// <summary>The template of <paramref name="id"/> in <paramref name="language"/>, with {0}-style placeholders; <see cref="KeyNotFoundException"/> for an id without words.</summary>
    public static string Template(VerdictTextId id, Language language) =>
        language == Language.Ru ? Table[id].Ru : Table[id].En;

    /// <summary>The sentence of <paramref name="id"/> in <paramref name="language"/> with <paramref name="args"/> in its placeholders.</summary>
    public static string Format(VerdictTextId id, Language language, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return string.Format(CultureInfo.InvariantCulture, Template(id, language), [.. args]);
    }
}
