namespace DistressBot.Evidence.Report;

/// <summary>The texts of report.pdf (their words are in <see cref="ReportTexts"/>, Russian and English).</summary>
public enum ReportText
{
    /// <summary>The title; {0} is the case number.</summary>
    Title,

    /// <summary>Under the title; {0} is when the report was made, {1} the number of entries.</summary>
    Subtitle,

    /// <summary>Heading of the case summary.</summary>
    SummaryHeading,

    /// <summary>Summary label: the case number.</summary>
    SummaryCase,

    /// <summary>Summary label: the subject's alias.</summary>
    SummarySubject,

    /// <summary>Summary label: what opened the case.</summary>
    SummaryTrigger,

    /// <summary>Summary label: when the case was opened.</summary>
    SummaryOpened,

    /// <summary>Summary label: the subject's last check-in before the case.</summary>
    SummaryLastCheckin,

    /// <summary>Summary label: the check-in deadline that was missed.</summary>
    SummaryDeadline,

    /// <summary>Summary label: the end of the grace period (the alarm).</summary>
    SummaryGraceEnd,

    /// <summary>Summary label: more about what opened the case.</summary>
    SummaryDetail,

    /// <summary>Summary label: who took the case and when.</summary>
    SummaryAcknowledged,

    /// <summary>Summary label: how the case ended.</summary>
    SummaryOutcome,

    /// <summary>A value that is not there (no check-in before the case, no deadline).</summary>
    None,

    /// <summary>Nobody acknowledged the case.</summary>
    NotAcknowledged,

    /// <summary>The case was not resolved when the report was made.</summary>
    StillOpen,

    /// <summary>Who did something when: {0} who, {1} when.</summary>
    ByWhen,

    /// <summary>An outcome: {0} the outcome's words, {1} who, {2} when.</summary>
    OutcomeByWhen,

    /// <summary>Heading of the chart.</summary>
    ChartHeading,

    /// <summary>Under the chart's heading: what the numbers on the axis are.</summary>
    ChartNote,

    /// <summary>Chart mark: the last check-in before the case.</summary>
    MarkLastCheckin,

    /// <summary>Chart mark: the deadline.</summary>
    MarkDeadline,

    /// <summary>Chart mark: the end of the grace period, when the alarm was due.</summary>
    MarkGraceEnd,

    /// <summary>Chart mark: the case opened.</summary>
    MarkOpened,

    /// <summary>Chart mark: a check-in while the case was open.</summary>
    MarkCheckin,

    /// <summary>Chart mark: the case was acknowledged.</summary>
    MarkAcknowledged,

    /// <summary>Chart mark: the case was resolved.</summary>
    MarkResolved,

    /// <summary>Heading of the timeline table.</summary>
    TimelineHeading,

    /// <summary>Under the timeline's heading: what the columns hold; {0} the reader's time zone.</summary>
    TimelineNote,

    /// <summary>Column: the entry's number.</summary>
    ColumnSeq,

    /// <summary>Column: when.</summary>
    ColumnTime,

    /// <summary>Column: what happened.</summary>
    ColumnWhat,

    /// <summary>Column: who.</summary>
    ColumnWho,

    /// <summary>Column: the entry's content and text.</summary>
    ColumnContent,

    /// <summary>Column: the entry's leaf hash.</summary>
    ColumnHash,

    /// <summary>Telegram's own date of the message; {0} the date.</summary>
    TelegramDate,

    /// <summary>The person an entry is about or for; {0} who.</summary>
    PersonPrefix,

    /// <summary>The text of a message as sent; {0} the text.</summary>
    TextPrefix,

    /// <summary>Telegram's message id; {0} the id.</summary>
    MessageIdPrefix,

    /// <summary>A row that goes on from the previous page; {0} the entry's number.</summary>
    Continued,

    /// <summary>Heading of the signed checkpoint.</summary>
    CheckpointHeading,

    /// <summary>What the checkpoint is.</summary>
    CheckpointNote,

    /// <summary>Heading of the verifier key.</summary>
    VerifierKeyHeading,

    /// <summary>What the verifier key is.</summary>
    VerifierKeyNote,

    /// <summary>Heading of how to verify.</summary>
    HowToVerifyHeading,

    /// <summary>How to verify the bundle.</summary>
    HowToVerify,

    /// <summary>The footer of each page: {0} the case number, {1} this page, {2} the pages.</summary>
    Footer,

    /// <summary>Role: the subject.</summary>
    RoleSubject,

    /// <summary>Role: a coordinator.</summary>
    RoleCoordinator,

    /// <summary>Role: a lawyer.</summary>
    RoleLawyer,

    /// <summary>Role: the admin.</summary>
    RoleAdmin,

    /// <summary>Role: the bot.</summary>
    RoleBot,

    /// <summary>Role: a person no longer enrolled when the entry was written.</summary>
    RoleUnknown,

    /// <summary>Trigger: a missed check-in.</summary>
    TriggerMissedCheckin,

    /// <summary>Trigger: the subject pressed SOS.</summary>
    TriggerSos,

    /// <summary>Trigger: a coordinator reported the subject missing.</summary>
    TriggerMissingReport,

    /// <summary>Trigger: the subject could not be reached on Telegram.</summary>
    TriggerSubjectUnreachable,

    /// <summary>Trigger: a drill.</summary>
    TriggerDrill,

    /// <summary>Trigger: the subject entered the duress PIN.</summary>
    TriggerDuress,

    /// <summary>Kind: opened.</summary>
    KindOpened,

    /// <summary>Kind: joined.</summary>
    KindJoined,

    /// <summary>Kind: alert_queued.</summary>
    KindAlertQueued,

    /// <summary>Kind: alert_delivered.</summary>
    KindAlertDelivered,

    /// <summary>Kind: alert_failed.</summary>
    KindAlertFailed,

    /// <summary>Kind: checked_in.</summary>
    KindCheckedIn,

    /// <summary>Kind: escalated.</summary>
    KindEscalated,

    /// <summary>Kind: repeated.</summary>
    KindRepeated,

    /// <summary>Kind: acknowledged.</summary>
    KindAcknowledged,

    /// <summary>Kind: acknowledged_reminder.</summary>
    KindAcknowledgedReminder,

    /// <summary>Kind: note.</summary>
    KindNote,

    /// <summary>Kind: location.</summary>
    KindLocation,

    /// <summary>Kind: resolved.</summary>
    KindResolved,

    /// <summary>Kind: recipient_unreachable.</summary>
    KindRecipientUnreachable,

    /// <summary>Kind: outage.</summary>
    KindOutage,

    /// <summary>Kind: alert_dropped.</summary>
    KindAlertDropped,

    /// <summary>Kind: alert_merged.</summary>
    KindAlertMerged,

    /// <summary>Kind: read.</summary>
    KindRead,

    /// <summary>Kind: exported.</summary>
    KindExported,

    /// <summary>Kind: access_refused.</summary>
    KindAccessRefused,

    /// <summary>Kind: released.</summary>
    KindReleased,

    /// <summary>Outcome: safe.</summary>
    OutcomeSafe,

    /// <summary>Outcome: detained.</summary>
    OutcomeDetained,

    /// <summary>Outcome: missing.</summary>
    OutcomeMissing,

    /// <summary>Outcome: in hospital.</summary>
    OutcomeHospitalised,

    /// <summary>Outcome: other.</summary>
    OutcomeOther,

    /// <summary>Kind word: a fact was set for the draft filings.</summary>
    KindFact,

    /// <summary>Kind word: a draft filing was made.</summary>
    KindDraft,

    /// <summary>Under the timeline heading of a redacted bundle: {0} how many entries are redacted, {1} their kinds.</summary>
    RedactedNote,

    /// <summary>A redacted entry's content cell: {0} its kind word.</summary>
    RedactedContent,

    /// <summary>A summary value, or a time or party cell, that a redacted entry withholds.</summary>
    Redacted,

    /// <summary>Kind word: a file was received as evidence.</summary>
    KindEvidence,

    /// <summary>Heading of the list of evidence files.</summary>
    EvidenceHeading,

    /// <summary>Under the evidence heading: where the files are and how they are checked.</summary>
    EvidenceNote,

    /// <summary>One evidence file: {0} its name, {1} its size in bytes, {2} the entry's seq, {3} who sent it.</summary>
    EvidenceFile,

    /// <summary>Kind word: the admin removed the person from the bot.</summary>
    KindRevoked,
}
