using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>One-time enrollment codes in one unit of work, sealed, findable by id and by code (a keyed hash; the code itself is never stored).</summary>
public sealed class InviteStore
{
    private readonly SealedCollection<Invite> _invites;

    internal InviteStore(IRecordSession session, CryptoContext crypto) =>
        _invites = new SealedCollection<Invite>(session, crypto, Collections.Invites, Collections.InviteCodeLookup);

    /// <summary>The invite for a code, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Invite? FindByCode(string code) => _invites.FindByLookup(code);

    /// <summary>Stores a new invite findable by <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="invite"/> is null.</exception>
    public void Insert(Invite invite, string code)
    {
        ArgumentNullException.ThrowIfNull(invite);
        _invites.Put(invite.Id, invite, code);
    }

    /// <summary>Every invite, in id order, opened as enumerated.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed); thrown while enumerating.</exception>
    public IEnumerable<Invite> All() => _invites.All();

    /// <summary>Deletes an invite record; false when there was none.</summary>
    public bool Delete(string id) => _invites.Delete(id);
}
