using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Localization;

namespace DistressBot.Checkins;

/// <summary>
/// A subject checks in (/checkin, the reminder's button, a plain "ok"): the message date is judged, the owed deadline is paid
/// (or the miss ended, the chain told and the case left open: a check-in may be coerced), and the subject is told the next
/// deadline.
/// </summary>
public static class CheckIn
{
    /// <summary>
    /// /checkin with <paramref name="pin"/> (empty: none given), or the PIN the bot asked for after a bare /checkin. Without PINs set
    /// the check-in counts as it is; with PINs set a bare /checkin asks for the PIN, and only the check-in or the duress PIN
    /// (judged by <see cref="PinCheck"/>) makes it count: the duress PIN exactly as the real one, as the phone sees it.
    /// </summary>
    public static CheckinAttempt Attempt(DataSession db, Person subject, string pin, DateTimeOffset sentAt, DateTimeOffset now, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(pin);
        var carriesPin = pin.Trim().Length > 0;
        if (subject.Pins is null)
        {
            return new CheckinAttempt(PinVerdict.NotSet, Run(db, subject, sentAt, now, rules), carriesPin);
        }

        if (!carriesPin)
        {
            subject.PinPrompt = new PinPrompt { Step = PinStep.Checkin, Since = now };
            db.People.Save(subject);
            Notify.Send(db, subject, MessagePriority.Reply, now, TextId.PinAskCheckin);
            return new CheckinAttempt(null, null, CarriesPin: false);
        }

        var verdict = PinCheck.Judge(db, subject, pin, now, rules);
        return verdict is PinVerdict.Real or PinVerdict.Duress
            ? new CheckinAttempt(verdict, Run(db, subject, sentAt, now, rules, duress: verdict == PinVerdict.Duress), CarriesPin: true)
            : new CheckinAttempt(verdict, null, CarriesPin: true);
    }

    /// <summary>
    /// Records a check-in Telegram dated <paramref name="sentAt"/> (judged first), tells coordinators if it ends a miss, and replies;
    /// returns how the date was judged. A <paramref name="duress"/> check-in changes and answers exactly the same for the subject,
    /// but nobody is told it ended a miss or came during the case: the duress case (already raised) stands.
    /// </summary>
    public static DateJudgement Run(DataSession db, Person subject, DateTimeOffset sentAt, DateTimeOffset now, BotRules rules, bool duress = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(rules);
        var state = subject.Checkin!;
        var (at, judgement) = MessageDates.Judge(sentAt, subject.EnrolledAt, state.LastCheckinAt, now);
        state.LastCheckinAt = at;
        db.Record(new CheckedIn());

        if (!state.Missed && state.Schedule is { } overdue && state.OwedDeadline is { } unpaid && at >= unpaid + overdue.Grace)
        {
            // Sent after deadline + grace, but read before the alarm was raised (the bot was down and handles queued updates
            // first): the coordinators must still learn of the silence, then of the late check-in below.
            state.Missed = true;
            state.MissedDeadline = unpaid;
            state.LeadReminderSent = true;
            state.DeadlineReminderSent = true;
            Alarms.MissedCheckin(db, subject, unpaid, overdue.Grace, now);
        }

        if (!state.Missed && !duress)
        {
            TellOpenCase(db, subject, at, now);
        }

        if (state.Schedule is not { } schedule || state.OwedDeadline is not { } owed)
        {
            db.People.Save(subject);
            OwedDeadlines.Reply(db, subject, now, TextId.CheckinNoSchedule);
            return judgement;
        }

        var zone = OwedDeadlines.ZoneOf(subject, rules);
        if (state.Missed)
        {
            EndMiss(db, subject, at, now, duress);
            Pay(db, subject, DeadlineCalculator.ApplyCheckin(schedule, owed, at > owed ? at : owed, zone).OwedDeadline, at, now, zone);
            db.People.Save(subject);
            ReplyRecorded(db, subject, now);
            return judgement;
        }

        var effect = DeadlineCalculator.ApplyCheckin(schedule, owed, at, zone);
        if (!effect.Counts)
        {
            db.People.Save(subject);
            OwedDeadlines.Reply(db, subject, now, TextId.CheckinTooEarly, MessageArg.Instant(owed, OwedDeadlines.Precision(subject)), MessageArg.Instant(effect.WindowOpens ?? owed, OwedDeadlines.Precision(subject)));
            return judgement;
        }

        Pay(db, subject, effect.OwedDeadline, at, now, zone);
        db.People.Save(subject);
        ReplyRecorded(db, subject, now);
        return judgement;
    }

    // The owed deadline is paid: the next one follows the schedule, or a schedule set while it was owed takes over now; a
    // pause asked for while it was owed starts now (the coordinators are told), and a running pause keeps the next one after it.
    private static void Pay(DataSession db, Person subject, DateTimeOffset next, DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var state = subject.Checkin!;
        if (state.NextSchedule is { } change)
        {
            state.Schedule = change;
            state.NextSchedule = null;
            state.ScheduleSetAt = at;
            next = DeadlineCalculator.FirstDeadline(change, at, zone);
        }

        state.OwedDeadline = next;
        OwedDeadlines.ResetReminders(state);
        if (CheckinPause.AfterCheckin(state, at, zone) is { } pausedUntil)
        {
            ChangeNotice.Send(db, subject, now, TextId.PauseStartedToCoordinators, MessageArg.Instant(pausedUntil, OwedDeadlines.Precision(subject)));
        }
    }

    private static void EndMiss(DataSession db, Person subject, DateTimeOffset at, DateTimeOffset now, bool duress)
    {
        var state = subject.Checkin!;
        var missedDeadline = state.MissedDeadline ?? state.OwedDeadline!.Value;
        var late = at - missedDeadline;
        state.Missed = false;
        state.MissedDeadline = null;
        if (duress || state.OpenCaseId is null || db.Cases.Find(state.OpenCaseId) is not { Status: not CaseStatus.Resolved } @case)
        {
            return;
        }

        // The case stays open until a coordinator resolves it: a check-in may be coerced.
        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.SubjectCheckedIn, Detail = "sent " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), TelegramDate = at });
        CaseAlerts.TellRecipients(db, @case, now, new MessageText(
            late > TimeSpan.Zero ? TextId.LateCheckin : TextId.CheckinArrivedLate,
            subject.Name,
            MessageArg.Clock(at, OwedDeadlines.Precision(subject)),
            late > TimeSpan.Zero ? late : TimeSpan.Zero,
            @case.Id));
        db.Cases.Save(@case);
    }

    private static void TellOpenCase(DataSession db, Person subject, DateTimeOffset at, DateTimeOffset now)
    {
        if (subject.Checkin?.OpenCaseId is not { } caseId || db.Cases.Find(caseId) is not { Status: not CaseStatus.Resolved } @case)
        {
            return;
        }

        @case.Timeline.Add(new CaseEntry { At = now, Kind = CaseEntryKind.SubjectCheckedIn, Detail = "sent " + at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), TelegramDate = at });
        CaseAlerts.TellRecipients(db, @case, now, new MessageText(TextId.CheckinDuringCase, subject.Name, MessageArg.Clock(at, OwedDeadlines.Precision(subject)), @case.Id));
        db.Cases.Save(@case);
    }

    private static void ReplyRecorded(DataSession db, Person subject, DateTimeOffset now)
    {
        var owed = subject.Checkin!.OwedDeadline!.Value;
        MessageText recorded = new(TextId.CheckinRecorded, MessageArg.Instant(owed, OwedDeadlines.Precision(subject)), owed - now);
        db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = subject.ChatId,
            PersonId = subject.Id,
            Priority = MessagePriority.Reply,
            QueuedAt = now,
            RemoveReplyKeyboard = true,
            Text = "",
            Content = CheckinPause.IsRunning(subject.Checkin, now)
                ? MessageContent.Of([recorded, new MessageText(TextId.PausedUntil, MessageArg.Instant(subject.Checkin.PausedUntil!.Value, OwedDeadlines.Precision(subject)))])
                : MessageContent.Of([recorded]),
        });
    }
}

/// <summary>What became of a check-in attempt.</summary>
/// <param name="Verdict">How the PIN was judged; null when the PIN was asked for (none given).</param>
/// <param name="Judgement">How Telegram's date was judged, when the check-in was recorded; otherwise null (it did not count).</param>
/// <param name="CarriesPin">The inbound message carried a PIN (or what was typed as one): it must be deleted as soon as read.</param>
public sealed record CheckinAttempt(PinVerdict? Verdict, DateJudgement? Judgement, bool CarriesPin);
