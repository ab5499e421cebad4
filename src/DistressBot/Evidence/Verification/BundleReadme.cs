using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Evidence.Verification;

/// <summary>
/// The README.txt of a bundle: what the files are and how to check them by hand with bash, sed, sha256sum, base64 and
/// openssl, in the reader's language and then in English (only English for an English reader).
/// </summary>
/// <remarks>Command lines are the lines indented by four spaces, and only they; a test runs them on a bundle, so they stay true.</remarks>
public static class BundleReadme
{
    /// <summary>The line that opens the English part.</summary>
    public const string EnglishHeading = "=== English ===";

    // {0} case id, {1} key name, {2} the commands of step 1, {3} of step 2, {4} of step 3.
    private const string Russian = """
        Пакет доказательств по делу {0}

        - log.jsonl: журнал дела, одна запись на строку, каждая строка заканчивается переводом строки (LF).
          Строка без перевода строки — это ровно те байты, которые подписаны через дерево Меркла.
          Скрытая при выгрузке запись — строка {{"redacted":"ХЕШ","seq":N,"kind":"вид"}}: её содержание не выдано,
          а ХЕШ (base64) — это хеш листа полной записи, который и входит в дерево (шаг 2 берёт его как есть).
        - checkpoint: последняя контрольная точка: 1) имя журнала «{1}/{0}», 2) число записей,
          3) корень дерева (base64), пустая строка, подпись ключом журнала {1}.
        - log.vkey: открытый ключ журнала (формат signed-note: имя+идентификатор+base64(0x01 ‖ ключ)).
          Сверьте его с ключом, полученным раньше от этого журнала.
        - checkpoints/: контрольные точки, которые были отправлены с сервера (адвокату, свидетелю, в службу
          времени), каждая с доказательством согласованности с последней (proof).
        - evidence/ (если есть): файлы, присланные как доказательства, каждый назван своим SHA-256 (sha256sum evidence/*
          печатает хеш рядом с именем); запись вида evidence с этим хешем в log.jsonl даёт имя файла, размер и отправителя.
        - report.pdf: отчёт для суда — прочтение log.jsonl, сам он не подписан: доказательство — log.jsonl, проверенный
          по контрольной точке (хеш каждой записи в отчёте должен совпасть с хешем её строки).

        Проще всего проверить всё одной командой: distressbot verify ПАПКА_ИЛИ_ZIP [--key log.vkey, полученный раньше]
        [--checkpoint файл с сохранённым сообщением бота о контрольной точке].
        distressbot — программа самого бота; verify не нужны ни настройки, ни данные, ни ключи. Её даёт администратор
        сети или её можно собрать из исходного кода (.NET 10 SDK): dotnet publish src/DistressBot -o distressbot.
        Вручную (bash и openssl; в Windows — WSL или Git Bash), в папке пакета (zip сначала распакуйте):

        1. Хеш одной записи (лист дерева, RFC 6962): SHA-256 от байта 00 и строки без перевода строки.
           N — номер строки (с 1):
        {2}

        2. Корень дерева по всем строкам (RFC 6962 §2.1: узел = SHA-256(01 ‖ левый ‖ правый), деление на
           наибольшую степень двойки меньше числа листьев). Обе строки ниже должны совпасть; для каждой более
           ранней контрольной точки корень по её первым записям должен совпасть с подписанным — значит,
           журнал продолжает то, что было подписано и отправлено раньше, и ничего в этой части не изменено:
        {3}

        3. Подпись Ed25519 контрольной точки ключом из log.vkey (openssl печатает
           «Signature Verified Successfully»); для более ранней точки замените checkpoint на
           checkpoints/NNNNNN/checkpoint:
        {4}

        Подробно (форматы, модель доверия): docs/evidence.md в исходниках DistressBot.

        """;

    private const string English = """
        Evidence bundle for case {0}

        - log.jsonl: the case's log, one entry per line, each line ending in a newline (LF). A line without
          its newline is exactly the bytes signed through the Merkle tree.
          An entry withheld at export is a line {{"redacted":"HASH","seq":N,"kind":"kind"}}: its content is not given,
          and HASH (base64) is the full entry's leaf hash, which is what the tree holds (step 2 takes it as it is).
        - checkpoint: the latest checkpoint: 1) the log's name "{1}/{0}", 2) the number of entries,
          3) the tree's root (base64), a blank line, the signature by the log key {1}.
        - log.vkey: the log's public key (signed-note form: name+key id+base64(0x01 ‖ key)).
          Compare it with the key you received from this log earlier.
        - checkpoints/: checkpoints that left the server (to a lawyer, a witness, a timestamp authority), each
          with the proof that it is consistent with the latest one (proof).
        - evidence/ (if present): files sent as evidence, each named by its SHA-256 (sha256sum evidence/* prints the hash
          beside the name); the evidence entry with that hash in log.jsonl gives the file's name, size and sender.
        - report.pdf: the report for the court, a reading of log.jsonl; it is not signed itself: the proof is log.jsonl
          checked against the checkpoint (each entry's hash in the report must equal its line's hash).

        The easiest check is one command: distressbot verify FOLDER_OR_ZIP [--key the log.vkey received earlier]
        [--checkpoint a file holding the bot's checkpoint message you kept].
        distressbot is the bot's own program; verify needs no settings, data or keys. The network's admin can give it
        to you, or build it from the source (.NET 10 SDK): dotnet publish src/DistressBot -o distressbot.
        By hand (bash and openssl; on Windows, WSL or Git Bash), in the bundle's folder (unzip a .zip first):

        1. The hash of one entry (a leaf of the tree, RFC 6962): SHA-256 of a 00 byte and the line without its
           newline. N is the line number (from 1):
        {2}

        2. The tree's root over every line (RFC 6962 §2.1: node = SHA-256(01 ‖ left ‖ right), split at the
           largest power of two below the number of leaves). The two lines below must be equal; for every earlier
           checkpoint the root over its first entries must equal the signed one, which proves the log extends what
           was signed and sent earlier and nothing in that part was changed:
        {3}

        3. The Ed25519 signature of the checkpoint with the key in log.vkey (openssl prints
           "Signature Verified Successfully"); for an earlier checkpoint put checkpoints/NNNNNN/checkpoint
           in place of checkpoint:
        {4}

        In detail (formats, trust model): docs/evidence.md in DistressBot's sources.

        """;

    private static readonly string[] LeafCommands =
    [
        "N=1",
        "{ printf '\\000'; sed -n \"${N}p\" log.jsonl | tr -d '\\n'; } | sha256sum",
    ];

    private static readonly string[] RootCommands =
    [
        "W=$(mktemp -d)",
        "n=0; while IFS= read -r line; do case \"$line\" in '{\"redacted\":\"'*) printf '%s' \"$line\" | cut -d'\"' -f4 | base64 -d > \"$W/$n\";;",
        "  *) printf '\\000%s' \"$line\" | openssl dgst -sha256 -binary > \"$W/$n\";; esac; n=$((n + 1)); done < log.jsonl",
        "mth() {",
        "  if [ \"$2\" -eq 0 ]; then openssl dgst -sha256 -binary < /dev/null; return; fi",
        "  if [ \"$2\" -eq 1 ]; then cat \"$W/$1\"; return; fi",
        "  local k=1; while [ $((k * 2)) -lt \"$2\" ]; do k=$((k * 2)); done",
        "  { printf '\\001'; mth \"$1\" \"$k\"; mth \"$(($1 + k))\" \"$(($2 - k))\"; } | openssl dgst -sha256 -binary",
        "}",
        "echo \"root computed: $(mth 0 \"$n\" | base64)\"",
        "echo \"root signed:   $(sed -n 3p checkpoint)\"",
        "for c in checkpoints/*/checkpoint; do [ -f \"$c\" ] && echo \"$c: computed $(mth 0 \"$(sed -n 2p \"$c\")\" | base64), signed $(sed -n 3p \"$c\")\"; done",
    ];

    // {0} the key name. The DER prefix makes the raw 32-byte key an Ed25519 SubjectPublicKeyInfo (RFC 8410).
    private static readonly string[] SignatureCommands =
    [
        "W=$(mktemp -d)",
        "sed '/^$/,$d' checkpoint > \"$W/signed\"",
        "grep '^— {0} ' checkpoint | cut -d' ' -f3 | base64 -d | tail -c +5 > \"$W/sig\"",
        "{ printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000'; cut -d+ -f3- log.vkey | base64 -d | tail -c 32; } > \"$W/key.der\"",
        "openssl pkeyutl -verify -pubin -keyform DER -inkey \"$W/key.der\" -rawin -in \"$W/signed\" -sigfile \"$W/sig\"",
    ];

    /// <summary>
    /// The README.txt text for case <paramref name="caseId"/> signed by <paramref name="keyName"/>: Russian then English for
    /// a Russian reader, English alone for an English one. <see cref="ArgumentException"/> when the key name holds
    /// anything but ASCII letters, digits, '.', '_' and '-' (it is written into a shell command).
    /// </summary>
    public static string Text(string caseId, string keyName, Language reader)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(keyName);
        if (keyName.Length == 0 || !keyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException("The README writes the key name into a shell command: only ASCII letters, digits, '.', '_' and '-'.", nameof(keyName));
        }

        var english = EnglishHeading + "\n\n" + Fill(English, caseId, keyName);
        return reader == Language.Ru ? Fill(Russian, caseId, keyName) + "\n" + english : english;
    }

    /// <summary>The template in <paramref name="language"/>, placeholders unfilled (for the test that both have the same).</summary>
    internal static string Template(Language language) => language == Language.Ru ? Russian : English;

    private static string Fill(string template, string caseId, string keyName) =>
        string.Format(
            CultureInfo.InvariantCulture,
            template,
            caseId,
            keyName,
            Block(LeafCommands),
            Block(RootCommands),
            Block(SignatureCommands.Select(c => c.Replace("{0}", keyName, StringComparison.Ordinal))));

    private static string Block(IEnumerable<string> commands) => string.Join("\n", commands.Select(c => "    " + c));
}
