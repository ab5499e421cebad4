namespace DistressBot.Evidence.Verification;

/// <summary>Every sentence `distressbot verify` can say; the words are in <see cref="VerdictTexts"/>, in Russian and English.</summary>
public enum VerdictTextId
{
    /// <summary>{0} path: neither a folder nor a file.</summary>
    BundleNotFound,

    /// <summary>{0} path, {1} the reader's reason (English).</summary>
    ZipUnreadable,

    /// <summary>{0} the name as stored.</summary>
    UnsafePath,

    /// <summary>{0} the name.</summary>
    DuplicateName,

    /// <summary>{0} the most files read.</summary>
    TooManyFiles,

    /// <summary>{0} the file, {1} the most bytes read for it.</summary>
    FileTooLarge,

    /// <summary>{0} the most bytes read in all.</summary>
    BundleTooLarge,

    /// <summary>{0} the link's name.</summary>
    LinkRefused,

    /// <summary>{0} the missing file.</summary>
    FileMissing,

    /// <summary>{0} the file, {1} the system's reason (English).</summary>
    FileUnreadable,

    /// <summary>No placeholder.</summary>
    LogEmpty,

    /// <summary>{0} the last line's number.</summary>
    LogNoFinalNewline,

    /// <summary>{0} entry (seq), {1} line number.</summary>
    LineHasCarriageReturn,

    /// <summary>{0} entry (seq), {1} line number, {2} the reason (English).</summary>
    EntryMalformed,

    /// <summary>{0} line number, {1} the seq found, {2} the seq expected.</summary>
    EntryOutOfPlace,

    /// <summary>{0} entry (seq), {1} line number, {2} its case, {3} the first entry's case.</summary>
    EntryOfAnotherCase,

    /// <summary>{0} the reason (English).</summary>
    VerifierKeyMalformed,

    /// <summary>{0} the bundle's key, {1} the pinned key.</summary>
    KeyNotPinned,

    /// <summary>{0} the file, {1} the reason (English).</summary>
    NoteMalformed,

    /// <summary>{0} the file, {1} the log key's name, {2} the key names it is signed by.</summary>
    NoteNotSignedByKey,

    /// <summary>{0} the file, {1} the log key's name.</summary>
    NoteSignatureInvalid,

    /// <summary>{0} the file, {1} the reason (English).</summary>
    CheckpointMalformed,

    /// <summary>{0} the file, {1} its origin, {2} the origin expected.</summary>
    CheckpointOfAnotherLog,

    /// <summary>{0} checkpoint's size, {1} lines in log.jsonl.</summary>
    CheckpointSizeDiffers,

    /// <summary>{0} entries.</summary>
    LogRootDiffers,

    /// <summary>{0} entries, {1} entries an earlier checkpoint still matches (the first changed seq), {2} its folder, {3} the last seq the change may be in, {4} and {5} the lines of {1} and {3}.</summary>
    LogRootDiffersAmong,

    /// <summary>{0} the changed entry's seq, {1} its line, {2} the earlier checkpoint the entries before it match.</summary>
    EntryChanged,

    /// <summary>{0} the folder, {1} its size, {2} the latest size.</summary>
    CheckpointBeyondLatest,

    /// <summary>{0} the folder, {1} its size.</summary>
    CheckpointNotPrefix,

    /// <summary>{0} the file, {1} the line number.</summary>
    ProofMalformed,

    /// <summary>{0} the folder, {1} its size, {2} the latest size.</summary>
    ProofBroken,

    /// <summary>The heading of a failed check: {0} the problem's sentence.</summary>
    NotVerified,

    /// <summary>The heading of a passed check: {0} case, {1} entries, {2} the last entry's time (UTC), {3} key name, {4} key id (8 hex digits).</summary>
    Verified,

    /// <summary>{0} how many, {1} the folders.</summary>
    CheckpointsChecked,

    /// <summary>No placeholder.</summary>
    NoCheckpointsChecked,

    /// <summary>No placeholder.</summary>
    KeyMatchesPinned,

    /// <summary>{0} the verifier key text.</summary>
    KeyNotPinnedAdvice,

    /// <summary>{0} how many, {1} the files.</summary>
    FilesNotChecked,

    /// <summary>{0} the file, {1} the reason (English).</summary>
    WitnessKeyMalformed,

    /// <summary>{0} the file, {1} the bundle's witness key, {2} the pinned witness key.</summary>
    WitnessKeyNotPinned,

    /// <summary>{0} the folder.</summary>
    CosignaturesWithoutWitnessKey,

    /// <summary>{0} the file, {1} the reason (English).</summary>
    CosignaturesMalformed,

    /// <summary>{0} the folder, {1} the witness's key name, {2} the key names the lines are by.</summary>
    CosignatureByOtherWitness,

    /// <summary>{0} the folder, {1} the witness's key name.</summary>
    CosignatureInvalid,

    /// <summary>{0} the folder, {1} the reason (English).</summary>
    TimestampInvalid,

    /// <summary>{0} the kept file, {1} this log's origin line.</summary>
    KeptNotACheckpoint,

    /// <summary>{0} the kept file, {1} the log key's name, {2} the key names it is signed by.</summary>
    KeptNotSignedByKey,

    /// <summary>{0} the kept file, {1} the log key's name.</summary>
    KeptSignatureInvalid,

    /// <summary>{0} the kept file, {1} its origin, {2} this log's origin.</summary>
    KeptOfAnotherLog,

    /// <summary>{0} the kept file, {1} its size, {2} entries in log.jsonl.</summary>
    KeptBeyondLog,

    /// <summary>{0} the kept file, {1} its size.</summary>
    KeptNotPrefix,

    /// <summary>{0} the folder, {1} the witness's key name, {2} the cosignature's time (UTC).</summary>
    FolderCosigned,

    /// <summary>{0} the folder, {1} the authority's certificate subject, {2} the token's time (UTC).</summary>
    FolderTimestamped,

    /// <summary>No placeholder.</summary>
    WitnessKeyMatchesPinned,

    /// <summary>No placeholder.</summary>
    WitnessPinnedNothingCosigned,

    /// <summary>{0} the witness verifier keys used, one per line.</summary>
    WitnessKeyNotPinnedAdvice,

    /// <summary>No placeholder.</summary>
    TimestampAuthorityMatchesPinned,

    /// <summary>No placeholder.</summary>
    TimestampPinnedNothingStamped,

    /// <summary>No placeholder.</summary>
    TimestampAuthorityNotPinnedAdvice,

    /// <summary>{0} the kept file, {1} its size.</summary>
    KeptCheckpointMatches,

    /// <summary>{0} how many, {1} the files.</summary>
    SentListsNotProof,

    /// <summary>{0} how many lines are redacted, {1} their kinds.</summary>
    EntriesRedacted,

    /// <summary>No placeholder: every line of log.jsonl is redacted.</summary>
    LogAllRedacted,

    /// <summary>No placeholder: report.pdf and README.txt are readings, not signed.</summary>
    ReadingsNotSigned,

    /// <summary>{0} entries in the log, {1} the last entry the earliest non-matching checkpoint covers, {2} its line.</summary>
    LogRootDiffersWithin,

    /// <summary>{0} the entry's seq, {1} its line: an evidence entry whose content is not "sha256=… bytes=… type=… name=…".</summary>
    EvidenceEntryMalformed,

    /// <summary>{0} the entry's seq, {1} its line, {2} the file's bundle path: the entry names a file the bundle lacks.</summary>
    EvidenceFileMissing,

    /// <summary>{0} the file's bundle path, {1} the entry's seq, {2} its line, {3} the file's SHA-256 as found, {4} its size as found.</summary>
    EvidenceFileChanged,

    /// <summary>{0} the file's bundle path: a file under evidence/ that no evidence entry names.</summary>
    EvidenceFileNotLogged,

    /// <summary>{0} how many evidence files match their entries.</summary>
    EvidenceFilesMatch,
}
