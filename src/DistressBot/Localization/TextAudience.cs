using System.Collections.Frozen;

namespace DistressBot.Localization;

/// <summary>
/// Which texts a subject can never receive. Every other text can reach a subject's chat, so it must not name a case, a
/// coordinator, a lawyer, an alarm, an escalation or a duress, and it needs a cover version (<see cref="CoverCatalogue"/>).
/// </summary>
/// <remarks>A new text counts as one a subject can receive until it is listed here: tests then ask for its cover version.</remarks>
public static class TextAudience
{
    private static readonly FrozenSet<TextId> NeverToSubjects = new[]
    {
        // Strangers, coordinators and lawyers.
        TextId.StrangerReply, TextId.EnrolledCoordinator, TextId.EnrolledLawyer, TextId.SubjectJoined, TextId.HelpCoordinator,
        TextId.HelpLawyer, TextId.InviteUsage, TextId.InviteCreated, TextId.AliasTaken, TextId.AliasInvalid, TextId.AliasConfusable,
        TextId.MissedAlert, TextId.LateCheckin, TextId.CheckinArrivedLate, TextId.SubjectsHeader, TextId.SubjectsLine, TextId.SubjectsNone,
        TextId.SubjectsPausedUntil, TextId.ScheduleChangedToCoordinators, TextId.ScheduleChangedAfterCheckinToCoordinators,
        TextId.TimezoneChangedToCoordinators, TextId.PausedToCoordinators, TextId.PausedAfterCheckinToCoordinators,
        TextId.PauseStartedToCoordinators, TextId.ResumedToCoordinators, TextId.SubjectsNoPin, TextId.PinLockoutCoordinator,
        TextId.DuressAlert, TextId.DuressPrefix, TextId.TriggerDuress, TextId.PinsSetToCoordinators, TextId.PinsChangedToCoordinators,
        TextId.StateCaseOpen, TextId.SubjectsOpenCase, TextId.SubjectsDuressCase, TextId.SubjectsCaseTaken, TextId.SubjectsCaseNotTaken,

        // State words: only in /subjects (a subject's /status says when the next check-in is due, no state).
        TextId.StateOk, TextId.StateDue, TextId.StateMissed, TextId.StateDueNow, TextId.StateNoSchedule,

        // Cases, alerts and their timelines.
        TextId.AckUsage, TextId.AcknowledgedReminder, TextId.AlertEscalated, TextId.AlertJoined, TextId.AlertLocation, TextId.AlertPlan,
        TextId.AlertReopened, TextId.AlertRepeat, TextId.ButtonAcknowledge, TextId.ButtonResolve, TextId.CaseAcknowledgedByYou,
        TextId.CaseAlreadyAcknowledged, TextId.CaseAlreadyResolved, TextId.CaseLine, TextId.CaseNotFound, TextId.CaseResolvedByYou,
        TextId.CaseStateAcknowledged, TextId.CaseStateOpen, TextId.CaseStateResolved, TextId.CaseUsage, TextId.CasesHeader, TextId.CasesNone,
        TextId.CheckinDuringCase, TextId.ChooseOutcome, TextId.DrillAlert, TextId.DrillAlreadyRunning, TextId.DrillPrefix, TextId.DrillStarted,
        TextId.DrillUsage, TextId.LocationShared, TextId.MissingAlert, TextId.MissingOpened, TextId.MissingUsage, TextId.NotYet, TextId.NotYetFor,
        TextId.NoteAdded, TextId.NoteUsage, TextId.OutcomeDetained, TextId.OutcomeHospitalised, TextId.OutcomeMissing, TextId.OutcomeOther,
        TextId.OutcomeSafe, TextId.PlanAsk, TextId.PlanSaved, TextId.PlanUsage, TextId.ResolveOtherNeedsNote, TextId.ResolveUsage, TextId.SosAlert,
        TextId.StatusAcknowledgedBy, TextId.StatusResolvedBy, TextId.SubjectNotFound, TextId.TriggerDrill, TextId.TriggerMissed,
        TextId.TriggerMissing, TextId.TriggerSos, TextId.TriggerUnreachable, TextId.UnreachableAlert, TextId.ButtonNotOffered,
        TextId.CoverageGap, TextId.ColleagueUnreachable, TextId.AlertDowntime, TextId.OutageReport, TextId.OutageLineMissed,
        TextId.OutageLineCheckedIn, TextId.OutageNone, TextId.TimelineOpened, TextId.TimelineJoined, TextId.TimelineAlertQueued,
        TextId.TimelineAlertDelivered, TextId.TimelineAlertFailed, TextId.TimelineSubjectCheckedIn, TextId.TimelineEscalated,
        TextId.TimelineRepeated, TextId.TimelineAcknowledged, TextId.TimelineAcknowledgedReminder, TextId.TimelineNote, TextId.TimelineLocation,
        TextId.TimelineResolved, TextId.TimelineRecipientUnreachable, TextId.TimelineOutage, TextId.TimelineAlertDropped, TextId.TimelineTimes,
        TextId.TimelineCut, TextId.TimelineAlertMerged, TextId.TimelineMessageDelivered, TextId.TimelineMessageNumber, TextId.TimelineDeadline,
        TextId.TimelineSentAt, TextId.TimelineReportedBy, TextId.TimelineStartedBy, TextId.TimelineBotDown, TextId.TimelineTelegramDown,
        TextId.TimelineTelegramSaid, TextId.TimelineEscalatedNobodyAcknowledged, TextId.TimelineEscalatedRecipientUnreachable,
        TextId.TimelineEscalatedTakerQuiet, TextId.TimelineEscalatedAtOnce, TextId.TimelineReasonAlarm, TextId.TimelineReasonEscalated,
        TextId.TimelineReasonRepeat, TextId.TimelineReasonReopened, TextId.SubjectMessageFailed,
        TextId.TimelineRead, TextId.TimelineExported, TextId.TimelineAccessRefused, TextId.CheckpointMessage, TextId.CheckpointUsage,
        TextId.ExportUsage, TextId.ExportCaption, TextId.ExportWritten,
        TextId.TimelineFact, TextId.TimelineDraftMade, TextId.FactUsage, TextId.FactSet, TextId.CaseFactsLine, TextId.DraftUsage,
        TextId.DraftCaption, TextId.DraftWritten,
        TextId.TimelineReleased,
        TextId.ExportRedactUsage,
        TextId.TimelineEvidence, TextId.EvidenceUsage, TextId.EvidenceWaiting, TextId.EvidenceNoCase, TextId.EvidenceTooLarge,
        TextId.EvidenceNotDownloaded, TextId.EvidenceKept, TextId.EvidencePhotoAsFile,
        TextId.LawyerKeyUsage, TextId.LawyerKeySet, TextId.LawyerKeyRemoved, TextId.LawyerKeyNone, TextId.LawyerKeyInvalid,
        TextId.ExportSealedCaption,
        TextId.TimelineRevoked, TextId.RevokedSubject, TextId.RevokedCoordinator, TextId.RevokedLawyer, TextId.RevokedTakerCaseOpen,
    }.ToFrozenSet();

    /// <summary>True when <paramref name="id"/> can be sent to a subject (or shown on their keyboard or command menu).</summary>
    public static bool ReachesSubjects(TextId id) => !NeverToSubjects.Contains(id);
}
