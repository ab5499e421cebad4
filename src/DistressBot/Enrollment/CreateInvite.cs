using DistressBot.Domain;

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
/// <param name="Refusal">Why not, or <see cref="InviteRefusal.None"/>.</param>
/// <param name="Name">The name as it would be stored (see <see cref="PersonNames.Normalize"/>).</param>
/// <param name="Code">The code, when made.</param>
/// <param name="Invite">The stored invite, when made.</param>
/// <param name="LooksLike">For <see cref="InviteRefusal.NameConfusable"/>: the existing name it looks like.</param>
/// <param name="Holder">For <see cref="InviteRefusal.NameTaken"/> and <see cref="InviteRefusal.NameConfusable"/>: the role of the person (or pending invite) holding the name.</param>
public sealed record InviteResult(InviteRefusal Refusal, string Name, string? Code = null, Invite? Invite = null, string? LooksLike = null, Role? Holder = null);

/// <summary>
/// A coordinator invites a subject (/invite Alias), or the admin a coordinator or a lawyer (distressbot invite): the name must be
/// valid, and neither the same as nor a look-alike of a name already in its scope (a subject's alias among the aliases that
/// coordinator reads, with their pending invites; a coordinator's or lawyer's name among everyone in every role, with every
/// pending invite, since the admin names people by name alone and one name in two roles would be ambiguous).
/// A one-time code is made and only its keyed hash stored; nobody is told (the inviter's adapter shows the code once).
/// </summary>
public static class CreateInvite
{
    /// <summary>Makes an invite for <paramref name="name"/> as <paramref name="role"/>, valid for <paramref name="lifetime"/> from <paramref name="now"/>; <paramref name="coordinator"/> is the inviter of a subject, null for the admin's invites.</summary>
    /// <exception cref="ArgumentException">A subject's invite without an inviting coordinator, or a coordinator's or lawyer's with one.</exception>
    public static InviteResult Run(DataSession db, Role role, string name, Person? coordinator, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (role == Role.Subject ? coordinator is not { Role: Role.Coordinator } : coordinator is not null)
        {
            throw new ArgumentException("A subject is invited by their coordinator; a coordinator or a lawyer by the admin.", nameof(coordinator));
        }

        name = PersonNames.Normalize(name);
        if (!PersonNames.IsValid(name))
        {
            return new InviteResult(InviteRefusal.NameInvalid, name);
        }

        var namesInScope = NamesInScope(db, role, coordinator, Pending(db, now)).ToList();
        if (namesInScope.Find(existing => PersonNames.Same(existing.Name, name)) is { Name: not null } taken)
        {
            return new InviteResult(InviteRefusal.NameTaken, name, Holder: taken.Role);
        }

        if (namesInScope.Find(existing => PersonNames.Confusable(existing.Name, name)) is { Name: not null } lookalike)
        {
            return new InviteResult(InviteRefusal.NameConfusable, name, LooksLike: lookalike.Name, Holder: lookalike.Role);
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
        db.Invites.Insert(invite, code);
        return new InviteResult(InviteRefusal.None, name, code, invite);
    }

    // A subject's alias is compared with every alias that coordinator already reads (their subjects, those they back up,
    // their pending invites); a coordinator's or a lawyer's name with everyone enrolled, in any role, and every pending
    // invite: `distressbot revoke Nina` and the like must never have to guess which Nina is meant.
    private static IEnumerable<(string Name, Role Role)> NamesInScope(DataSession db, Role role, Person? coordinator, List<Invite> pendingInvites)
    {
        if (role == Role.Subject)
        {
            return coordinator!.SubjectIds.Concat(coordinator.BackupSubjectIds).Distinct().Select(db.People.Find).OfType<Person>().Select(s => (s.Name, s.Role))
                .Concat(pendingInvites.Where(i => i.CoordinatorId == coordinator.Id).Select(i => (i.Name, i.Role)));
        }

        return db.People.All().Select(p => (p.Name, p.Role)).Concat(pendingInvites.Select(i => (i.Name, i.Role)));
    }

    // Every invite is read here anyway: the expired ones (and used ones kept by older versions) are deleted on the way, so
    // the invites stored, and what the next /invite reads, stay as many as are pending rather than every one ever made.
    private static List<Invite> Pending(DataSession db, DateTimeOffset now)
    {
        var pending = new List<Invite>();
        foreach (var invite in db.Invites.All().ToList())
        {
            if (invite.UsedAt is null && invite.ExpiresAt > now)
            {
                pending.Add(invite);
            }
            else
            {
                db.Invites.Delete(invite.Id);
            }
        }

        return pending;
    }
}
