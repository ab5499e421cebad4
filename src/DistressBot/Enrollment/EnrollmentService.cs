using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>The outcome of /start CODE.</summary>
public enum RedeemOutcome
{
    /// <summary>Enrolled now.</summary>
    Enrolled,

    /// <summary>This Telegram account is enrolled already; the code was not used.</summary>
    AlreadyEnrolled,

    /// <summary>Unknown, used or expired code (told apart only in the log).</summary>
    InvalidCode,

    /// <summary>A wrong code that was this sender's last allowed one in the hour: their next codes are refused unchecked.</summary>
    SenderHeldBack,

    /// <summary>A wrong code that reached the overall limit: codes from senders who already failed are refused unchecked until the window ends.</summary>
    LimitReached,

    /// <summary>Not checked: the sender is held back or the overall limit was reached.</summary>
    RefusedUnchecked,
}

/// <summary>Redeems one-time enrollment codes and links people to subjects (invites are made by <see cref="CreateInvite"/>).</summary>
public static class EnrollmentService
{
    /// <summary>
    /// Enrols the Telegram user <paramref name="userId"/> with <paramref name="typedCode"/>. Wrong codes are counted per sender
    /// in <paramref name="senders"/> and overall in the stored <see cref="RedemptionReport"/>. A sender past their own limit is
    /// refused without a check; past the overall limit, so is every sender who already sent a wrong code, while a sender's
    /// first code is still checked, so a flood of guesses cannot lock a real invitee out (a 100-bit code is not guessed
    /// one try per sender id).
    /// </summary>
    public static (RedeemOutcome Outcome, Person? Person) Redeem(
        DataSession db, string? typedCode, long userId, long chatId, Language language, DateTimeOffset now, BotRules rules, StrangerLedger.Draft senders)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(senders);
        if (db.People.FindByTelegramUser(userId) is { } existing)
        {
            return (RedeemOutcome.AlreadyEnrolled, existing);
        }

        var report = db.Meta.RedemptionReport();
        if (senders.IsHeldBack(userId) || (report.PausedUntil(now) is not null && senders.HasFailed(userId)))
        {
            report.RefusedUnchecked++;
            db.Meta.Save(report);
            return (RedeemOutcome.RefusedUnchecked, null);
        }

        var code = InviteCodes.Normalize(typedCode);
        var invite = code is null ? null : db.Invites.FindByCode(code);
        var coordinator = invite?.CoordinatorId is null ? null : db.People.Find(invite.CoordinatorId);
        if (invite is null || invite.UsedAt is not null || now >= invite.ExpiresAt || (invite.Role == Role.Subject && coordinator is null))
        {
            var heldBack = senders.Failed(userId);
            if (heldBack)
            {
                report.CountHeldBack(now);
            }

            var limitReached = report.CountFailure(now);
            db.Meta.Save(report);
            return (limitReached ? RedeemOutcome.LimitReached : heldBack ? RedeemOutcome.SenderHeldBack : RedeemOutcome.InvalidCode, null);
        }

        var person = new Person
        {
            Id = db.NewId("p"),
            Role = invite.Role,
            TelegramUserId = userId,
            ChatId = chatId,
            Name = invite.Name,
            Language = language,
            TimeZone = StartingTimeZone(language, rules),
            EnrolledAt = now,
        };
        if (invite.Role == Role.Subject)
        {
            person.Checkin = new CheckinState();
            person.CoordinatorIds.Add(coordinator!.Id);
            coordinator.SubjectIds.Add(person.Id);
            db.People.Save(coordinator);
            foreach (var lawyer in coordinator.DefaultLawyerIds.Select(db.People.Find).OfType<Person>())
            {
                person.LawyerIds.Add(lawyer.Id);
                lawyer.SubjectIds.Add(person.Id);
                db.People.Save(lawyer);
            }
        }

        db.People.Save(person);
        if (person.Role == Role.Subject)
        {
            db.Meta.CheckMenu(person.Id); // under cover wording, their chat's menu must read like an app from the start
        }

        // A used code is refused like one never made, so its record has nothing left to say: deleting it keeps the
        // invites a coordinator's next /invite reads to the pending ones, not every enrollment ever made.
        db.Invites.Delete(invite.Id);
        return (RedeemOutcome.Enrolled, person);
    }

    /// <summary>The zone a new person starts in: the configured one for Russian readers (the deployment's people), UTC for everyone else, who is told to set /timezone.</summary>
    public static string StartingTimeZone(Language language, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return language == Language.Ru ? rules.DefaultTimeZone : "UTC";
    }

    /// <summary>Adds a lawyer (told at level 2 and of every SOS and missing report) to a subject (idempotent).</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="lawyer"/> not a lawyer.</exception>
    public static bool AssignLawyer(DataSession db, Person subject, Person lawyer) =>
        Link(db, subject, lawyer, Role.Lawyer, subject.LawyerIds, lawyer.SubjectIds);

    /// <summary>Adds <paramref name="helper"/> (of <paramref name="role"/>) to <paramref name="subjectSide"/> and the subject to <paramref name="helperSide"/>; false when they already were.</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="helper"/> not of <paramref name="role"/>.</exception>
    internal static bool Link(DataSession db, Person subject, Person helper, Role role, List<string> subjectSide, List<string> helperSide)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(helper);
        if (subject.Role != Role.Subject || helper.Role != role)
        {
            throw new ArgumentException($"Only a {role} can be linked to a subject this way.");
        }

        if (subjectSide.Contains(helper.Id))
        {
            return false;
        }

        subjectSide.Add(helper.Id);
        if (!helperSide.Contains(subject.Id))
        {
            helperSide.Add(subject.Id);
        }

        db.People.Save(subject);
        db.People.Save(helper);
        return true;
    }
}
