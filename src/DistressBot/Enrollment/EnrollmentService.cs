using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Enrollment;

/// <summary>Why an invite could not be made.</summary>
public enum InviteRefusal
{
    /// <summary>None: the invite was made.</summary>
    None,

    /// <summary>The name or alias has characters or a length we do not accept.</summary>
    NameInvalid,

    /// <summary>The name is already used in the same scope.</summary>
    NameTaken,

    /// <summary>The name looks like one already used in the same scope (see <see cref="InviteResult.LooksLike"/>).</summary>
    NameConfusable,
}

/// <summary>The outcome of making an invite: the code (shown once, never stored) or why not.</summary>
/// <param name="Code">The code, when made.</param>
/// <param name="Invite">The stored invite, when made.</param>
/// <param name="Refusal">Why not, otherwise.</param>
/// <param name="LooksLike">For <see cref="InviteRefusal.NameConfusable"/>: the existing name it looks like.</param>
public sealed record InviteResult(string? Code, Invite? Invite, InviteRefusal Refusal, string? LooksLike = null);

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

/// <summary>Makes and redeems one-time enrollment codes.</summary>
public static class EnrollmentService
{
    /// <summary>Makes an invite. <paramref name="coordinator"/> is the inviter for a subject; admins invite coordinators and lawyers.</summary>
    /// <exception cref="ArgumentException"><paramref name="role"/> is <see cref="Role.Subject"/> and <paramref name="coordinator"/> is null.</exception>
    public static InviteResult CreateInvite(DataSession db, Role role, string name, Person? coordinator, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(db);
        name = NormalizeName(name);
        if (!IsValidName(name))
        {
            return new InviteResult(null, null, InviteRefusal.NameInvalid);
        }

        if (role == Role.Subject && coordinator is null)
        {
            throw new ArgumentException("A subject's invite needs the inviting coordinator.", nameof(coordinator));
        }

        var namesInScope = NamesInScope(db, role, coordinator, now).ToList();
        if (namesInScope.Any(existing => PersonNames.Same(existing, name)))
        {
            return new InviteResult(null, null, InviteRefusal.NameTaken);
        }

        if (namesInScope.FirstOrDefault(existing => PersonNames.Confusable(existing, name)) is { } lookalike)
        {
            return new InviteResult(null, null, InviteRefusal.NameConfusable, lookalike);
        }

        var code = InviteCodes.NewCode();
        var invite = new Invite
        {
            Id = db.NewId("i"),
            Role = role,
            Name = name,
            CoordinatorId = coordinator?.Id,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Insert(invite, code);
        return new InviteResult(code, invite, InviteRefusal.None);
    }

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
        if (db.PersonByTelegramUser(userId) is { } existing)
        {
            return (RedeemOutcome.AlreadyEnrolled, existing);
        }

        var report = db.RedemptionReport();
        if (senders.IsHeldBack(userId) || (report.PausedUntil(now) is not null && senders.HasFailed(userId)))
        {
            report.RefusedUnchecked++;
            db.Save(report);
            return (RedeemOutcome.RefusedUnchecked, null);
        }

        var code = InviteCodes.Normalize(typedCode);
        var invite = code is null ? null : db.InviteByCode(code);
        var coordinator = invite?.CoordinatorId is null ? null : db.Person(invite.CoordinatorId);
        if (invite is null || invite.UsedAt is not null || now >= invite.ExpiresAt || (invite.Role == Role.Subject && coordinator is null))
        {
            var heldBack = senders.Failed(userId);
            if (heldBack)
            {
                report.CountHeldBack(now);
            }

            var limitReached = report.CountFailure(now);
            db.Save(report);
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
            db.Save(coordinator);
            foreach (var lawyer in coordinator.DefaultLawyerIds.Select(db.Person).OfType<Person>())
            {
                person.LawyerIds.Add(lawyer.Id);
                lawyer.SubjectIds.Add(person.Id);
                db.Save(lawyer);
            }
        }

        db.Save(person);
        invite.UsedAt = now;
        invite.UsedBy = person.Id;
        db.Update(invite);
        return (RedeemOutcome.Enrolled, person);
    }

    /// <summary>The zone a new person starts in: the configured one for Russian readers (the deployment's people), UTC for everyone else, who is told to set /timezone.</summary>
    public static string StartingTimeZone(Language language, BotRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return language == Language.Ru ? rules.DefaultTimeZone : "UTC";
    }

    /// <summary>Adds <paramref name="coordinator"/> to a subject's coordinators (idempotent).</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject.</exception>
    public static bool Assign(DataSession db, Person subject, Person coordinator)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(coordinator);
        if (subject.Role != Role.Subject || coordinator.Role != Role.Coordinator)
        {
            throw new ArgumentException("Only a subject can be assigned to a coordinator.");
        }

        if (subject.CoordinatorIds.Contains(coordinator.Id))
        {
            return false;
        }

        subject.CoordinatorIds.Add(coordinator.Id);
        coordinator.SubjectIds.Add(subject.Id);
        db.Save(subject);
        db.Save(coordinator);
        return true;
    }

    /// <summary>Adds a backup coordinator (told at level 2) to a subject (idempotent).</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="coordinator"/> not a coordinator.</exception>
    public static bool AssignBackup(DataSession db, Person subject, Person coordinator) =>
        Link(db, subject, coordinator, Role.Coordinator, subject.BackupCoordinatorIds, coordinator.BackupSubjectIds);

    /// <summary>Adds a lawyer (told at level 2 and of every SOS and missing report) to a subject (idempotent).</summary>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is not a subject, or <paramref name="lawyer"/> not a lawyer.</exception>
    public static bool AssignLawyer(DataSession db, Person subject, Person lawyer) =>
        Link(db, subject, lawyer, Role.Lawyer, subject.LawyerIds, lawyer.SubjectIds);

    /// <summary>The stored form of a name or alias: NFC, trimmed, inner white space folded (see <see cref="PersonNames.Normalize"/>).</summary>
    public static string NormalizeName(string? name) => PersonNames.Normalize(name);

    /// <summary>Letters with their combining marks, digits, spaces, hyphens and dots; 1 to 32 characters (see <see cref="PersonNames.IsValid"/>).</summary>
    public static bool IsValidName(string name) => PersonNames.IsValid(name);

    private static bool Link(DataSession db, Person subject, Person helper, Role role, List<string> subjectSide, List<string> helperSide)
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

        db.Save(subject);
        db.Save(helper);
        return true;
    }

    // A subject's alias is compared with every alias that coordinator already reads (their subjects, those they back up,
    // their pending invites); a coordinator's or a lawyer's name with everyone of that role and their pending invites.
    private static IEnumerable<string> NamesInScope(DataSession db, Role role, Person? coordinator, DateTimeOffset now)
    {
        var pendingInvites = db.Invites().Where(i => i.UsedAt is null && i.ExpiresAt > now);
        if (role == Role.Subject)
        {
            return coordinator!.SubjectIds.Concat(coordinator.BackupSubjectIds).Distinct().Select(db.Person).OfType<Person>().Select(s => s.Name)
                .Concat(pendingInvites.Where(i => i.CoordinatorId == coordinator.Id).Select(i => i.Name));
        }

        return db.People().Where(p => p.Role == role).Select(p => p.Name)
            .Concat(pendingInvites.Where(i => i.Role == role).Select(i => i.Name));
    }
}
