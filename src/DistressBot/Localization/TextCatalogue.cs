using System.Collections.Frozen;
using System.Globalization;

namespace DistressBot.Localization;

/// <summary>The Russian and English form of every text a person sees; positional placeholders {0}, {1} …</summary>
public static class TextCatalogue
{
    private static readonly FrozenDictionary<TextId, (string Ru, string En)> Texts = new Dictionary<TextId, (string Ru, string En)>
    {
        [TextId.StrangerReply] = (
            "Бот недоступен.",
            "This bot is not available."),
        [TextId.AlreadyEnrolled] = (
            "Вы уже подключены. /help — что можно сделать.",
            "You are already connected. /help shows what you can do."),
        [TextId.EnrolledCoordinator] = (
            "Вы подключены как координатор ({0}). /help — список команд.",
            "You are connected as a coordinator ({0}). /help lists the commands."),
        [TextId.EnrolledLawyer] = (
            "Вы подключены как юрист ({0}). /help — список команд.",
            "You are connected as a lawyer ({0}). /help lists the commands."),
        [TextId.EnrolledSubject] = (
            "Вы подключены. Задайте расписание отметок, например:\n/schedule every 12h grace 30m\nили\n/schedule daily 09:00 21:00 grace 45m\n/help — все команды.",
            "You are connected. Set a check-in schedule, for example:\n/schedule every 12h grace 30m\nor\n/schedule daily 09:00 21:00 grace 45m\n/help lists all commands."),
        [TextId.SubjectJoined] = (
            "{0} подключился(-ась). Когда он(а) задаст расписание, вы увидите его в /subjects.",
            "{0} has joined. Once they set a schedule you will see it in /subjects."),
        [TextId.HelpSubject] = (
            "/checkin (или /{0}) — отметиться\n/pin — задать или сменить PIN-коды\n/status (или /{1}) — когда следующая отметка\n/sos (или /{2}) — срочно попросить о помощи; ответ — просто «Принято.»\n/schedule every 12h grace 30m — отмечаться каждые 12 часов, запас 30 минут\n/schedule daily 09:00 21:00 grace 45m — отмечаться в 09:00 и 21:00\n/timezone Europe/Moscow — ваш часовой пояс\n/pause 2d (или /{3} 2d) — пауза в отметках на 2 дня\n/resume — закончить паузу раньше\n/evidence НОМЕР — затем файлы (фото — как файл) сохраняются под номером, который вам дали, каждый с его SHA-256\n/help — эта справка",
            "/checkin (or /{0}) — check in\n/pin — set or change your PINs\n/status (or /{1}) — when the next check-in is due\n/sos (or /{2}) — ask for help at once; the reply is just “Received.”\n/schedule every 12h grace 30m — check in every 12 hours, 30 minutes of grace\n/schedule daily 09:00 21:00 grace 45m — check in at 09:00 and 21:00\n/timezone Europe/Moscow — your time zone\n/pause 2d (or /{3} 2d) — pause check-ins for 2 days\n/resume — end the pause early\n/evidence NUMBER — then files (photos as files) are kept under the number you were given, each with its SHA-256\n/help — this help"),
        [TextId.HelpCoordinator] = (
            "/invite Псевдоним — код для подключения нового человека под этим псевдонимом\n/subjects — ваши люди: состояние, последняя отметка, следующий срок\n/cases — открытые дела; /case C-0042 — ход дела\n/ack C-0042 — взять дело; /note C-0042 текст — заметка\n/resolve C-0042 safe|detained|missing|hospitalised|other — закрыть\n/export C-0042 — пакет доказательств (журнал, подпись, PDF); /checkpoint C-0042 — подписанная контрольная точка журнала\n/fact C-0042 ключ значение — сведения для обращений; /draft C-0042 police|wgeid|interim — черновик обращения (.docx)\n/evidence C-0042 — затем файлы (документы, фото, голосовые, видео) сохраняются в деле с их SHA-256\n/missing Псевдоним что известно — сообщить о пропаже (тревога всем сразу)\n/plan Псевдоним — план действий, он приходит с каждой тревогой\n/drill Псевдоним — учебная тревога (человеку ничего не придёт)\n/timezone Europe/Moscow — ваш часовой пояс для времени в сообщениях\n/help — эта справка",
            "/invite Alias — a code to enrol a new person under this alias\n/subjects — your people: state, last check-in, next deadline\n/cases — open cases; /case C-0042 — a case's timeline\n/ack C-0042 — take a case; /note C-0042 text — add a note\n/resolve C-0042 safe|detained|missing|hospitalised|other — close it\n/export C-0042 — the evidence bundle (log, signature, PDF); /checkpoint C-0042 — a signed checkpoint of the log\n/fact C-0042 key value — facts for the filings; /draft C-0042 police|wgeid|interim — a draft filing (.docx)\n/evidence C-0042 — then files (documents, photos, voice notes, videos) are kept with the case with their SHA-256\n/missing Alias what you know — report someone missing (everyone is alerted at once)\n/plan Alias — the response plan sent with every alert\n/drill Alias — a rehearsal alarm (nothing is sent to them)\n/timezone Europe/Moscow — your time zone for times in messages\n/help — this help"),
        [TextId.HelpLawyer] = (
            "/cases — открытые дела ваших подзащитных; /case C-0042 — ход дела\n/ack C-0042 — взять дело; /note C-0042 текст — заметка\n/resolve C-0042 safe|detained|missing|hospitalised|other — закрыть\n/export C-0042 — пакет доказательств (журнал, подпись, PDF); /checkpoint C-0042 — подписанная контрольная точка журнала\n/fact C-0042 ключ значение — сведения для обращений; /draft C-0042 police|wgeid|interim — черновик обращения (.docx)\n/evidence C-0042 — затем файлы (документы, фото, голосовые, видео) сохраняются в деле с их SHA-256\n/lawyerkey КЛЮЧ — запечатывать ваши пакеты /export вашим ключом (/lawyerkey off — нет)\n/timezone Europe/Moscow — ваш часовой пояс для времени в сообщениях\n/help — эта справка\nО делах, которые касаются вас, бот сообщит сам.",
            "/cases — open cases of your clients; /case C-0042 — a case's timeline\n/ack C-0042 — take a case; /note C-0042 text — add a note\n/resolve C-0042 safe|detained|missing|hospitalised|other — close it\n/export C-0042 — the evidence bundle (log, signature, PDF); /checkpoint C-0042 — a signed checkpoint of the log\n/fact C-0042 key value — facts for the filings; /draft C-0042 police|wgeid|interim — a draft filing (.docx)\n/evidence C-0042 — then files (documents, photos, voice notes, videos) are kept with the case with their SHA-256\n/lawyerkey KEY — seal your /export bundles to your key (/lawyerkey off — no longer)\n/timezone Europe/Moscow — your time zone for times in messages\n/help — this help\nThe bot tells you of cases that concern you."),
        [TextId.InviteUsage] = (
            "Укажите псевдоним: /invite Псевдоним (буквы любого алфавита, цифры, пробел, дефис, точка; до 32 знаков).",
            "Give an alias: /invite Alias (letters in any script, digits, space, hyphen, dot; up to 32 characters)."),
        [TextId.InviteCreated] = (
            "Код для {0}:\n{1}\nПередайте его лично. Человек отправляет боту: /start {1}\nКод одноразовый, действует до {2}.",
            "Code for {0}:\n{1}\nHand it over in person. They send the bot: /start {1}\nSingle use, valid until {2}."),
        [TextId.AliasTaken] = (
            "Псевдоним «{0}» у вас уже есть. Выберите другой.",
            "You already have someone called “{0}”. Choose another alias."),
        [TextId.AliasInvalid] = (
            "Псевдоним может содержать буквы любого алфавита (с ударениями и другими знаками над буквами), цифры, пробел, дефис и точку, до 32 знаков, и начинаться с буквы или цифры.",
            "An alias may have letters in any script (with their accents), digits, spaces, hyphens and dots, up to 32 characters, and starts with a letter or digit."),
        [TextId.AliasConfusable] = (
            "Псевдоним «{0}» выглядит почти так же, как «{1}» — такой у вас уже есть (похожие буквы другого алфавита, 0 и О, 1 и l, rn и m). В тревоге их легко перепутать — выберите псевдоним, который выглядит иначе.",
            "“{0}” looks almost like “{1}”, an alias you already have (look-alike letters from another alphabet, 0 and O, 1 and l, rn and m). They are easy to mix up in an alarm: choose an alias that looks different."),
        [TextId.ScheduleUsage] = (
            "Формат:\n/schedule every 12h grace 30m\n/schedule daily 09:00 21:00 grace 45m\nЕдиницы: s, m, h, d.",
            "Format:\n/schedule every 12h grace 30m\n/schedule daily 09:00 21:00 grace 45m\nUnits: s, m, h, d."),
        [TextId.ScheduleSet] = (
            "Расписание сохранено: {0} (часовой пояс {2}).\nСледующая отметка до {1}.",
            "Schedule saved: {0} (time zone {2}).\nNext check-in due by {1}."),
        [TextId.ScheduleBadDuration] = (
            "Не понимаю длительность «{0}». Примеры: 30m, 12h, 1h30m, 2d.",
            "I do not understand the duration “{0}”. Examples: 30m, 12h, 1h30m, 2d."),
        [TextId.ScheduleBadTime] = (
            "Не понимаю время «{0}». Пишите ЧЧ:ММ, например 09:00.",
            "I do not understand the time “{0}”. Write HH:MM, for example 09:00."),
        [TextId.ScheduleTooFrequent] = (
            "Слишком часто: отметки должны быть не чаще, чем раз в {0}.",
            "Too frequent: check-ins must be at least {0} apart."),
        [TextId.ScheduleGraceTooLong] = (
            "Запас (grace) должен быть короче промежутка между отметками.",
            "The grace must be shorter than the time between check-ins."),
        [TextId.ScheduleTooManyTimes] = (
            "Не больше 12 времён в сутки.",
            "At most 12 times a day."),
        [TextId.ScheduleSetAfterCheckin] = (
            "Расписание сохранено: {0} (часовой пояс {2}). Оно начнёт действовать после вашей следующей отметки, а она всё ещё нужна: {1}.",
            "Schedule saved: {0} (time zone {2}). It starts after your next check-in, which is still needed: {1}."),
        [TextId.ScheduleEveryText] = (
            "раз в {0}, запас {1}",
            "every {0}, grace {1}"),
        [TextId.ScheduleDailyText] = (
            "ежедневно в {0}, запас {1}",
            "daily at {0}, grace {1}"),
        [TextId.ListAnd] = (
            "{0} и {1}",
            "{0} and {1}"),
        [TextId.DurationOneDay] = (
            "сутки",
            "day"),
        [TextId.DurationOneHour] = (
            "час",
            "hour"),
        [TextId.DurationOneMinute] = (
            "минуту",
            "minute"),
        [TextId.TimezoneUsage] = (
            "Ваш часовой пояс: {0}. Изменить: /timezone Europe/Moscow",
            "Your time zone: {0}. To change it: /timezone Europe/Moscow"),
        [TextId.TimezoneSet] = (
            "Часовой пояс: {0}. Сейчас там {1}.",
            "Time zone: {0}. It is {1} there now."),
        [TextId.TimezoneUnknown] = (
            "Не знаю часовой пояс «{0}». Примеры: Europe/Moscow, Europe/Berlin, Asia/Tbilisi, UTC.",
            "I do not know the time zone “{0}”. Examples: Europe/Moscow, Europe/Berlin, Asia/Tbilisi, UTC."),
        [TextId.TimezoneWelcome] = (
            "Время в сообщениях — по часовому поясу {0} (сейчас там {1}). Если у вас другой, отправьте, например: /timezone Europe/Berlin",
            "Times in messages are in the time zone {0} (it is {1} there now). If yours is different, send for example: /timezone Europe/Berlin"),
        [TextId.CheckinRecorded] = (
            "Отметка принята. Следующая — до {0} (через {1}).",
            "Checked in. Next check-in due by {0} (in {1})."),
        [TextId.CheckinTooEarly] = (
            "Отметка принята, но для срока {0} ещё рано: она засчитается, если отметиться после {1}.",
            "Checked in, but it is too early for the {0} deadline: a check-in counts for it from {1}."),
        [TextId.CheckinNoSchedule] = (
            "Отметка принята. Расписания пока нет — задайте его: /schedule",
            "Checked in. There is no schedule yet — set one: /schedule"),
        [TextId.Status] = (
            "Следующая отметка до: {0}",
            "Next check-in due by: {0}"),
        [TextId.StatusNoSchedule] = (
            "Расписания нет. Последняя отметка: {0}.\nЗадайте расписание: /schedule",
            "No schedule. Last check-in: {0}.\nSet a schedule: /schedule"),
        [TextId.ReminderBefore] = (
            "Напоминание: отметьтесь до {0} (осталось {1}).",
            "Reminder: check in by {0} ({1} left)."),
        [TextId.ReminderAtDeadline] = (
            "Срок отметки наступил. Отметьтесь до {0}.",
            "Your check-in is due now. Check in by {0}."),
        [TextId.CheckinButton] = (
            "✅ Отметиться",
            "✅ Check in"),
        [TextId.MissedAlert] = (
            "🚨 {0}: {1} не отметился(-ась).\nПоследняя отметка: {2}\nПропущен срок: {3} (запас до {4})",
            "🚨 {0}: {1} missed a check-in.\nLast check-in: {2}\nMissed deadline: {3} (grace until {4})"),
        [TextId.LateCheckin] = (
            "{3}: {0} отметился(-ась) в {1}, с опозданием {2}.",
            "{3}: {0} checked in at {1}, {2} late."),
        [TextId.CheckinArrivedLate] = (
            "{3}: отметка {0} отправлена в {1}, вовремя, но дошла до бота с опозданием (бот или сеть были недоступны).",
            "{3}: {0}'s check-in was sent at {1}, in time, but reached the bot late (the bot or the network was down)."),
        [TextId.SubjectsHeader] = (
            "Ваши люди:",
            "Your people:"),
        [TextId.SubjectsLine] = (
            "• {0} — {1}; последняя отметка: {2}; следующий срок: {3}",
            "• {0} — {1}; last check-in: {2}; next deadline: {3}"),
        [TextId.SubjectsNone] = (
            "У вас пока никого нет. Пригласите: /invite Псевдоним",
            "You have nobody yet. Invite someone: /invite Alias"),
        [TextId.StateOk] = ("в порядке", "ok"),
        [TextId.StateDue] = ("скоро срок", "due soon"),
        [TextId.StateMissed] = ("ПРОПУСТИЛ(А)", "MISSED"),
        [TextId.StateDueNow] = ("срок наступил", "due now"),
        [TextId.StateNoSchedule] = ("нет расписания", "no schedule"),
        [TextId.Never] = ("ещё не было", "never"),
        [TextId.NoDeadline] = ("—", "—"),
        [TextId.DeadlineIn] = ("{0} (через {1})", "{0} (in {1})"),
        [TextId.DeadlineCameGraceUntil] = ("{0} — срок наступил; отметьтесь до {1} (осталось {2})", "{0}: due now; check in by {1} ({2} left)"),
        [TextId.UnknownCommand] = (
            "Не знаю такой команды. /help — список команд.",
            "I do not know that command. /help lists the commands."),
        [TextId.OnlyText] = (
            "Я понимаю только текстовые команды. /help — список.",
            "I only understand text commands. /help lists them."),
        [TextId.NotForYourRole] = (
            "Эта команда вам недоступна. /help — ваши команды.",
            "That command is not available to you. /help lists yours."),
        [TextId.EditIgnored] = (
            "Исправленные сообщения я не читаю. Отправьте команду новым сообщением.",
            "I do not act on edited messages. Send the command as a new message."),
        [TextId.AckUsage] = (
            "Укажите номер дела: /ack C-0042",
            "Give the case number: /ack C-0042"),
        [TextId.AcknowledgedReminder] = (
            "⏰ {0}: вы приняли дело {1}, но с тех пор ни заметки, ни решения. Напишите /note {0} … или закройте: /resolve {0} safe|detained|missing|hospitalised|other. Если ничего не будет, тревога снова уйдёт всем.",
            "⏰ {0}: you took {1}'s case but there is no note or resolution since. Write /note {0} … or close it: /resolve {0} safe|detained|missing|hospitalised|other. If nothing happens, the alarm goes to everyone again."),
        [TextId.AlertEscalated] = (
            "Уровень 2: координаторы не приняли тревогу за {0}.",
            "Level 2: the coordinators have not acknowledged for {0}."),
        [TextId.AlertJoined] = (
            "Тревог по этому делу: {0}.",
            "Alarms in this case: {0}."),
        [TextId.AlertLocation] = (
            "Последнее известное место: {0} ({1})",
            "Last known location: {0} ({1})"),
        [TextId.AlertPlan] = (
            "План действий:\n{0}",
            "Response plan:\n{0}"),
        [TextId.AlertReopened] = (
            "Принято {0} в {1}, но с тех пор ничего: тревога снова всем.",
            "Acknowledged by {0} at {1}, but nothing since: the alarm goes to everyone again."),
        [TextId.AlertRepeat] = (
            "Повтор: никто не принял тревогу уже {0}.",
            "Reminder: nobody has acknowledged for {0}."),
        [TextId.ButtonAcknowledge] = (
            "✋ Беру",
            "✋ Acknowledge"),
        [TextId.ButtonResolve] = (
            "✔ Закрыть",
            "✔ Resolve"),
        [TextId.CaseAcknowledgedByYou] = (
            "{0}: дело за вами. Заметки: /note {0} …; закрыть: /resolve {0} safe|detained|missing|hospitalised|other",
            "{0}: the case is yours. Notes: /note {0} …; close it: /resolve {0} safe|detained|missing|hospitalised|other"),
        [TextId.CaseAlreadyAcknowledged] = (
            "{0} уже принял(а) {1} в {2}.",
            "{0} was already acknowledged by {1} at {2}."),
        [TextId.CaseAlreadyResolved] = (
            "{0} уже закрыто.",
            "{0} is already resolved."),
        [TextId.CaseLine] = (
            "{0} · {1} · {2} · {3} · открыто {4} · взято через: {5} · юрист узнал через: {6}",
            "{0} · {1} · {2} · {3} · opened {4} · taken after: {5} · lawyer told after: {6}"),
        [TextId.CaseNotFound] = (
            "Дела {0} среди ваших нет.",
            "There is no case {0} among yours."),
        [TextId.CaseResolvedByYou] = (
            "{0} закрыто: {1}.",
            "{0} resolved: {1}."),
        [TextId.CaseStateAcknowledged] = (
            "принято: {0}",
            "acknowledged by {0}"),
        [TextId.CaseStateOpen] = (
            "ждёт ответа, уровень {0}",
            "open, level {0}"),
        [TextId.CaseStateResolved] = (
            "закрыто: {0}",
            "resolved: {0}"),
        [TextId.CaseUsage] = (
            "Укажите номер дела: /case C-0042",
            "Give the case number: /case C-0042"),
        [TextId.CasesHeader] = (
            "Открытые дела:",
            "Open cases:"),
        [TextId.CasesNone] = (
            "Открытых дел нет.",
            "No open cases."),
        [TextId.CheckinDuringCase] = (
            "{2}: {0} отметился(-ась) в {1}. Дело остаётся открытым, пока его не закроют: отметку могли сделать под давлением.",
            "{2}: {0} checked in at {1}. The case stays open until someone resolves it: a check-in may be coerced."),
        [TextId.ChooseOutcome] = (
            "{0} ({1}): чем закончилось? Для «другого» напишите /resolve {0} other пояснение.",
            "{0} ({1}): how did it end? For anything else write /resolve {0} other and a note."),
        [TextId.DrillAlert] = (
            "🚨 {0}: учебная тревога по {1}, начал(а) {2} в {3}. Действуйте как в настоящей.",
            "🚨 {0}: drill about {1}, started by {2} at {3}. Act as you would for real."),
        [TextId.DrillAlreadyRunning] = (
            "Учения по {0} уже идут; закройте их, чтобы начать новые.",
            "A drill about {0} is already running; resolve it to start another."),
        [TextId.DrillPrefix] = (
            "[УЧЕНИЯ] ",
            "[DRILL] "),
        [TextId.DrillStarted] = (
            "Учения {0} по {1} начаты. Человеку ничего не отправляется.",
            "Drill {0} about {1} started. Nothing is sent to them."),
        [TextId.DrillUsage] = (
            "Укажите псевдоним: /drill Псевдоним",
            "Give the alias: /drill Alias"),
        [TextId.LocationShared] = (
            "{0}: {1} поделился(-ась) местом: {2} ({3})",
            "{0}: {1} shared a location: {2} ({3})"),
        [TextId.MissingAlert] = (
            "🚨 {0}: {2} сообщает, что {1} пропал(а) ({3}).\n«{4}»",
            "🚨 {0}: {2} reports {1} missing ({3}).\n“{4}”"),
        [TextId.MissingOpened] = (
            "{0} открыто по {1}; тревога ушла координаторам и юристам.",
            "{0} opened about {1}; coordinators and lawyers are alerted."),
        [TextId.MissingUsage] = (
            "Укажите псевдоним и, если можно, что известно: /missing Псевдоним звонок, крики на фоне",
            "Give the alias and, if you can, what you know: /missing Alias call, screaming in the background"),
        [TextId.NotYet] = (
            "ещё нет",
            "not yet"),
        [TextId.NotYetFor] = (
            "ещё нет ({0})",
            "not yet ({0})"),
        [TextId.NoteAdded] = (
            "Заметка добавлена в {0}.",
            "Note added to {0}."),
        [TextId.NoteUsage] = (
            "Формат: /note C-0042 текст заметки",
            "Format: /note C-0042 text of the note"),
        [TextId.OutcomeDetained] = (
            "задержан(а)",
            "detained"),
        [TextId.OutcomeHospitalised] = (
            "в больнице",
            "hospitalised"),
        [TextId.OutcomeMissing] = (
            "пропал(а)",
            "missing"),
        [TextId.OutcomeOther] = (
            "другое",
            "other"),
        [TextId.OutcomeSafe] = (
            "в безопасности",
            "safe"),
        [TextId.PlanAsk] = (
            "Пришлите план действий для {0} следующим сообщением: кому звонить, номер юриста, известные адреса, что говорить полиции.\nСейчас:\n{1}",
            "Send the response plan for {0} as your next message: who to call, the lawyer's number, known addresses, what to tell the police.\nNow:\n{1}"),
        [TextId.PlanSaved] = (
            "План для {0} сохранён; он будет в каждой тревоге.",
            "The plan for {0} is saved; it comes with every alert."),
        [TextId.PlanUsage] = (
            "Формат: /plan Псевдоним (план — следующим сообщением)",
            "Format: /plan Alias (then the plan as your next message)"),
        [TextId.Received] = (
            "Принято.",
            "Received."),
        [TextId.ResolveOtherNeedsNote] = (
            "Для «другого» нужна заметка: /resolve {0} other что случилось",
            "“Other” needs a note: /resolve {0} other what happened"),
        [TextId.ResolveUsage] = (
            "Формат: /resolve C-0042 safe|detained|missing|hospitalised|other [заметка]",
            "Format: /resolve C-0042 safe|detained|missing|hospitalised|other [note]"),
        [TextId.SosAlert] = (
            "🆘 {0}: {1} нажал(а) SOS ({2}).",
            "🆘 {0}: {1} sent SOS ({2})."),
        [TextId.StatusAcknowledgedBy] = (
            "✋ Принято: {0} в {1}",
            "✋ Acknowledged by {0} at {1}"),
        [TextId.StatusResolvedBy] = (
            "✔ Закрыто: {0}, {1} — {2}",
            "✔ Resolved by {0}, {1}: {2}"),
        [TextId.SubjectNotFound] = (
            "Среди ваших нет «{0}».",
            "You have nobody called “{0}”."),
        [TextId.TriggerDrill] = (
            "учения",
            "drill"),
        [TextId.TriggerMissed] = (
            "пропуск отметки",
            "missed check-in"),
        [TextId.TriggerMissing] = (
            "сообщение о пропаже",
            "missing report"),
        [TextId.TriggerSos] = (
            "SOS",
            "SOS"),
        [TextId.TriggerUnreachable] = (
            "недоступен в Telegram",
            "unreachable on Telegram"),
        [TextId.UnreachableAlert] = (
            "🚨 {0}: Telegram больше не доставляет сообщения {1} ({2}). Телефон или аккаунт могли попасть в чужие руки.",
            "🚨 {0}: Telegram no longer delivers messages to {1} ({2}). The phone or account may be in other hands."),
        [TextId.ButtonNotOffered] = (
            "Эту кнопку бот не предлагал; ничего не изменено. Используйте кнопки под сообщениями бота или /resolve.",
            "The bot never offered this button; nothing was changed. Use the buttons under the bot's messages, or /resolve."),
        [TextId.CoverageGap] = (
            "⚠ Никто из координаторов не может получить тревоги о: {0}. Назначьте другого координатора (администратор: distressbot assign coordinator … --subject …).",
            "⚠ No coordinator can receive alerts about: {0}. Get another coordinator assigned (admin: distressbot assign coordinator … --subject …)."),
        [TextId.ColleagueUnreachable] = (
            "⚠ {0} недоступен(-на) в Telegram (заблокировал(а) бота или удалил(а) аккаунт). Тревоги о {1} теперь идут дальше по цепочке.",
            "⚠ {0} cannot be reached on Telegram (blocked the bot or deactivated the account). Alerts about {1} now go further along the chain."),
        [TextId.AlertDowntime] = (
            "Бот не работал или не видел Telegram с {0} до {1}: отметка могла не дойти.",
            "The bot was down or could not reach Telegram from {0} to {1}: a check-in may not have got through."),
        [TextId.OutageReport] = (
            "⚠ Бот не мог связаться с Telegram с {0} до {1}. Отметки в это время могли не дойти. Сроки ваших людей в этом промежутке:\n{2}",
            "⚠ The bot could not reach Telegram from {0} to {1}. Check-ins sent then may not have got through. Your people's deadlines in that time:\n{2}"),
        [TextId.OutageLineMissed] = (
            "• {0}: срок {1} — отметка не пришла",
            "• {0}: deadline {1} — no check-in arrived"),
        [TextId.OutageLineCheckedIn] = (
            "• {0}: отметка в {1}",
            "• {0}: checked in at {1}"),
        [TextId.OutageNone] = (
            "• ни один срок не пришёлся на это время",
            "• no deadline fell in that time"),
        [TextId.TimelineOpened] = ("Открыто", "Opened"),
        [TextId.TimelineJoined] = ("Новая тревога по делу", "Another alarm joined"),
        [TextId.TimelineAlertQueued] = ("Тревога поставлена в очередь", "Alert queued"),
        [TextId.TimelineAlertDelivered] = ("Тревога доставлена", "Alert delivered"),
        [TextId.TimelineAlertFailed] = ("Telegram отказал в доставке", "Alert refused by Telegram"),
        [TextId.TimelineSubjectCheckedIn] = ("Отметка человека", "Subject checked in"),
        [TextId.TimelineEscalated] = ("Эскалация", "Escalated"),
        [TextId.TimelineRepeated] = ("Повтор", "Repeated"),
        [TextId.TimelineAcknowledged] = ("Принято", "Acknowledged"),
        [TextId.TimelineAcknowledgedReminder] = ("Напоминание принявшему", "Taker reminded"),
        [TextId.TimelineNote] = ("Заметка", "Note"),
        [TextId.TimelineLocation] = ("Место", "Location"),
        [TextId.TimelineResolved] = ("Закрыто", "Resolved"),
        [TextId.TimelineRecipientUnreachable] = ("Получатель недоступен", "Recipient unreachable"),
        [TextId.TimelineOutage] = ("Сбой связи", "Outage"),
        [TextId.TimelineAlertDropped] = ("Не отправлено: дело уже закрыто", "Not sent: the case was already closed"),
        [TextId.TimelineTimes] = ("×{0}, последний раз {1}", "×{0}, last {1}"),
        [TextId.TimelineCut] = ("… пропущено шагов: {0} …", "… {0} steps left out …"),
        [TextId.TimelineAlertMerged] = ("Тревога ещё ждёт отправки: уйдёт с последними сведениями", "An alert still waits to go: it will tell the latest"),
        [TextId.TimelineMessageDelivered] = ("Сообщение по делу доставлено", "Message about the case delivered"),
        [TextId.TimelineMessageNumber] = ("сообщение {0}", "message {0}"),
        [TextId.TimelineDeadline] = ("срок {0}", "deadline {0}"),
        [TextId.TimelineSentAt] = ("отправлено {0}", "sent {0}"),
        [TextId.TimelineReportedBy] = ("сообщил(а) {0}", "reported by {0}"),
        [TextId.TimelineStartedBy] = ("начал(а) {0}", "started by {0}"),
        [TextId.TimelineBotDown] = ("бот или его связь с Telegram не работали с {0} до {1}", "bot or Telegram link down from {0} to {1}"),
        [TextId.TimelineTelegramDown] = ("Telegram был недоступен с {0} до {1}", "Telegram unreachable from {0} to {1}"),
        [TextId.TimelineTelegramSaid] = ("ответ Telegram: «{0}»", "Telegram said: “{0}”"),
        [TextId.TimelineEscalatedNobodyAcknowledged] = ("никто не принял дело", "nobody acknowledged"),
        [TextId.TimelineEscalatedRecipientUnreachable] = ("получатель первого уровня недоступен", "a level-1 recipient is unreachable"),
        [TextId.TimelineEscalatedTakerQuiet] = ("принявший дело молчит", "acknowledged but quiet"),
        [TextId.TimelineEscalatedAtOnce] = ("сразу", "at once"),
        [TextId.TimelineReasonAlarm] = ("тревога", "alarm"),
        [TextId.TimelineReasonEscalated] = ("эскалация", "escalation"),
        [TextId.TimelineReasonRepeat] = ("повтор", "repeat"),
        [TextId.TimelineReasonReopened] = ("повторная эскалация: принявший молчит", "escalated again: the taker went quiet"),
        [TextId.InternalError] = (
            "Не получилось обработать сообщение. Ничего не потеряно; попробуйте ещё раз через минуту.",
            "I could not handle that message. Nothing was lost; try again in a minute."),
        [TextId.SubjectMessageFailed] = (
            "⚠ Сообщение от {0} не удалось обработать (это могла быть тревога /sos или отметка). Свяжитесь с человеком; /cases — открытые дела.",
            "⚠ A message from {0} could not be handled (it may have been an SOS or a check-in). Check on them; /cases shows open cases."),
        [TextId.ScheduleTooRare] = (
            "Слишком редко: отметки должны быть не реже, чем раз в {0}.",
            "Too far apart: check-ins must be at most {0} apart."),
        [TextId.PauseUsage] = (
            "Пауза: /pause 2d — отметки не нужны 2 дня (не дольше {0}). /resume — закончить паузу раньше.",
            "Pause: /pause 2d — no check-ins needed for 2 days (at most {0}). /resume ends the pause early."),
        [TextId.PauseTooLong] = (
            "Пауза не может быть дольше {0}.",
            "A pause can last at most {0}."),
        [TextId.PauseNoSchedule] = (
            "Ставить на паузу нечего: расписания пока нет.",
            "There is nothing to pause: there is no schedule yet."),
        [TextId.PauseSet] = (
            "Пауза до {0}.\nСледующая отметка до {1}.",
            "Paused until {0}.\nNext check-in due by {1}."),
        [TextId.PauseSetAfterCheckin] = (
            "Пауза ({0}) начнётся после вашей следующей отметки, а она всё ещё нужна: {1}.",
            "The pause ({0}) starts after your next check-in, which is still needed: {1}."),
        [TextId.PausedUntil] = (
            "Пауза до {0}.",
            "Paused until {0}."),
        [TextId.PauseWaitsForCheckin] = (
            "После следующей отметки — пауза ({0}).",
            "After your next check-in: a pause ({0})."),
        [TextId.PauseOver] = (
            "Пауза окончена. Следующая отметка до {0}.",
            "The pause is over. Next check-in due by {0}."),
        [TextId.ResumeNotPaused] = (
            "Паузы нет.",
            "Nothing is paused."),
        [TextId.ScheduleChangedToCoordinators] = (
            "{0} изменил(а) расписание: {1}. Следующая отметка до {2}.",
            "{0} changed their schedule to {1}. Next check-in due by {2}."),
        [TextId.ScheduleChangedAfterCheckinToCoordinators] = (
            "{0} изменил(а) расписание: {1}. Оно начнёт действовать только после следующей отметки, а она по-прежнему нужна: {2}.",
            "{0} changed their schedule to {1}. It starts only after their next check-in, which is still due: {2}."),
        [TextId.TimezoneChangedToCoordinators] = (
            "{0} изменил(а) часовой пояс: {1}. Следующая отметка до {2}.",
            "{0} changed their time zone to {1}. Next check-in due by {2}."),
        [TextId.PausedToCoordinators] = (
            "{0} поставил(а) отметки на паузу ({1}), до {2}. До тех пор нет ни напоминаний, ни тревоги о пропущенной отметке; открытое дело идёт как шло.",
            "{0} paused their check-ins ({1}) until {2}. Until then there are no reminders and no missed check-in alarm; an open case goes on as before."),
        [TextId.PausedAfterCheckinToCoordinators] = (
            "{0} попросил(а) паузу ({1}). Она начнётся только после отметки за срок, который уже наступил ({2}); пропуск этого срока поднимет тревогу как обычно.",
            "{0} asked for a pause ({1}). It starts only after the check-in for the deadline that has already come ({2}); missing that deadline raises the alarm as usual."),
        [TextId.PauseStartedToCoordinators] = (
            "{0} отметился(-ась); пауза, о которой он(а) просил(а), идёт до {1}.",
            "{0} checked in; the pause they asked for runs until {1}."),
        [TextId.ResumedToCoordinators] = (
            "{0} закончил(а) паузу досрочно. Следующая отметка до {1}.",
            "{0} ended their pause early. Next check-in due by {1}."),
        [TextId.SubjectsPausedUntil] = (
            "  на паузе до {0}",
            "  paused until {0}"),
        [TextId.MenuCheckin] = (
            "Отметиться",
            "Check in"),
        [TextId.MenuStatus] = (
            "Когда следующая отметка",
            "When the next check-in is due"),
        [TextId.MenuSos] = (
            "Срочно попросить о помощи",
            "Ask for help at once"),
        [TextId.MenuSchedule] = (
            "Расписание напоминаний",
            "Reminder schedule"),
        [TextId.MenuTimezone] = (
            "Часовой пояс",
            "Time zone"),
        [TextId.MenuHelp] = (
            "Справка",
            "Help"),
        [TextId.MenuPin] = (
            "Задать или сменить PIN-коды",
            "Set or change your PINs"),
        [TextId.MenuPause] = (
            "Пауза в отметках",
            "Pause check-ins"),
        [TextId.PinsSetToCoordinators] = (
            "{0} задал(а) PIN-коды: теперь отметка без PIN-кода не засчитывается.",
            "{0} set their PINs: a check-in now counts only with one."),
        [TextId.PinsChangedToCoordinators] = (
            "{0} сменил(а) PIN-коды. Если вы этого не ждали, свяжитесь с человеком по заранее оговорённому каналу.",
            "{0} changed their PINs. If you did not expect this, check on them through the channel you agreed on."),
        [TextId.SubjectsOpenCase] = (
            "  ⚠ открыто дело {0} — /case {0}",
            "  ⚠ case {0} is open — /case {0}"),
        [TextId.SubjectsDuressCase] = (
            "  ⚠ ПРИНУЖДЕНИЕ: открыто дело {0}, не пишите и не звоните на телефон человека — /case {0}",
            "  ⚠ DURESS: case {0} is open, do not write to or call their phone — /case {0}"),
        [TextId.SubjectsCaseTaken] = (
            "    взял(а): {0}",
            "    taken by {0}"),
        [TextId.SubjectsCaseNotTaken] = (
            "    никто ещё не взял",
            "    nobody has taken it yet"),
        [TextId.StatusOverdue] = (
            "Отметка просрочена (срок был {0}): отметьтесь сейчас.",
            "Your check-in is overdue (it was due by {0}): check in now."),
        [TextId.StateCaseOpen] = (
            "отметился(-ась), но дело открыто",
            "checked in, but a case is open"),
        [TextId.PinAskCheckin] = (
            "Отправьте PIN-код отдельным сообщением.",
            "Send your PIN as a message of its own."),
        [TextId.PinAskCurrent] = (
            "Отправьте текущий PIN-код отметки отдельным сообщением.",
            "Send your current check-in PIN as a message of its own."),
        [TextId.PinAskNew] = (
            "Придумайте PIN-код отметки: от 4 до 12 цифр, не 1234 и не 0000. Отправьте его отдельным сообщением.",
            "Choose a check-in PIN: 4 to 12 digits, not 1234 or 0000. Send it as a message of its own."),
        [TextId.PinAskDuress] = (
            "Теперь второй PIN-код, не такой, как первый (от 4 до 12 цифр).",
            "Now a second PIN, different from the first (4 to 12 digits)."),
        [TextId.PinsSet] = (
            "PIN-коды сохранены. Отмечайтесь так: /checkin PIN, или /checkin, а затем PIN отдельным сообщением.",
            "PINs saved. Check in with /checkin PIN, or /checkin and then the PIN as a message of its own."),
        [TextId.PinNotAccepted] = (
            "PIN-код не принят.",
            "PIN not accepted."),
        [TextId.PinBadShape] = (
            "PIN-код — от 4 до 12 цифр. Отправьте другой.",
            "A PIN is 4 to 12 digits. Send another."),
        [TextId.PinTrivial] = (
            "Такой PIN-код легко угадать (одинаковые или идущие подряд цифры). Отправьте другой.",
            "That PIN is easy to guess (repeated or consecutive digits). Send another."),
        [TextId.PinDuressSame] = (
            "Второй PIN-код должен отличаться от первого. Отправьте другой.",
            "The second PIN must differ from the first. Send another."),
        [TextId.PinFirst] = (
            "Но прежде всего задайте PIN-коды: /pin",
            "But before anything else, set your PINs: /pin"),
        [TextId.SubjectsNoPin] = (
            "   PIN-кода пока нет",
            "   no PIN yet"),
        [TextId.PinLockoutCoordinator] = (
            "⚠ {0}: {1} неверных PIN-кодов за {2}. Возможно, телефоном пользуется кто-то другой. Дальнейшие PIN-коды отклоняются без проверки до {3}.",
            "⚠ {0}: {1} wrong PINs within {2}. Someone else may be using their phone. Further PINs are refused unchecked until {3}."),
        [TextId.DuressAlert] = (
            "🚨 {0}: {1} ввёл(а) PIN-код принуждения в {2}. Всё выглядит для телефона как обычно.",
            "🚨 {0}: {1} entered the duress PIN at {2}. To the phone everything looks as usual."),
        [TextId.DuressPrefix] = (
            "[ПРИНУЖДЕНИЕ — не пишите и не звоните на телефон человека: он может быть в чужих руках] ",
            "[DURESS — do not write to or call the subject's phone: it may be in other hands] "),
        [TextId.TriggerDuress] = (
            "PIN-код принуждения",
            "duress PIN"),
        [TextId.TimelineRead] = ("Прочитано", "Read"),
        [TextId.TimelineExported] = ("Выгружен пакет доказательств", "Evidence bundle exported"),
        [TextId.TimelineAccessRefused] = ("Отказано в доступе: не участник дела", "Access refused: not on the case"),
        [TextId.CheckpointMessage] = (
            "Контрольная точка журнала дела {0}: {1} записей. Сохраните это сообщение: оно подписано ключом журнала и доказывает, что журнал содержал именно эти записи. Команда distressbot verify сверит с ним любую более позднюю выгрузку дела.\n\n{2}",
            "Checkpoint of case {0}'s log: {1} entries. Keep this message: it is signed with the log key and proves what the log held at this moment. distressbot verify checks any later export of the case against it.\n\n{2}"),
        [TextId.CheckpointUsage] = (
            "/checkpoint C-0042 — подписанная контрольная точка журнала дела.",
            "/checkpoint C-0042 — a signed checkpoint of the case's log."),
        [TextId.ExportUsage] = (
            "/export C-0042 — пакет доказательств по делу: журнал, подписанная контрольная точка, отчёт PDF. /export C-0042 locations,notes — то же, но места и заметки скрыты.",
            "/export C-0042 — the case's evidence bundle: the log, a signed checkpoint, a PDF report. /export C-0042 locations,notes — the same with locations and notes withheld."),
        [TextId.ExportCaption] = (
            "Дело {0}: пакет доказательств ({1} записей журнала, подписан). Проверка: distressbot verify {2}",
            "Case {0}: evidence bundle ({1} log entries, signed). To check it: distressbot verify {2}"),
        [TextId.ExportWritten] = (
            "Дело {0}: пакет доказательств ({1} записей журнала) записан в {2}",
            "Case {0}: evidence bundle ({1} log entries) written to {2}"),
        [TextId.DocumentCaptionCut] = (
            "(подпись сокращена)",
            "(caption shortened)"),
        [TextId.TimelineFact] = ("Сведения для обращений", "Fact for the drafts"),
        [TextId.TimelineDraftMade] = ("Составлен черновик обращения", "Draft filing made"),
        [TextId.FactUsage] = (
            "Формат: /fact C-0042 ключ значение — сведения для черновиков обращений (/draft); новое значение заменяет старое. Ключи:\nfull_name — фамилия, имя, отчество\ndate_of_birth — дата рождения\nnationality — гражданство\nid_document — документ, удостоверяющий личность (вид, номер)\ndescription — приметы, одежда\nlast_known_place — последнее известное местонахождение\ndeprived_at — дата, время и место задержания или последнего контакта\ndeprived_by — кто предположительно задержал или причастен\nrelatives_steps — что уже сделали родственники\nlawyer_steps — что уже сделали юристы\nhost_state — государство, которое может выдать человека\nrisk — чем грозит выдача\nsubmitter — кто подаёт обращение (имя, контакты)",
            "Format: /fact C-0042 key value — facts for the draft filings (/draft); a new value replaces the old one. Keys:\nfull_name — full name\ndate_of_birth — date of birth\nnationality — nationality\nid_document — identity document (kind, number)\ndescription — physical description, clothing\nlast_known_place — last known whereabouts\ndeprived_at — date, time and place of the arrest or last contact\ndeprived_by — who is believed to have taken them or to be responsible\nrelatives_steps — steps the relatives have taken\nlawyer_steps — steps the lawyers have taken\nhost_state — the state that might hand the person over\nrisk — what the person faces if handed over\nsubmitter — who files it (name, contacts)"),
        [TextId.FactSet] = (
            "{0}: сведение {1} сохранено для черновиков (/draft {0} police|wgeid|interim).",
            "{0}: {1} kept for the drafts (/draft {0} police|wgeid|interim)."),
        [TextId.CaseFactsLine] = ("Сведения для обращений: {0}", "Facts for the drafts: {0}"),
        [TextId.DraftUsage] = (
            "/draft C-0042 police|wgeid|interim — черновик .docx: police — заявление в полицию о пропаже; wgeid — срочное обращение в Рабочую группу ООН по насильственным исчезновениям; interim — просьба об обеспечительных мерах против выдачи. Сведения добавляйте командой /fact.",
            "/draft C-0042 police|wgeid|interim — a .docx draft: police — a missing-person report to the police; wgeid — an urgent action to the UN Working Group on Enforced or Involuntary Disappearances; interim — a request for interim measures against a hand-over. Add facts with /fact."),
        [TextId.DraftCaption] = (
            "Дело {0}: черновик ({1}). Это ЧЕРНОВИК: проверьте его и заполните пропуски [ЗАПОЛНИТЬ: …] перед подачей.",
            "Case {0}: draft ({1}). This is a DRAFT: check it and fill the blanks [TO FILL: …] before filing."),
        [TextId.DraftWritten] = (
            "Дело {0}: черновик ({1}) записан в {2}",
            "Case {0}: draft ({1}) written to {2}"),
        [TextId.TimelineReleased] = ("Снято с удержания администратором; удалится по сроку хранения", "Released from legal hold by the admin; purged after the retention period"),
        [TextId.ExportRedactUsage] = (
            "«{0}» — не слово для /export. /export C-0042 locations,notes — пакет, в котором скрыты записи: locations — места и все доставленные оповещения, в которых бывает последнее известное место (location, alert_delivered), notes — заметки, закрытие дела с его заметкой и факты для черновиков (note, resolved, fact). Пакет сверяется с той же подписью, что и полный. Ничего не выгружено.",
            "'{0}' is not a word /export takes. /export C-0042 locations,notes — a bundle that withholds entries: locations — locations and every delivered alert, since alerts quote the last known location (location, alert_delivered), notes — notes, the resolution with its note, and the facts kept for drafts (note, resolved, fact). It checks against the same signature as the full one. Nothing was exported."),
        [TextId.TimelineEvidence] = ("Получен файл-доказательство", "Evidence file received"),
        [TextId.EvidenceUsage] = (
            "Укажите дело: /evidence C-0042, затем в течение нескольких минут пришлите файлы (документы, фото, голосовые, видео). Или пришлите файл с подписью /evidence C-0042.",
            "Name the case: /evidence C-0042, then send the files within a few minutes (documents, photos, voice notes, videos). Or send a file with the caption /evidence C-0042."),
        [TextId.EvidenceWaiting] = (
            "Дело {0}: присылайте файлы — {1} каждый будет сохранён в деле с его SHA-256. Фото присылайте как файл (📎 → Файл): Telegram пережимает фотографии.",
            "Case {0}: send the files — for {1} each is kept with the case with its SHA-256. Send photos as files (📎 → File): Telegram recompresses photos."),
        [TextId.EvidenceNoCase] = (
            "Чтобы сохранить файл в деле, сначала отправьте /evidence C-0042 или подпишите файл /evidence C-0042. Этот файл не сохранён.",
            "To keep a file with a case, send /evidence C-0042 first or give the file the caption /evidence C-0042. This file was not kept."),
        [TextId.EvidenceTooLarge] = (
            "Дело {0}: файл «{1}» больше 20 МБ — столько бот не может скачать из Telegram. Ничего не сохранено; передайте файл иначе.",
            "Case {0}: the file '{1}' is over 20 MB, more than a bot can download from Telegram. Nothing was kept; hand the file over another way."),
        [TextId.EvidenceNotDownloaded] = (
            "Дело {0}: файл «{1}» не удалось получить из Telegram. Ничего не сохранено; пришлите его ещё раз.",
            "Case {0}: the file '{1}' could not be had from Telegram. Nothing was kept; send it again."),
        [TextId.EvidenceKept] = (
            "Дело {0}: файл «{1}» ({2} байт) сохранён. SHA-256: {3}",
            "Case {0}: the file '{1}' ({2} bytes) is kept. SHA-256: {3}"),
        [TextId.EvidencePhotoAsFile] = (
            "Telegram пережал это фото: пришлите оригинал как файл (📎 → Файл), чтобы сохранить его собственные байты.",
            "Telegram recompressed this photo: send the original as a file (📎 → File) to keep its own bytes."),
        [TextId.EvidenceUsageSubject] = (
            "Напишите /evidence и номер, который вам дали, затем в течение нескольких минут пришлите файлы. Или пришлите файл с подписью /evidence и номер.",
            "Send /evidence and the number you were given, then send the files within a few minutes. Or send a file with the caption /evidence and the number."),
        [TextId.EvidenceWaitingSubject] = (
            "Присылайте файлы: {0} каждый будет сохранён с его SHA-256. Фото присылайте как файл (📎 → Файл): Telegram пережимает фотографии.",
            "Send the files: for {0} each is kept with its SHA-256. Send photos as files (📎 → File): Telegram recompresses photos."),
        [TextId.EvidenceKeptSubject] = (
            "Файл «{0}» ({1} байт) сохранён. SHA-256: {2}",
            "The file '{0}' ({1} bytes) is kept. SHA-256: {2}"),
        [TextId.EvidencePhotoAsFileSubject] = (
            "Telegram пережал это фото: пришлите оригинал как файл (📎 → Файл), чтобы сохранить его собственные байты.",
            "Telegram recompressed this photo: send the original as a file (📎 → File) to keep its own bytes."),
        [TextId.EvidenceNotFoundSubject] = (
            "Под номером {0} ничего не найдено. Файл не сохранён.",
            "Nothing found under {0}. The file was not kept."),
        [TextId.EvidenceTooLargeSubject] = (
            "Файл «{0}» больше 20 МБ — столько бот не может скачать из Telegram. Ничего не сохранено; передайте файл иначе.",
            "The file '{0}' is over 20 MB, more than a bot can download from Telegram. Nothing was kept; hand the file over another way."),
        [TextId.EvidenceNotDownloadedSubject] = (
            "Файл «{0}» не удалось получить из Telegram. Ничего не сохранено; пришлите его ещё раз.",
            "The file '{0}' could not be had from Telegram. Nothing was kept; send it again."),
        [TextId.TimelineRevoked] = ("Удалён(а) из бота администратором", "Removed from the bot by the admin"),
        [TextId.RevokedSubject] = (
            "Администратор удалил {0} из бота: отметок и тревог о нём (ней) больше не будет. Прошлые дела остаются в хранилище; администратор может их выгрузить (export-case).",
            "The admin removed {0} from the bot: there will be no more check-ins or alerts about them. Their past cases stay in the store; the admin can export them (export-case)."),
        [TextId.RevokedCoordinator] = (
            "Администратор удалил координатора {0} из бота: он(а) больше не ведёт {1} и ничего о нём (ней) не получит.",
            "The admin removed coordinator {0} from the bot: they no longer look after {1} and are told nothing more about them."),
        [TextId.RevokedLawyer] = (
            "Администратор удалил юриста {0} из бота: он(а) больше ничего не получит о {1}.",
            "The admin removed lawyer {0} from the bot: they are told nothing more about {1}."),
        [TextId.RevokedTakerCaseOpen] = (
            "Дело {0} взял(а) {1}; теперь оно снова открыто и ничьё: возьмите его — /ack {0}.",
            "Case {0} was taken by {1}; it is open again and nobody's: take it with /ack {0}."),
        [TextId.LawyerKeyUsage] = (
            "/lawyerkey КЛЮЧ — запечатывать ваши пакеты /export вашим открытым ключом X25519 (base64). Ключ делается на вашем компьютере: distressbot lawyer-key --out lawyer.key (файл с закрытым ключом остаётся у вас). /lawyerkey off — больше не запечатывать.",
            "/lawyerkey KEY — seal your /export bundles to your X25519 public key (base64). Make the key on your computer: distressbot lawyer-key --out lawyer.key (the private key file stays with you). /lawyerkey off — stop sealing."),
        [TextId.LawyerKeySet] = (
            "Ключ сохранён (отпечаток {0}). Ваши пакеты /export теперь приходят запечатанными; открыть: distressbot open ФАЙЛ --key lawyer.key --out пакет.zip",
            "Key kept (fingerprint {0}). Your /export bundles now come sealed; to open one: distressbot open FILE --key lawyer.key --out bundle.zip"),
        [TextId.LawyerKeyRemoved] = (
            "Ключ удалён: пакеты /export снова приходят незапечатанными.",
            "Key removed: /export bundles come unsealed again."),
        [TextId.LawyerKeyNone] = (
            "Ключ не был задан; ничего не изменилось.",
            "No key was registered; nothing changed."),
        [TextId.LawyerKeyInvalid] = (
            "Это не открытый ключ X25519 (32 байта в base64, как печатает distressbot lawyer-key). Ничего не изменилось.",
            "That is not an X25519 public key (32 bytes in base64, as distressbot lawyer-key prints it). Nothing changed."),
        [TextId.ExportSealedCaption] = (
            "Дело {0}: пакет доказательств ({1} записей журнала, подписан), запечатан вашим ключом {3}. Открыть: distressbot open {2} --key lawyer.key --out пакет.zip, затем distressbot verify пакет.zip",
            "Case {0}: evidence bundle ({1} log entries, signed), sealed to your key {3}. To open it: distressbot open {2} --key lawyer.key --out bundle.zip, then distressbot verify bundle.zip"),
    }.ToFrozenDictionary();

    /// <summary>All ids that have texts (tests check it is every <see cref="TextId"/>).</summary>
    public static IEnumerable<TextId> Ids => Texts.Keys;

    /// <summary>The raw template of <paramref name="id"/> in <paramref name="language"/>.</summary>
    public static string Template(TextId id, Language language)
    {
        var (ru, en) = Texts[id];
        return language == Language.Ru ? ru : en;
    }

    /// <summary>The text of <paramref name="id"/> in <paramref name="language"/> with its placeholders filled.</summary>
    public static string Format(Language language, TextId id, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Template(id, language), args);

    /// <summary>The text of <paramref name="id"/> in <paramref name="language"/> and <paramref name="voice"/> (cover wording: <see cref="CoverCatalogue"/>) with its placeholders filled.</summary>
    public static string Format(TextVoice voice, Language language, TextId id, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, voice == TextVoice.Cover ? CoverCatalogue.Template(id, language) : Template(id, language), args);
}
