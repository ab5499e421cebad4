using System.Collections.Frozen;

namespace DistressBot.Localization;

/// <summary>
/// Cover wording: what a subject reads when their chat must look like an ordinary reminder app. Each text a subject can
/// receive (<see cref="TextAudience"/>) has a cover form here, with the same placeholders as its plain form, or is listed
/// as already neutral in its plain form.
/// </summary>
public static class CoverCatalogue
{
    private static readonly FrozenDictionary<TextId, (string Ru, string En)> Texts = new Dictionary<TextId, (string Ru, string En)>
    {
        [TextId.EnrolledSubject] = (
            "Готово, вы подключены. Задайте расписание напоминаний, например:\n/schedule every 12h grace 30m\nили\n/schedule daily 09:00 21:00 grace 45m\n/help — все команды.",
            "You are all set. Set a reminder schedule, for example:\n/schedule every 12h grace 30m\nor\n/schedule daily 09:00 21:00 grace 45m\n/help lists all commands."),
        [TextId.HelpSubject] = (
            "/{0} — готово\n/pin — задать или сменить код доступа\n/{1} — когда следующее напоминание\n/{2} — синхронизировать\n/schedule every 12h grace 30m — напоминать каждые 12 часов, запас 30 минут\n/schedule daily 09:00 21:00 grace 45m — напоминать в 09:00 и 21:00\n/timezone Europe/Moscow — ваш часовой пояс\n/{3} 2d — отложить напоминания на 2 дня\n/resume — вернуть напоминания раньше\n/help — эта справка",
            "/{0} — mark as done\n/pin — set or change your passcode\n/{1} — when the next reminder is due\n/{2} — sync now\n/schedule every 12h grace 30m — a reminder every 12 hours, 30 minutes to spare\n/schedule daily 09:00 21:00 grace 45m — reminders at 09:00 and 21:00\n/timezone Europe/Moscow — your time zone\n/{3} 2d — snooze reminders for 2 days\n/resume — bring reminders back early\n/help — this help"),
        [TextId.ScheduleSet] = (
            "Расписание сохранено: {0} (часовой пояс {2}).\nСледующий раз — до {1}.",
            "Schedule saved: {0} (time zone {2}).\nNext one due by {1}."),
        [TextId.ScheduleTooFrequent] = (
            "Слишком часто: не чаще, чем раз в {0}.",
            "Too frequent: at least {0} apart."),
        [TextId.ScheduleGraceTooLong] = (
            "Запас (grace) должен быть короче промежутка между напоминаниями.",
            "The grace must be shorter than the time between reminders."),
        [TextId.ScheduleSetAfterCheckin] = (
            "Расписание сохранено: {0} (часовой пояс {2}). Оно начнёт действовать после следующего «Готово», а оно всё ещё нужно: {1}.",
            "Schedule saved: {0} (time zone {2}). It starts after your next “done”, which is still needed: {1}."),
        [TextId.CheckinRecorded] = (
            "Готово ✓ Следующий раз — до {0} (через {1}).",
            "Done ✓ Next one due by {0} (in {1})."),
        [TextId.CheckinTooEarly] = (
            "Принято, но для срока {0} ещё рано: засчитается, если нажать после {1}.",
            "Noted, but it is too early for {0}: it counts from {1}."),
        [TextId.CheckinNoSchedule] = (
            "Готово ✓ Расписания пока нет — задайте его: /schedule",
            "Done ✓ There is no schedule yet — set one: /schedule"),
        [TextId.Status] = (
            "Следующий раз — до: {0}",
            "Next one due by: {0}"),
        [TextId.StatusNoSchedule] = (
            "Расписания нет. Последний раз: {0}.\nЗадайте расписание: /schedule",
            "No schedule. Last done: {0}.\nSet a schedule: /schedule"),
        [TextId.ReminderBefore] = (
            "Напоминание: нажмите «Готово» до {0} (осталось {1}).",
            "Reminder: tap Done by {0} ({1} left)."),
        [TextId.ReminderAtDeadline] = (
            "Пора: нажмите «Готово» до {0}.",
            "It is time: tap Done by {0}."),
        [TextId.CheckinButton] = (
            "✅ Готово",
            "✅ Done"),
        [TextId.DeadlineCameGraceUntil] = (
            "{0} — время пришло; нажмите «Готово» до {1} (осталось {2})",
            "{0}: due now; tap Done by {1} ({2} left)"),
        // Under cover, a command of another role (/cases) must not hint that the bot has other roles.
        [TextId.NotForYourRole] = (
            "Не знаю такой команды. /help — список команд.",
            "I do not know that command. /help lists the commands."),
        [TextId.MenuCheckin] = (
            "Готово",
            "Mark as done"),
        [TextId.MenuStatus] = (
            "Когда следующее напоминание",
            "When the next reminder is due"),
        [TextId.MenuSos] = (
            "Синхронизировать",
            "Sync now"),
        [TextId.ScheduleTooRare] = (
            "Слишком редко: напоминания не реже, чем раз в {0}.",
            "Too far apart: reminders at most {0} apart."),
        [TextId.PauseUsage] = (
            "Отложить: /pause 2d — без напоминаний 2 дня (не дольше {0}). /resume — вернуть раньше.",
            "Snooze: /pause 2d — no reminders for 2 days (at most {0}). /resume brings them back early."),
        [TextId.PauseTooLong] = (
            "Отложить можно не дольше, чем на {0}.",
            "Reminders can be snoozed for at most {0}."),
        [TextId.PauseNoSchedule] = (
            "Откладывать нечего: расписания пока нет.",
            "There is nothing to snooze: there is no schedule yet."),
        [TextId.PauseSet] = (
            "Отложено до {0}.\nСледующий раз — до {1}.",
            "Snoozed until {0}.\nNext one due by {1}."),
        [TextId.PauseSetAfterCheckin] = (
            "Отложим ({0}) после следующего «Готово», а оно всё ещё нужно: {1}.",
            "The snooze ({0}) starts after your next “done”, which is still needed: {1}."),
        [TextId.PausedUntil] = (
            "Отложено до {0}.",
            "Snoozed until {0}."),
        [TextId.PauseWaitsForCheckin] = (
            "После следующего «Готово» — отложено ({0}).",
            "After your next “done”: snoozed ({0})."),
        [TextId.PauseOver] = (
            "Напоминания снова включены. Следующий раз — до {0}.",
            "Reminders are back on. Next one due by {0}."),
        [TextId.ResumeNotPaused] = (
            "Ничего не отложено.",
            "Nothing is snoozed."),
        [TextId.PinAskCheckin] = (
            "Отправьте код отдельным сообщением.",
            "Send your code as a message of its own."),
        [TextId.PinAskCurrent] = (
            "Отправьте текущий код доступа отдельным сообщением.",
            "Send your current passcode as a message of its own."),
        [TextId.PinAskNew] = (
            "Придумайте код доступа: от 4 до 12 цифр, не 1234 и не 0000. Отправьте его отдельным сообщением.",
            "Choose a passcode: 4 to 12 digits, not 1234 or 0000. Send it as a message of its own."),
        [TextId.PinAskDuress] = (
            "Теперь запасной код, не такой, как первый (от 4 до 12 цифр).",
            "Now a spare code, different from the first (4 to 12 digits)."),
        [TextId.PinsSet] = (
            "Коды сохранены. Отправляйте код вместе с «готово» или следующим сообщением.",
            "Codes saved. Send your code with “done”, or as the next message."),
        [TextId.PinNotAccepted] = (
            "Код не принят.",
            "Code not accepted."),
        [TextId.PinBadShape] = (
            "Код — от 4 до 12 цифр. Отправьте другой.",
            "A code is 4 to 12 digits. Send another."),
        [TextId.PinTrivial] = (
            "Такой код легко угадать (одинаковые или идущие подряд цифры). Отправьте другой.",
            "That code is easy to guess (repeated or consecutive digits). Send another."),
        [TextId.PinDuressSame] = (
            "Запасной код должен отличаться от первого. Отправьте другой.",
            "The spare code must differ from the first. Send another."),
        [TextId.PinFirst] = (
            "Но прежде всего задайте коды доступа: /pin",
            "But before anything else, set your passcodes: /pin"),
        [TextId.MenuPin] = (
            "Код доступа",
            "Passcode"),
        [TextId.MenuPause] = (
            "Отложить напоминания",
            "Snooze reminders"),
        [TextId.StatusOverdue] = (
            "Просрочено (срок был {0}): нажмите «Готово» сейчас.",
            "Overdue (it was due by {0}): tap “done” now."),
        // A subject's evidence (/evidence, under cover left out of /help): answered like a file-saving app, the case never named.
        [TextId.EvidenceUsageSubject] = (
            "Напишите /evidence и номер, затем пришлите файлы.",
            "Send /evidence and the number, then the files."),
        [TextId.EvidenceWaitingSubject] = (
            "Жду файлы ещё {0}. Фото лучше присылать как файл (📎 → Файл).",
            "Waiting for files for {0}. Photos are best sent as files (📎 → File)."),
        [TextId.EvidenceKeptSubject] = (
            "Сохранено: «{0}», {1} байт, контрольная сумма {2}",
            "Saved: '{0}', {1} bytes, checksum {2}"),
        [TextId.EvidencePhotoAsFileSubject] = (
            "Фото сжато; оригинал лучше прислать как файл (📎 → Файл).",
            "The photo was compressed; the original is best sent as a file (📎 → File)."),
        [TextId.EvidenceNotFoundSubject] = (
            "Номер {0} не найден. Файл не сохранён.",
            "Number {0} not found. The file was not saved."),
        [TextId.EvidenceTooLargeSubject] = (
            "«{0}» больше 20 МБ: такой файл не сохранить. Ничего не сохранено.",
            "'{0}' is over 20 MB: too large to save. Nothing was saved."),
        [TextId.EvidenceNotDownloadedSubject] = (
            "«{0}» не удалось получить. Ничего не сохранено; пришлите ещё раз.",
            "'{0}' could not be fetched. Nothing was saved; send it again."),
    }.ToFrozenDictionary();

    // Texts a subject can receive whose plain words already read like any app.
    private static readonly FrozenSet<TextId> NeutralAsTheyAre = new[]
    {
        TextId.AlreadyEnrolled, TextId.ScheduleUsage, TextId.ScheduleBadDuration, TextId.ScheduleBadTime, TextId.ScheduleTooManyTimes,
        TextId.ScheduleEveryText, TextId.ScheduleDailyText, TextId.ListAnd, TextId.DurationOneDay, TextId.DurationOneHour,
        TextId.DurationOneMinute, TextId.TimezoneUsage, TextId.TimezoneSet, TextId.TimezoneUnknown, TextId.TimezoneWelcome, TextId.Never,
        TextId.NoDeadline, TextId.DeadlineIn, TextId.UnknownCommand, TextId.OnlyText, TextId.EditIgnored,
        TextId.Received, TextId.InternalError, TextId.MenuSchedule, TextId.MenuTimezone, TextId.MenuHelp,
        TextId.DocumentCaptionCut,
    }.ToFrozenSet();

    /// <summary>The ids with cover words of their own (tests check their placeholders match the plain form).</summary>
    public static IEnumerable<TextId> Reworded => Texts.Keys;

    /// <summary>True when cover wording of <paramref name="id"/> exists: its own words, or its plain words kept as neutral.</summary>
    public static bool Covers(TextId id) => Texts.ContainsKey(id) || NeutralAsTheyAre.Contains(id);

    /// <summary>The cover template of <paramref name="id"/> in <paramref name="language"/>; the plain one when it is kept as neutral or has no cover form.</summary>
    public static string Template(TextId id, Language language) =>
        Texts.TryGetValue(id, out var cover) ? (language == Language.Ru ? cover.Ru : cover.En) : TextCatalogue.Template(id, language);
}
