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
        [TextId.InvalidCode] = (
            "Код не подходит: он неверный, уже использован или истёк. Попросите новый у того, кто его дал.",
            "This code does not work: it is wrong, already used or expired. Ask whoever gave it to you for a new one."),
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
            "/checkin — отметиться\n/status — когда следующая отметка\n/schedule every 12h grace 30m — отмечаться каждые 12 часов, запас 30 минут\n/schedule daily 09:00 21:00 grace 45m — отмечаться в 09:00 и 21:00\n/timezone Europe/Moscow — ваш часовой пояс\n/help — эта справка",
            "/checkin — check in\n/status — when the next check-in is due\n/schedule every 12h grace 30m — check in every 12 hours, 30 minutes of grace\n/schedule daily 09:00 21:00 grace 45m — check in at 09:00 and 21:00\n/timezone Europe/Moscow — your time zone\n/help — this help"),
        [TextId.HelpCoordinator] = (
            "/invite Псевдоним — код для подключения нового человека под этим псевдонимом\n/subjects — ваши люди: состояние, последняя отметка, следующий срок\n/timezone Europe/Moscow — ваш часовой пояс для времени в сообщениях\n/help — эта справка",
            "/invite Alias — a code to enrol a new person under this alias\n/subjects — your people: state, last check-in, next deadline\n/timezone Europe/Moscow — your time zone for times in messages\n/help — this help"),
        [TextId.HelpLawyer] = (
            "/timezone Europe/Moscow — ваш часовой пояс для времени в сообщениях\n/help — эта справка\nО делах, которые касаются вас, бот сообщит сам.",
            "/timezone Europe/Moscow — your time zone for times in messages\n/help — this help\nThe bot tells you of cases that concern you."),
        [TextId.InviteUsage] = (
            "Укажите псевдоним: /invite Псевдоним (буквы, цифры, пробел, дефис; до 32 знаков).",
            "Give an alias: /invite Alias (letters, digits, space, hyphen; up to 32 characters)."),
        [TextId.InviteCreated] = (
            "Код для {0}:\n{1}\nПередайте его лично. Человек отправляет боту: /start {1}\nКод одноразовый, действует до {2}.",
            "Code for {0}:\n{1}\nHand it over in person. They send the bot: /start {1}\nSingle use, valid until {2}."),
        [TextId.AliasTaken] = (
            "Псевдоним «{0}» у вас уже есть. Выберите другой.",
            "You already have someone called “{0}”. Choose another alias."),
        [TextId.AliasInvalid] = (
            "Псевдоним может содержать буквы, цифры, пробел и дефис, до 32 знаков.",
            "An alias may have letters, digits, spaces and hyphens, up to 32 characters."),
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
        [TextId.TimezoneUsage] = (
            "Ваш часовой пояс: {0}. Изменить: /timezone Europe/Moscow",
            "Your time zone: {0}. To change it: /timezone Europe/Moscow"),
        [TextId.TimezoneSet] = (
            "Часовой пояс: {0}. Сейчас там {1}.",
            "Time zone: {0}. It is {1} there now."),
        [TextId.TimezoneUnknown] = (
            "Не знаю часовой пояс «{0}». Примеры: Europe/Moscow, Europe/Berlin, Asia/Tbilisi, UTC.",
            "I do not know the time zone “{0}”. Examples: Europe/Moscow, Europe/Berlin, Asia/Tbilisi, UTC."),
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
            "Расписание: {0}\nСостояние: {1}\nПоследняя отметка: {2}\nСледующая отметка до: {3}",
            "Schedule: {0}\nState: {1}\nLast check-in: {2}\nNext check-in due by: {3}"),
        [TextId.StatusNoSchedule] = (
            "Расписания нет. Последняя отметка: {0}.\nЗадайте расписание: /schedule",
            "No schedule. Last check-in: {0}.\nSet a schedule: /schedule"),
        [TextId.ReminderBefore] = (
            "Напоминание: отметьтесь до {0} (осталось {1}).",
            "Reminder: check in by {0} ({1} left)."),
        [TextId.ReminderAtDeadline] = (
            "Срок отметки наступил. Отметьтесь до {0}, иначе координатор получит тревогу.",
            "Your check-in is due now. Check in by {0}, or your coordinator will be alerted."),
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
        [TextId.StateDue] = ("скоро срок", "due"),
        [TextId.StateMissed] = ("ПРОПУСТИЛ(А)", "MISSED"),
        [TextId.StateNoSchedule] = ("нет расписания", "no schedule"),
        [TextId.Never] = ("ещё не было", "never"),
        [TextId.NoDeadline] = ("—", "—"),
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
        [TextId.InternalError] = (
            "Не получилось обработать сообщение. Ничего не потеряно; попробуйте ещё раз через минуту.",
            "I could not handle that message. Nothing was lost; try again in a minute."),
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
}
