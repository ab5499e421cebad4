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
            "Запись {0} (строка {1} в log.jsonl) изменена или не является записью журнала (подробность, по-английски: {2})",
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
            "Не проверено (файлы вне состава пакета) ({0}): {1}",
            "Not checked (files outside the bundle's layout) ({0}): {1}"),
        [VerdictTextId.WitnessKeyMalformed] = (
            "{0} не является ключом свидетеля (witness): {1}",
            "{0} is not a witness verifier key: {1}"),
        [VerdictTextId.WitnessKeyNotPinned] = (
            "{0} — ключ свидетеля {1}, а не ключ свидетеля, который вы указали ({2}): подписи в этой папке не от свидетеля, которому вы доверяете.",
            "{0} is the witness key {1}, not the witness key you pinned ({2}): the cosignatures in this folder are not by the witness you trust."),
        [VerdictTextId.CosignaturesWithoutWitnessKey] = (
            "{0}: есть подписи свидетеля (cosignatures), но нет witness.vkey, и ключ свидетеля не указан (--witness-key): проверить их нечем.",
            "{0}: the folder holds witness cosignatures but no witness.vkey, and no --witness-key was given: there is no key to check them with."),
        [VerdictTextId.CosignaturesMalformed] = (
            "{0} не является списком подписей свидетеля: {1}",
            "{0} is not a list of witness cosignatures: {1}"),
        [VerdictTextId.CosignatureByOtherWitness] = (
            "{0}: нет подписи свидетеля {1} (подписи: {2}).",
            "{0}: there is no cosignature by the witness {1} (cosignatures by: {2})."),
        [VerdictTextId.CosignatureInvalid] = (
            "{0}: подпись свидетеля {1} не сходится: контрольная точка или подпись изменены после того, как свидетель подписал.",
            "{0}: the witness cosignature by {1} does not verify: the checkpoint or the cosignature was changed after the witness signed."),
        [VerdictTextId.TimestampInvalid] = (
            "{0}: метка времени (timestamp.tsr) не подтверждает время этой контрольной точки: {1}",
            "{0}: the timestamp token (timestamp.tsr) does not prove this checkpoint's time: {1}"),
        [VerdictTextId.KeptNotACheckpoint] = (
            "В сохранённой вами контрольной точке ({0}) нет подписанной контрольной точки (она начинается строкой «{1}», затем размер, корень, пустая строка и подпись).",
            "The checkpoint you kept ({0}) holds no signed checkpoint (one starts with the line \"{1}\", then the size, the root, a blank line and the signature)."),
        [VerdictTextId.KeptNotSignedByKey] = (
            "Сохранённая вами контрольная точка ({0}) не подписана ключом журнала {1} (подписи: {2}): она не из этого журнала, или пакет подписан другим ключом.",
            "The checkpoint you kept ({0}) is not signed with the log's key {1} (signatures by: {2}): it is not from this log, or the bundle is signed with another key."),
        [VerdictTextId.KeptSignatureInvalid] = (
            "Подпись ключа {1} на сохранённой вами контрольной точке ({0}) не сходится: копия изменена.",
            "The signature by {1} on the checkpoint you kept ({0}) does not verify: the copy was changed."),
        [VerdictTextId.KeptOfAnotherLog] = (
            "Сохранённая вами контрольная точка ({0}) относится к журналу «{1}», а не к журналу этого пакета «{2}»: она другого дела.",
            "The checkpoint you kept ({0}) is for the log \"{1}\", not for this bundle's log \"{2}\": it is of another case."),
        [VerdictTextId.KeptBeyondLog] = (
            "Сохранённая вами контрольная точка ({0}) охватывает {1} записей, а в log.jsonl их только {2}: записи, о которых у вас есть доказательство, удалены, или пакет выгружен раньше, чем сделана ваша контрольная точка.",
            "The checkpoint you kept ({0}) covers {1} entries, but log.jsonl holds only {2}: entries you hold proof of were removed, or this bundle was exported before your checkpoint was made."),
        [VerdictTextId.KeptNotPrefix] = (
            "Сохранённая вами контрольная точка ({0}) не совпадает с этим журналом: журнал переписан после неё — первые {1} записей уже не те, что ключ журнала подписал тогда. Обе подписаны ключом журнала, поэтому вместе они доказывают подмену.",
            "The checkpoint you kept ({0}) does not match this log: the log was rewritten after it: the first {1} entries no longer match what the log key signed then. Both are signed by the log key, so together they prove the rewrite."),
        [VerdictTextId.FolderCosigned] = (
            "{0}: подписана свидетелем {1} в {2} UTC.",
            "{0}: cosigned by the witness {1} at {2} UTC."),
        [VerdictTextId.FolderTimestamped] = (
            "{0}: метка времени от {1}: {2} UTC.",
            "{0}: timestamped by {1} at {2} UTC."),
        [VerdictTextId.WitnessKeyMatchesPinned] = (
            "Подписи свидетеля сделаны ключом свидетеля, который вы указали.",
            "The cosignatures are by the witness key you pinned."),
        [VerdictTextId.WitnessPinnedNothingCosigned] = (
            "Вы указали ключ свидетеля, но ни одна контрольная точка в пакете не подписана свидетелем.",
            "You pinned a witness key, but no checkpoint in the bundle is cosigned by a witness."),
        [VerdictTextId.WitnessKeyNotPinnedAdvice] = (
            "Ключ свидетеля взят из самого пакета (witness.vkey): сверьте его с ключом, который публикует оператор свидетеля, или запустите снова с --witness-key:\n{0}",
            "The witness key was taken from the bundle itself (witness.vkey): compare it with the key the witness's operator publishes, or run again with --witness-key:\n{0}"),
        [VerdictTextId.TimestampAuthorityMatchesPinned] = (
            "Метки времени подписаны под сертификатом, который вы указали (--tsa-cert).",
            "The timestamp tokens are signed under the certificate you pinned (--tsa-cert)."),
        [VerdictTextId.TimestampPinnedNothingStamped] = (
            "Вы указали сертификат службы времени, но ни у одной контрольной точки в пакете нет метки времени.",
            "You pinned a timestamp authority's certificate, but no checkpoint in the bundle carries a timestamp token."),
        [VerdictTextId.TimestampAuthorityNotPinnedAdvice] = (
            "Сертификат службы времени взят из самих меток: каждая подтверждает время лишь настолько, насколько вы доверяете названной в ней службе (сертификат с любым именем может сделать кто угодно). Чтобы проверить службу, запустите снова с --tsa-cert и её сертификатом.",
            "The timestamp authority's certificate was taken from the tokens themselves: each proves its time only as far as you trust the authority it names (anyone can make a certificate with any name). To pin the authority, run again with --tsa-cert and its certificate."),
        [VerdictTextId.KeptCheckpointMatches] = (
            "Сохранённая вами контрольная точка ({0}, {1} записей) — часть этого журнала: ничего из того, что она охватывает, не изменено и не удалено.",
            "The checkpoint you kept ({0}, size {1}) is part of this log: nothing it covered was changed or removed."),
        [VerdictTextId.SentListsNotProof] = (
            "Куда, по словам сервера, отправлены контрольные точки ({0}; это слова самого сервера, не доказательство): {1}",
            "Where the server says it sent the checkpoints ({0}; the server's own word, not proof): {1}"),
        [VerdictTextId.EntriesRedacted] = (
            "Скрыто записей: {0} (виды: {1}). Их строки содержат только номер, вид и хеш листа; хеш входит в подписанный корень, так что записи не изменены, но их содержание в пакет не попало.",
            "{0} entries redacted (kinds {1}): their lines hold only the seq, the kind and the leaf hash, which the signed root covers; the entries are unchanged, their content is not in the bundle."),
        [VerdictTextId.LogAllRedacted] = (
            "Все строки log.jsonl скрыты: ни одна запись не называет дело, проверять нечего.",
            "Every line of log.jsonl is redacted: no entry names the case, so there is nothing to check it against."),
        [VerdictTextId.ReadingsNotSigned] = (
            "report.pdf и README.txt не подписаны и этой командой не проверяются: это прочтения журнала, их может изменить любой, у кого есть пакет. Доказательство — только то, что проверено выше.",
            "report.pdf and README.txt are not signed and this command does not check them: they are readings of the log that anyone holding the bundle can change. Only what is checked above is proof."),
        [VerdictTextId.LogRootDiffersWithin] = (
            "Журнал не совпадает с подписанной контрольной точкой: корень дерева, вычисленный по его {0} записям, отличается от подписанного. Уже самая ранняя контрольная точка в пакете не совпадает, значит, изменена одна из записей 0–{1} (строки 1–{2} в log.jsonl).",
            "The log does not match the signed checkpoint: the root computed over its {0} entries differs from the signed one. Even the earliest checkpoint in the bundle no longer matches, so the change is among entries 0–{1} (lines 1–{2} of log.jsonl)."),
        [VerdictTextId.EvidenceEntryMalformed] = (
            "Запись {0} (строка {1} в log.jsonl) вида evidence не в форме «sha256=… bytes=… type=… name=…».",
            "Entry {0} (line {1} of log.jsonl) is an evidence entry whose content is not \"sha256=… bytes=… type=… name=…\"."),
        [VerdictTextId.EvidenceFileMissing] = (
            "Запись {0} (строка {1} в log.jsonl) называет файл {2}, а его в пакете нет.",
            "Entry {0} (line {1} of log.jsonl) names the file {2}, which the bundle lacks."),
        [VerdictTextId.EvidenceFileChanged] = (
            "Файл {0} изменён: он не совпадает с записью {1} (строка {2} в log.jsonl); его SHA-256 сейчас {3}, размер {4} байт.",
            "The file {0} was changed: it does not match entry {1} (line {2} of log.jsonl); its SHA-256 is now {3}, its size {4} bytes."),
        [VerdictTextId.EvidenceFileNotLogged] = (
            "Файл {0} лежит в папке evidence/, но ни одна запись журнала его не называет: подписью он не покрыт.",
            "The file {0} is in evidence/ but no entry of the log names it: no signature covers it."),
        [VerdictTextId.EvidenceFilesMatch] = (
            "Файлов в evidence/, совпадающих по SHA-256 и размеру со своими записями: {0}.",
            "Files in evidence/ matching the SHA-256 and size their entries give: {0}."),
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
