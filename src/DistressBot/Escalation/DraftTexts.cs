using System.Collections.Frozen;
using System.Globalization;
using DistressBot.Localization;

namespace DistressBot.Escalation;

/// <summary>The words of the draft filings in Russian and English, each with the same <c>{n}</c> placeholders.</summary>
public static class DraftTexts
{
    private static readonly FrozenDictionary<DraftText, (string Ru, string En)> Texts = new Dictionary<DraftText, (string Ru, string En)>
    {
        [DraftText.Mark] = (
            "ЧЕРНОВИК — составлен ботом DistressBot по делу {0} {1}. Юристу: проверьте каждое сведение и заполните каждый пропуск «[ЗАПОЛНИТЬ: …]» перед подачей. Бот не вписывает того, чего не знает.",
            "DRAFT — made by DistressBot from case {0} on {1}. For the lawyer: check every fact and fill every blank “[TO FILL: …]” before filing. The bot writes nothing it does not know."),
        [DraftText.HeaderMark] = ("ЧЕРНОВИК — не подавать без проверки юристом", "DRAFT — not to be filed before a lawyer has checked it"),
        [DraftText.ToFill] = ("[ЗАПОЛНИТЬ: {0}]", "[TO FILL: {0}]"),
        [DraftText.Row] = ("{0}: ", "{0}: "),
        [DraftText.To] = ("Кому: ", "To: "),
        [DraftText.PoliceAddressee] = ("отдел полиции, адрес", "police station, address"),
        [DraftText.PoliceTitle] = ("ЗАЯВЛЕНИЕ о безвестном исчезновении человека", "REPORT of a missing person"),
        [DraftText.PoliceIntro] = (
            "Прошу принять заявление о безвестном исчезновении: {0}. Сведения о нём (ней) и о времени, когда связь с ним (ней) прервалась, приведены ниже.",
            "I report the disappearance of {0}. What is known of them and of when contact with them was lost is set out below."),
        [DraftText.PoliceRequest] = (
            "Прошу зарегистрировать заявление, незамедлительно начать розыск, проверить, не задержан(а) ли он (она) сотрудниками правоохранительных органов, и сообщить мне о принятом решении.",
            "I ask you to register this report, to start a search at once, to check whether the person has been detained by law-enforcement officers, and to inform me of the decision taken."),
        [DraftText.WgeidAddressee] = (
            "Рабочая группа ООН по насильственным или недобровольным исчезновениям, УВКПЧ, Женева",
            "UN Working Group on Enforced or Involuntary Disappearances, OHCHR, Geneva"),
        [DraftText.WgeidTitle] = (
            "СРОЧНОЕ ОБРАЩЕНИЕ (процедура срочных действий) о насильственном исчезновении",
            "URGENT ACTION REQUEST concerning an enforced disappearance"),
        [DraftText.WgeidIntro] = (
            "Прошу Рабочую группу в порядке срочных действий обратиться к государству по поводу исчезновения: {0}. Процедура срочных действий применяется к исчезновениям не старше трёх месяцев; ниже приведены минимальные сведения, которые требует Рабочая группа.",
            "I ask the Working Group to transmit an urgent action to the State concerning the disappearance of {0}. The urgent action procedure covers disappearances of the last three months; the minimum information the Working Group requires is set out below."),
        [DraftText.WgeidRequest] = (
            "Прошу незамедлительно препроводить это обращение государству с просьбой установить судьбу и местонахождение этого человека. Прошу сохранить в тайне сведения о заявителе: [ЗАПОЛНИТЬ: да или нет].",
            "I ask that this request be transmitted to the State at once, asking it to establish the person's fate and whereabouts. I ask that the submitter's identity be kept confidential: [TO FILL: yes or no]."),
        [DraftText.InterimAddressee] = (
            "суд или комитет (например: Европейский суд по правам человека, правило 39 Регламента; Комитет ООН против пыток)",
            "court or committee (e.g. European Court of Human Rights, Rule 39 of the Rules of Court; UN Committee against Torture)"),
        [DraftText.InterimTitle] = (
            "ЗАПРОС о применении обеспечительных (срочных) мер",
            "REQUEST for interim measures"),
        [DraftText.InterimIntro] = (
            "Прошу указать государству ({1}) не выдавать, не высылать и не передавать иным образом {0} до рассмотрения дела: существует реальная угроза непоправимого вреда.",
            "I ask that the State ({1}) be indicated not to extradite, expel or otherwise hand over {0} while the case is examined: there is a real risk of irreparable harm."),
        [DraftText.InterimRequest] = (
            "Прошу незамедлительно указать государству ({0}) обеспечительную меру: не передавать этого человека, сообщить, где он (она) находится, и обеспечить доступ к нему (ней) адвоката.",
            "I ask that an interim measure be indicated to the State ({0}) at once: not to hand the person over, to say where they are held, and to give their lawyer access to them."),
        [DraftText.IdentityHeading] = ("1. Личность", "1. Identity"),
        [DraftText.DeprivationHeading] = ("2. Задержание или последний контакт", "2. Arrest or last contact"),
        [DraftText.ResponsibleHeading] = ("3. Кто предположительно причастен", "3. Who is believed responsible"),
        [DraftText.StepsHeading] = ("4. Что уже сделано", "4. Steps already taken"),
        [DraftText.RiskHeading] = ("5. Угроза при выдаче", "5. The risk of a hand-over"),
        [DraftText.TimelineHeading] = ("Хронология по журналу дела (время — {0})", "Timeline from the case log (times in {0})"),
        [DraftText.TimelineNote] = (
            "Записи журнала дела {0}, подписанного ключом журнала DistressBot; пакет доказательств (distressbot export-case или /export) подтверждает их.",
            "Entries of the log of case {0}, signed with the DistressBot log key; the evidence bundle (distressbot export-case or /export) proves them."),
        [DraftText.SubmitterHeading] = ("Заявитель", "Submitter"),
        [DraftText.FieldFullName] = ("фамилия, имя, отчество", "full name"),
        [DraftText.FieldDateOfBirth] = ("дата рождения", "date of birth"),
        [DraftText.FieldNationality] = ("гражданство", "nationality"),
        [DraftText.FieldIdDocument] = ("документ, удостоверяющий личность", "identity document"),
        [DraftText.FieldDescription] = ("приметы, одежда", "physical description, clothing"),
        [DraftText.FieldLastKnownPlace] = ("последнее известное местонахождение", "last known whereabouts"),
        [DraftText.FieldDeprivedAt] = ("дата, время и место задержания или последнего контакта", "date, time and place of the arrest or last contact"),
        [DraftText.FieldDeprivedBy] = ("кто предположительно задержал или причастен", "who is believed to have taken them or to be responsible"),
        [DraftText.FieldRelativesSteps] = ("что сделали родственники", "steps taken by the relatives"),
        [DraftText.FieldLawyerSteps] = ("что сделали юристы", "steps taken by the lawyers"),
        [DraftText.FieldHostState] = ("государство, которое может выдать человека", "the state that might hand the person over"),
        [DraftText.FieldRisk] = ("чем грозит выдача", "what the person faces if handed over"),
        [DraftText.FieldSubmitter] = ("заявитель: имя, контакты", "submitter: name, contacts"),
        [DraftText.FieldDate] = ("дата", "date"),
        [DraftText.FieldSignature] = ("подпись", "signature"),
        [DraftText.FieldAlias] = ("имя в деле", "name in the case"),
        [DraftText.AliasValue] = ("«{0}» (псевдоним в деле {1})", "“{0}” (alias in case {1})"),
        [DraftText.FieldLastCheckin] = ("последняя отметка в боте", "last check-in with the bot"),
        [DraftText.FieldMissedDeadline] = ("пропущенный срок отметки", "missed check-in deadline"),
        [DraftText.FieldAlarm] = ("тревога (дело открыто)", "alarm raised (case opened)"),
        [DraftText.AlarmValue] = ("{0}, {1}", "{0}, {1}"),
        [DraftText.FieldLastLocation] = ("последнее местоположение, присланное боту", "last location sent to the bot"),
        [DraftText.LocationValue] = ("{0}: {1}", "{0}: {1}"),
        [DraftText.StepOpened] = ("дело открыто: {0}", "case opened: {0}"),
        [DraftText.StepJoined] = ("новая тревога в том же деле", "another alarm joined the case"),
        [DraftText.StepCheckedIn] = ("отметка в боте", "checked in with the bot"),
        [DraftText.StepTold] = ("сообщено: {0}", "told: {0}"),
        [DraftText.StepEscalated] = ("подключены резервные координаторы и юристы", "backup coordinators and lawyers brought in"),
        [DraftText.StepAcknowledged] = ("дело взял(а) {0}", "case taken by {0}"),
        [DraftText.StepNote] = ("заметка, {0}: {1}", "note by {0}: {1}"),
        [DraftText.StepLocation] = ("местоположение: {0}", "location: {0}"),
        [DraftText.StepResolved] = ("дело закрыл(а) {0}: {1}", "case resolved by {0}: {1}"),
        [DraftText.StepOutage] = ("бот или связь с Telegram не работали: {0}", "the bot or its link to Telegram was down: {0}"),
        [DraftText.StepFact] = ("сведения от {0}: {1}", "fact given by {0}: {1}"),
        [DraftText.Person] = ("{0} ({1})", "{0} ({1})"),
        [DraftText.RoleSubject] = ("тот, о ком дело", "the person concerned"),
        [DraftText.RoleCoordinator] = ("координатор", "coordinator"),
        [DraftText.RoleLawyer] = ("юрист", "lawyer"),
        [DraftText.Unknown] = ("человек, уже не подключённый к боту", "someone no longer enrolled"),
        [DraftText.StepLastCheckin] = ("последняя отметка в боте до тревоги", "last check-in with the bot before the alarm"),
        [DraftText.StepDeadlineMissed] = ("пропущен срок отметки", "check-in deadline missed"),
    }.ToFrozenDictionary();

    /// <summary>Every id that has words (a test holds it to every <see cref="DraftText"/>).</summary>
    public static IEnumerable<DraftText> Ids => Texts.Keys;

    /// <summary>The text with its <c>{n}</c> placeholders in <paramref name="language"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id has no words.</exception>
    public static string Template(DraftText id, Language language) =>
        Texts.TryGetValue(id, out var text)
            ? language == Language.Ru ? text.Ru : text.En
            : throw new ArgumentOutOfRangeException(nameof(id), id, "The drafts have no words for this id.");

    /// <summary>The text with its placeholders filled (invariant culture: values arrive already worded).</summary>
    public static string Format(DraftText id, Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Template(id, language), args);
}
