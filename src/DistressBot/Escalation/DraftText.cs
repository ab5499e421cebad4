namespace DistressBot.Escalation;

/// <summary>The texts of the draft filings (their words are in <see cref="DraftTexts"/>, Russian and English).</summary>
public enum DraftText
{
    /// <summary>The marking at the top and the bottom: {0} case number, {1} when it was made.</summary>
    Mark,

    /// <summary>The page header on every page.</summary>
    HeaderMark,

    /// <summary>A blank for the lawyer: {0} what belongs there.</summary>
    ToFill,

    /// <summary>"Label: value".</summary>
    Row,

    /// <summary>Addressee line: {0} the addressee (a blank).</summary>
    To,

    /// <summary>Police: the addressee blank.</summary>
    PoliceAddressee,

    /// <summary>Police: the title.</summary>
    PoliceTitle,

    /// <summary>Police: the opening paragraph; {0} the person (name or blank).</summary>
    PoliceIntro,

    /// <summary>Police: the request at the end.</summary>
    PoliceRequest,

    /// <summary>WGEID: the addressee.</summary>
    WgeidAddressee,

    /// <summary>WGEID: the title.</summary>
    WgeidTitle,

    /// <summary>WGEID: the opening paragraph; {0} the person (name or blank).</summary>
    WgeidIntro,

    /// <summary>WGEID: the request at the end.</summary>
    WgeidRequest,

    /// <summary>Interim measures: the addressee blank.</summary>
    InterimAddressee,

    /// <summary>Interim measures: the title.</summary>
    InterimTitle,

    /// <summary>Interim measures: the opening paragraph; {0} the person (name or blank), {1} the state (fact or blank).</summary>
    InterimIntro,

    /// <summary>Interim measures: the request at the end; {0} the state (fact or blank).</summary>
    InterimRequest,

    /// <summary>Section heading: identity.</summary>
    IdentityHeading,

    /// <summary>Section heading: the arrest or last contact.</summary>
    DeprivationHeading,

    /// <summary>Section heading: who is believed responsible.</summary>
    ResponsibleHeading,

    /// <summary>Section heading: steps already taken.</summary>
    StepsHeading,

    /// <summary>Section heading: the risk of a hand-over (interim measures).</summary>
    RiskHeading,

    /// <summary>Section heading: the case's timeline; {0} the time zone.</summary>
    TimelineHeading,

    /// <summary>Under the timeline heading: where it comes from; {0} case number.</summary>
    TimelineNote,

    /// <summary>Section heading: the submitter.</summary>
    SubmitterHeading,

    /// <summary>Field label and blank: full name.</summary>
    FieldFullName,

    /// <summary>Field: date of birth.</summary>
    FieldDateOfBirth,

    /// <summary>Field: nationality.</summary>
    FieldNationality,

    /// <summary>Field: identity document.</summary>
    FieldIdDocument,

    /// <summary>Field: physical description.</summary>
    FieldDescription,

    /// <summary>Field: last known whereabouts.</summary>
    FieldLastKnownPlace,

    /// <summary>Field: date, time and place of the arrest or last contact.</summary>
    FieldDeprivedAt,

    /// <summary>Field: who is believed responsible.</summary>
    FieldDeprivedBy,

    /// <summary>Field: steps the relatives took.</summary>
    FieldRelativesSteps,

    /// <summary>Field: steps the lawyers took.</summary>
    FieldLawyerSteps,

    /// <summary>Field: the state that might hand the person over.</summary>
    FieldHostState,

    /// <summary>Field: what the person faces if handed over.</summary>
    FieldRisk,

    /// <summary>Field: who files it.</summary>
    FieldSubmitter,

    /// <summary>Field: date of filing.</summary>
    FieldDate,

    /// <summary>Field: signature.</summary>
    FieldSignature,

    /// <summary>Field label: the alias in the case.</summary>
    FieldAlias,

    /// <summary>The alias's value: {0} alias, {1} case number.</summary>
    AliasValue,

    /// <summary>Field label: the last check-in the bot recorded.</summary>
    FieldLastCheckin,

    /// <summary>Field label: the check-in deadline that was missed.</summary>
    FieldMissedDeadline,

    /// <summary>Field label: when the alarm was raised.</summary>
    FieldAlarm,

    /// <summary>The alarm's value: {0} time, {1} what raised it.</summary>
    AlarmValue,

    /// <summary>Field label: the last location the person sent.</summary>
    FieldLastLocation,

    /// <summary>The location's value: {0} time, {1} the coordinates and link.</summary>
    LocationValue,

    /// <summary>Timeline: the case was opened; {0} what raised it.</summary>
    StepOpened,

    /// <summary>Timeline: another alarm joined the case.</summary>
    StepJoined,

    /// <summary>Timeline: the person checked in.</summary>
    StepCheckedIn,

    /// <summary>Timeline: someone was told; {0} who.</summary>
    StepTold,

    /// <summary>Timeline: backup coordinators and lawyers were brought in.</summary>
    StepEscalated,

    /// <summary>Timeline: someone took the case; {0} who.</summary>
    StepAcknowledged,

    /// <summary>Timeline: a note; {0} who, {1} the note.</summary>
    StepNote,

    /// <summary>Timeline: a location was shared; {0} the coordinates and link.</summary>
    StepLocation,

    /// <summary>Timeline: the case was resolved; {0} who, {1} the outcome.</summary>
    StepResolved,

    /// <summary>Timeline: the bot or its link was down; {0} the detail.</summary>
    StepOutage,

    /// <summary>Timeline: a fact was given; {0} who, {1} the fact.</summary>
    StepFact,

    /// <summary>A person named with their role: {0} alias, {1} role.</summary>
    Person,

    /// <summary>Role word: the person the case is about.</summary>
    RoleSubject,

    /// <summary>Role word: coordinator.</summary>
    RoleCoordinator,

    /// <summary>Role word: lawyer.</summary>
    RoleLawyer,

    /// <summary>Someone no longer enrolled.</summary>
    Unknown,

    /// <summary>Timeline: the last check-in before the case.</summary>
    StepLastCheckin,

    /// <summary>Timeline: the check-in deadline that was missed.</summary>
    StepDeadlineMissed,
}
