namespace DistressBot.Localization;

/// <summary>Every text a person can see; each has a Russian and an English form in <see cref="TextCatalogue"/>.</summary>
public enum TextId
{
    /// <summary>The one neutral line a stranger gets.</summary>
    StrangerReply,
    /// <summary>/start from someone already enrolled.</summary>
    AlreadyEnrolled,
    /// <summary>A coordinator was enrolled: {0} name.</summary>
    EnrolledCoordinator,
    /// <summary>A lawyer was enrolled: {0} name.</summary>
    EnrolledLawyer,
    /// <summary>A subject was enrolled.</summary>
    EnrolledSubject,
    /// <summary>To the coordinator: {0} alias joined.</summary>
    SubjectJoined,
    /// <summary>Subject help: {0}, {1}, {2} the neutral names of check-in, status and SOS (cover wording lists only these).</summary>
    HelpSubject,
    /// <summary>Coordinator help.</summary>
    HelpCoordinator,
    /// <summary>Lawyer help.</summary>
    HelpLawyer,
    /// <summary>Usage of /invite.</summary>
    InviteUsage,
    /// <summary>Invite code made: {0} alias, {1} code, {2} expiry.</summary>
    InviteCreated,
    /// <summary>{0} alias already used by this coordinator.</summary>
    AliasTaken,
    /// <summary>Alias has bad characters or length.</summary>
    AliasInvalid,
    /// <summary>{0} alias looks like {1}, an alias this coordinator already uses.</summary>
    AliasConfusable,
    /// <summary>Usage of /schedule.</summary>
    ScheduleUsage,
    /// <summary>Schedule saved: {0} schedule, {1} next deadline, {2} time zone.</summary>
    ScheduleSet,
    /// <summary>{0} offending word.</summary>
    ScheduleBadDuration,
    /// <summary>{0} offending word.</summary>
    ScheduleBadTime,
    /// <summary>{0} minimum interval.</summary>
    ScheduleTooFrequent,
    /// <summary>Grace must be shorter than the interval.</summary>
    ScheduleGraceTooLong,
    /// <summary>Too many daily times.</summary>
    ScheduleTooManyTimes,
    /// <summary>Schedule saved for after the owed check-in: {0} schedule, {1} the deadline still owed, {2} time zone.</summary>
    ScheduleSetAfterCheckin,
    /// <summary>An interval schedule as words: {0} interval, {1} grace.</summary>
    ScheduleEveryText,
    /// <summary>A daily schedule as words: {0} list of times, {1} grace.</summary>
    ScheduleDailyText,
    /// <summary>The last two items of a list: {0} the items before, {1} the last one.</summary>
    ListAnd,
    /// <summary>Exactly one day, after "every".</summary>
    DurationOneDay,
    /// <summary>Exactly one hour, after "every".</summary>
    DurationOneHour,
    /// <summary>Exactly one minute, after "every".</summary>
    DurationOneMinute,
    /// <summary>Usage of /timezone: {0} current zone.</summary>
    TimezoneUsage,
    /// <summary>Zone set: {0} zone, {1} local time now.</summary>
    TimezoneSet,
    /// <summary>{0} the unknown zone.</summary>
    TimezoneUnknown,
    /// <summary>On enrolment, the zone times are shown in and how to change it: {0} zone, {1} local time now.</summary>
    TimezoneWelcome,
    /// <summary>Check-in saved: {0} next deadline, {1} time until it.</summary>
    CheckinRecorded,
    /// <summary>Check-in saved, but the window of the owed deadline is not open: {0} deadline, {1} opening.</summary>
    CheckinTooEarly,
    /// <summary>Check-in without a schedule.</summary>
    CheckinNoSchedule,
    /// <summary>A subject's /status: {0} when the next check-in is due (nothing else: no state, no case).</summary>
    Status,
    /// <summary>Status without a schedule: {0} last check-in.</summary>
    StatusNoSchedule,
    /// <summary>Reminder before the deadline: {0} deadline, {1} time left.</summary>
    ReminderBefore,
    /// <summary>Reminder at the deadline: {0} end of grace.</summary>
    ReminderAtDeadline,
    /// <summary>Label of the one-tap check-in button.</summary>
    CheckinButton,
    /// <summary>Alert: {0} case, {1} alias, {2} last check-in, {3} missed deadline, {4} grace end.</summary>
    MissedAlert,
    /// <summary>Late check-in told to coordinators: {0} alias, {1} time, {2} how late, {3} case.</summary>
    LateCheckin,
    /// <summary>A check-in sent in time but received after the alert: {0} alias, {1} time sent, {2} unused, {3} case.</summary>
    CheckinArrivedLate,
    /// <summary>Header of /subjects.</summary>
    SubjectsHeader,
    /// <summary>A line of /subjects: {0} alias, {1} state, {2} last check-in, {3} next deadline.</summary>
    SubjectsLine,
    /// <summary>/subjects with none assigned.</summary>
    SubjectsNone,
    /// <summary>State word: ok.</summary>
    StateOk,
    /// <summary>State word: due.</summary>
    StateDue,
    /// <summary>State word: missed.</summary>
    StateMissed,
    /// <summary>State word: the deadline has come, the grace runs.</summary>
    StateDueNow,
    /// <summary>State word: no schedule yet.</summary>
    StateNoSchedule,
    /// <summary>Placeholder for a time that never happened.</summary>
    Never,
    /// <summary>Placeholder for "no deadline".</summary>
    NoDeadline,
    /// <summary>A deadline and how long until it: {0} time, {1} duration.</summary>
    DeadlineIn,
    /// <summary>A deadline that has come, inside its grace: {0} deadline, {1} end of grace, {2} time left.</summary>
    DeadlineCameGraceUntil,
    /// <summary>An unknown command: suggests /help.</summary>
    UnknownCommand,
    /// <summary>A sticker, photo, file or other non-text message.</summary>
    OnlyText,
    /// <summary>A command the caller's role may not use.</summary>
    NotForYourRole,
    /// <summary>An edited message: edits are not acted on.</summary>
    EditIgnored,
    /// <summary>{0} args none.</summary>
    AckUsage,
    /// <summary>{0} case, {1} alias.</summary>
    AcknowledgedReminder,
    /// <summary>{0} how long.</summary>
    AlertEscalated,
    /// <summary>{0} alarms count.</summary>
    AlertJoined,
    /// <summary>{0} location, {1} time.</summary>
    AlertLocation,
    /// <summary>{0} plan.</summary>
    AlertPlan,
    /// <summary>{0} taker, {1} time.</summary>
    AlertReopened,
    /// <summary>{0} since.</summary>
    AlertRepeat,
    /// <summary>label.</summary>
    ButtonAcknowledge,
    /// <summary>label.</summary>
    ButtonResolve,
    /// <summary>{0} case.</summary>
    CaseAcknowledgedByYou,
    /// <summary>{0} case, {1} who, {2} when.</summary>
    CaseAlreadyAcknowledged,
    /// <summary>{0} case.</summary>
    CaseAlreadyResolved,
    /// <summary>{0} id {1} alias {2} trigger {3} state {4} opened {5} time until taken (acknowledged or resolved) {6} lawyer.</summary>
    CaseLine,
    /// <summary>{0} case.</summary>
    CaseNotFound,
    /// <summary>{0} case {1} outcome.</summary>
    CaseResolvedByYou,
    /// <summary>{0} who.</summary>
    CaseStateAcknowledged,
    /// <summary>{0} level.</summary>
    CaseStateOpen,
    /// <summary>{0} outcome.</summary>
    CaseStateResolved,
    /// <summary>none.</summary>
    CaseUsage,
    /// <summary>none.</summary>
    CasesHeader,
    /// <summary>none.</summary>
    CasesNone,
    /// <summary>{0} alias {1} time {2} case.</summary>
    CheckinDuringCase,
    /// <summary>{0} case {1} alias.</summary>
    ChooseOutcome,
    /// <summary>{0} case {1} alias {2} who {3} when.</summary>
    DrillAlert,
    /// <summary>{0} alias.</summary>
    DrillAlreadyRunning,
    /// <summary>prefix.</summary>
    DrillPrefix,
    /// <summary>{0} case {1} alias.</summary>
    DrillStarted,
    /// <summary>none.</summary>
    DrillUsage,
    /// <summary>{0} case {1} alias {2} location {3} time.</summary>
    LocationShared,
    /// <summary>{0} case {1} alias {2} reporter {3} when {4} text.</summary>
    MissingAlert,
    /// <summary>{0} case {1} alias.</summary>
    MissingOpened,
    /// <summary>none.</summary>
    MissingUsage,
    /// <summary>none.</summary>
    NotYet,
    /// <summary>{0} how long.</summary>
    NotYetFor,
    /// <summary>{0} case.</summary>
    NoteAdded,
    /// <summary>none.</summary>
    NoteUsage,
    /// <summary>word.</summary>
    OutcomeDetained,
    /// <summary>word.</summary>
    OutcomeHospitalised,
    /// <summary>word.</summary>
    OutcomeMissing,
    /// <summary>word.</summary>
    OutcomeOther,
    /// <summary>word.</summary>
    OutcomeSafe,
    /// <summary>{0} alias {1} current.</summary>
    PlanAsk,
    /// <summary>{0} alias.</summary>
    PlanSaved,
    /// <summary>none.</summary>
    PlanUsage,
    /// <summary>none.</summary>
    Received,
    /// <summary>{0} case.</summary>
    ResolveOtherNeedsNote,
    /// <summary>none.</summary>
    ResolveUsage,
    /// <summary>{0} case {1} alias {2} when.</summary>
    SosAlert,
    /// <summary>{0} who {1} when.</summary>
    StatusAcknowledgedBy,
    /// <summary>{0} who {1} when {2} outcome.</summary>
    StatusResolvedBy,
    /// <summary>{0} alias.</summary>
    SubjectNotFound,
    /// <summary>word.</summary>
    TriggerDrill,
    /// <summary>word.</summary>
    TriggerMissed,
    /// <summary>word.</summary>
    TriggerMissing,
    /// <summary>word.</summary>
    TriggerSos,
    /// <summary>word.</summary>
    TriggerUnreachable,
    /// <summary>{0} case {1} alias {2} when.</summary>
    UnreachableAlert,
    /// <summary>none.</summary>
    ButtonNotOffered,
    /// <summary>{0} aliases.</summary>
    CoverageGap,
    /// <summary>{0} name {1} aliases.</summary>
    ColleagueUnreachable,
    /// <summary>{0} from {1} to.</summary>
    AlertDowntime,
    /// <summary>{0} from {1} to {2} lines.</summary>
    OutageReport,
    /// <summary>{0} alias {1} deadline.</summary>
    OutageLineMissed,
    /// <summary>{0} alias {1} time.</summary>
    OutageLineCheckedIn,
    /// <summary>none.</summary>
    OutageNone,
    /// <summary>Timeline step word: Opened.</summary>
    TimelineOpened,
    /// <summary>Timeline step word: Joined.</summary>
    TimelineJoined,
    /// <summary>Timeline step word: AlertQueued.</summary>
    TimelineAlertQueued,
    /// <summary>Timeline step word: AlertDelivered.</summary>
    TimelineAlertDelivered,
    /// <summary>Timeline step word: AlertFailed.</summary>
    TimelineAlertFailed,
    /// <summary>Timeline step word: SubjectCheckedIn.</summary>
    TimelineSubjectCheckedIn,
    /// <summary>Timeline step word: Escalated.</summary>
    TimelineEscalated,
    /// <summary>Timeline step word: Repeated.</summary>
    TimelineRepeated,
    /// <summary>Timeline step word: Acknowledged.</summary>
    TimelineAcknowledged,
    /// <summary>Timeline step word: AcknowledgedReminder.</summary>
    TimelineAcknowledgedReminder,
    /// <summary>Timeline step word: Note.</summary>
    TimelineNote,
    /// <summary>Timeline step word: Location.</summary>
    TimelineLocation,
    /// <summary>Timeline step word: Resolved.</summary>
    TimelineResolved,
    /// <summary>Timeline step word: RecipientUnreachable.</summary>
    TimelineRecipientUnreachable,
    /// <summary>Timeline step word: Outage.</summary>
    TimelineOutage,
    /// <summary>Timeline step word: AlertDropped.</summary>
    TimelineAlertDropped,
    /// <summary>{0} how many times, {1} the last time: a step repeated for one person, summarised.</summary>
    TimelineTimes,
    /// <summary>A line standing for timeline steps left out of a long /case.</summary>
    TimelineCut,
    /// <summary>Timeline step word: AlertMerged.</summary>
    TimelineAlertMerged,
    /// <summary>Timeline step word: a message about the case other than an alert (a check-in, a location) was delivered.</summary>
    TimelineMessageDelivered,
    /// <summary>{0} Telegram's message number, after a delivery.</summary>
    TimelineMessageNumber,
    /// <summary>{0} the missed deadline, after a missed check-in.</summary>
    TimelineDeadline,
    /// <summary>{0} when the subject sent it (an SOS, a check-in).</summary>
    TimelineSentAt,
    /// <summary>{0} who reported the subject missing.</summary>
    TimelineReportedBy,
    /// <summary>{0} who started the drill.</summary>
    TimelineStartedBy,
    /// <summary>{0} from {1} to: the bot or its link to Telegram was down.</summary>
    TimelineBotDown,
    /// <summary>{0} from {1} to: Telegram could not be reached.</summary>
    TimelineTelegramDown,
    /// <summary>{0} Telegram's own words (an error), quoted as they came.</summary>
    TimelineTelegramSaid,
    /// <summary>Why a case escalated: nobody acknowledged in time.</summary>
    TimelineEscalatedNobodyAcknowledged,
    /// <summary>Why a case escalated: a level-1 recipient cannot be reached.</summary>
    TimelineEscalatedRecipientUnreachable,
    /// <summary>Why a case escalated: its taker went quiet.</summary>
    TimelineEscalatedTakerQuiet,
    /// <summary>Why a case escalated: the alarm goes to both levels at once.</summary>
    TimelineEscalatedAtOnce,
    /// <summary>Why an alert was queued: the alarm itself.</summary>
    TimelineReasonAlarm,
    /// <summary>Why an alert was queued: level 2 brought in.</summary>
    TimelineReasonEscalated,
    /// <summary>Why an alert was queued: still unacknowledged, told again.</summary>
    TimelineReasonRepeat,
    /// <summary>Why an alert was queued: acknowledged, then nothing, escalated again.</summary>
    TimelineReasonReopened,
    /// <summary>Something went wrong on our side; nothing was lost.</summary>
    InternalError,
    /// <summary>To a subject's coordinators: a message from {0} could not be handled (it may have been an SOS).</summary>
    SubjectMessageFailed,
    /// <summary>{0} the longest interval allowed: a schedule too far apart.</summary>
    ScheduleTooRare,
    /// <summary>Usage of /pause: {0} the longest pause.</summary>
    PauseUsage,
    /// <summary>{0} the longest pause: the pause asked for is longer.</summary>
    PauseTooLong,
    /// <summary>/pause without a schedule.</summary>
    PauseNoSchedule,
    /// <summary>Pause started: {0} its end, {1} the next deadline.</summary>
    PauseSet,
    /// <summary>Pause saved for after the owed check-in: {0} its length, {1} the deadline still owed.</summary>
    PauseSetAfterCheckin,
    /// <summary>A running pause, in /status and after the check-in that starts it: {0} its end.</summary>
    PausedUntil,
    /// <summary>A pause waiting for the next check-in, in /status: {0} its length.</summary>
    PauseWaitsForCheckin,
    /// <summary>The pause ended (by /resume or by itself): {0} the next deadline.</summary>
    PauseOver,
    /// <summary>/resume with nothing paused.</summary>
    ResumeNotPaused,
    /// <summary>To a subject's coordinators: {0} subject changed their schedule to {1}, next deadline {2}.</summary>
    ScheduleChangedToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject set schedule {1} to start after the check-in still owed for {2}.</summary>
    ScheduleChangedAfterCheckinToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject changed their time zone to {1}, next deadline {2}.</summary>
    TimezoneChangedToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject paused for {1}, until {2}.</summary>
    PausedToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject asked for a pause of {1} that waits for the check-in owed for {2}.</summary>
    PausedAfterCheckinToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject checked in and the pause they asked for runs until {1}.</summary>
    PauseStartedToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject ended their pause early, next deadline {1}.</summary>
    ResumedToCoordinators,
    /// <summary>In /subjects, under a subject whose pause runs: {0} its end.</summary>
    SubjectsPausedUntil,
    /// <summary>A subject's command menu (setMyCommands): the check-in command.</summary>
    MenuCheckin,
    /// <summary>A subject's command menu: the status command.</summary>
    MenuStatus,
    /// <summary>A subject's command menu: the SOS command.</summary>
    MenuSos,
    /// <summary>A subject's command menu: /schedule.</summary>
    MenuSchedule,
    /// <summary>A subject's command menu: /timezone.</summary>
    MenuTimezone,
    /// <summary>A subject's command menu: /help.</summary>
    MenuHelp,
    /// <summary>A subject's command menu: /pin.</summary>
    MenuPin,
    /// <summary>A subject's command menu: the pause command.</summary>
    MenuPause,
    /// <summary>To a subject's coordinators: {0} subject set their PINs for the first time.</summary>
    PinsSetToCoordinators,
    /// <summary>To a subject's coordinators: {0} subject changed their PINs.</summary>
    PinsChangedToCoordinators,
    /// <summary>In /subjects, under a subject with an open case: {0} the case number.</summary>
    SubjectsOpenCase,
    /// <summary>In /subjects, under a subject with an open duress case: {0} the case number.</summary>
    SubjectsDuressCase,
    /// <summary>In /subjects, after the open case: {0} who took it.</summary>
    SubjectsCaseTaken,
    /// <summary>In /subjects, after the open case: nobody has taken it.</summary>
    SubjectsCaseNotTaken,
    /// <summary>/status past the deadline and its grace: {0} the deadline that was missed.</summary>
    StatusOverdue,
    /// <summary>State word in /subjects: checked in, but a case about them is still open.</summary>
    StateCaseOpen,
    /// <summary>Asked after a bare /checkin (or the reminder's button) once PINs are set: send the PIN.</summary>
    PinAskCheckin,
    /// <summary>/pin with PINs set: send the current check-in PIN first.</summary>
    PinAskCurrent,
    /// <summary>/pin: choose the check-in PIN.</summary>
    PinAskNew,
    /// <summary>/pin: choose the second (duress) PIN, different from the first; worded neutrally.</summary>
    PinAskDuress,
    /// <summary>The PINs were saved (also shown, identically, when the dialogue was opened with the duress PIN).</summary>
    PinsSet,
    /// <summary>A wrong PIN, or PINs refused unjudged after too many wrong ones: the same neutral line.</summary>
    PinNotAccepted,
    /// <summary>A new PIN is not 4 to 12 digits.</summary>
    PinBadShape,
    /// <summary>A new PIN is too easy to guess (repeated, sequential).</summary>
    PinTrivial,
    /// <summary>The second PIN equals the first.</summary>
    PinDuressSame,
    /// <summary>On a subject's enrolment: set the PINs first with /pin.</summary>
    PinFirst,
    /// <summary>In /subjects, under a subject who has not set PINs yet.</summary>
    SubjectsNoPin,
    /// <summary>To the coordinators: {0} subject alias, {1} wrong PINs, {2} window, {3} until when further PINs are refused.</summary>
    PinLockoutCoordinator,
    /// <summary>Alert headline of a duress case: {0} case number, {1} alias, {2} when the duress PIN was used.</summary>
    DuressAlert,
    /// <summary>In front of every message of a duress case: do not contact the subject's phone.</summary>
    DuressPrefix,
    /// <summary>Trigger word of a duress case.</summary>
    TriggerDuress,
    /// <summary>Timeline step word: someone on the case read it.</summary>
    TimelineRead,
    /// <summary>Timeline step word: the case's evidence bundle was exported.</summary>
    TimelineExported,
    /// <summary>Timeline step word: someone not on the case asked for it and was refused.</summary>
    TimelineAccessRefused,
    /// <summary>A signed checkpoint of a case's log: {0} case number, {1} number of entries, {2} the signed note, verbatim.</summary>
    CheckpointMessage,
    /// <summary>/checkpoint without a case number.</summary>
    CheckpointUsage,
    /// <summary>/export without a case number.</summary>
    ExportUsage,
    /// <summary>Caption of an exported bundle: {0} case number, {1} number of log entries, {2} the file name.</summary>
    ExportCaption,
    /// <summary>The admin's export-case: {0} case number, {1} number of entries, {2} the folder written.</summary>
    ExportWritten,
    /// <summary>Ends a document's caption that was cut to Telegram's 1,024 characters.</summary>
    DocumentCaptionCut,
    /// <summary>Timeline step word: someone on the case set a fact for the drafts.</summary>
    TimelineFact,
    /// <summary>Timeline step word: a draft filing was made.</summary>
    TimelineDraftMade,
    /// <summary>/fact without a case, key or value, or with a key not in the list: the format and every key.</summary>
    FactUsage,
    /// <summary>A fact was kept: {0} case number, {1} the key.</summary>
    FactSet,
    /// <summary>In /case under the header: {0} the facts set, "key: value" separated by "; ".</summary>
    CaseFactsLine,
    /// <summary>/draft without a case number or with an unknown kind.</summary>
    DraftUsage,
    /// <summary>Caption of a draft filing: {0} case number, {1} the kind (police, wgeid, interim).</summary>
    DraftCaption,
    /// <summary>The admin's draft: {0} case number, {1} the kind, {2} the file written.</summary>
    DraftWritten,
    /// <summary>Timeline step word: the admin released the resolved case from legal hold.</summary>
    TimelineReleased,
    /// <summary>/export with a word it does not know after the case number: {0} the word.</summary>
    ExportRedactUsage,
    /// <summary>Timeline step word: someone on the case sent a file as evidence.</summary>
    TimelineEvidence,
    /// <summary>/evidence without a case number.</summary>
    EvidenceUsage,
    /// <summary>/evidence accepted: {0} case number, {1} how long files go to it (TimeSpan).</summary>
    EvidenceWaiting,
    /// <summary>A file from a coordinator or lawyer with no /evidence before it and no case in its caption.</summary>
    EvidenceNoCase,
    /// <summary>A file over the Bot API's 20 MB download limit: {0} case number, {1} the file's name; nothing kept.</summary>
    EvidenceTooLarge,
    /// <summary>A file Telegram would not give the bot: {0} case number, {1} the file's name; nothing kept.</summary>
    EvidenceNotDownloaded,
    /// <summary>A file kept as evidence: {0} case number, {1} the file's name, {2} its bytes, {3} its SHA-256 (hex).</summary>
    EvidenceKept,
    /// <summary>After a photo was kept: Telegram recompresses photos, send the original as a file.</summary>
    EvidencePhotoAsFile,
    /// <summary>A subject's /evidence without a number (their chat never names a case).</summary>
    EvidenceUsageSubject,
    /// <summary>A subject's /evidence accepted for their own open case: {0} how long files go to it (TimeSpan); the case is not named.</summary>
    EvidenceWaitingSubject,
    /// <summary>A subject's file kept: {0} the file's name, {1} its bytes, {2} its SHA-256 (hex); the case is not named.</summary>
    EvidenceKeptSubject,
    /// <summary>After a subject's photo was kept: send the original as a file.</summary>
    EvidencePhotoAsFileSubject,
    /// <summary>A subject's /evidence or file for a number that is not their own open case (closed, someone else's, none): {0} the number as typed.</summary>
    EvidenceNotFoundSubject,
    /// <summary>A subject's file over the Bot API's 20 MB download limit: {0} the file's name; nothing kept.</summary>
    EvidenceTooLargeSubject,
    /// <summary>A subject's file Telegram would not give the bot: {0} the file's name; nothing kept.</summary>
    EvidenceNotDownloadedSubject,
    /// <summary>Timeline step word: the admin removed someone in the chain from the bot.</summary>
    TimelineRevoked,
    /// <summary>To a revoked subject's chain: {0} the subject's alias.</summary>
    RevokedSubject,
    /// <summary>To the rest of a subject's chain: {0} the coordinator removed, {1} the subject's alias.</summary>
    RevokedCoordinator,
    /// <summary>To the rest of a subject's chain: {0} the lawyer removed, {1} the subject's alias.</summary>
    RevokedLawyer,
    /// <summary>After a revoke notice: {0} case number the removed person had taken, {1} their name; the case is open again.</summary>
    RevokedTakerCaseOpen,
    /// <summary>/lawyerkey without a key: how to make one and register it.</summary>
    LawyerKeyUsage,
    /// <summary>/lawyerkey with a key kept: {0} its short fingerprint.</summary>
    LawyerKeySet,
    /// <summary>/lawyerkey off: the key is removed, bundles come unsealed again.</summary>
    LawyerKeyRemoved,
    /// <summary>/lawyerkey off with no key registered.</summary>
    LawyerKeyNone,
    /// <summary>/lawyerkey with something that is not 32 bytes of an X25519 public key in base64; nothing changed.</summary>
    LawyerKeyInvalid,
    /// <summary>Caption of a sealed bundle: {0} case number, {1} log entries, {2} the file's name, {3} the key's fingerprint.</summary>
    ExportSealedCaption,
}
