using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Enrolled people in one unit of work, sealed, findable by id and by Telegram user id (a keyed hash).</summary>
public sealed class PeopleStore
{
    private readonly SealedCollection<Person> _people;
    private readonly Action<Person> _saved;
    private readonly Action<string>? _deleted;
    private readonly HashSet<long> _notEnrolled = [];
    private readonly Dictionary<string, Person> _seen = new(StringComparer.Ordinal);

    internal PeopleStore(IRecordSession session, CryptoContext crypto, Action<Person> saved, Action<string>? deleted = null)
    {
        _deleted = deleted;
        _people = new SealedCollection<Person>(session, crypto, Collections.People, Collections.TelegramUserLookup);
        _saved = saved;
    }

    /// <summary>The person enrolled with this Telegram user id, or null.</summary>
    /// <remarks>A miss is remembered until a person is saved: a flood of strangers costs one keyed lookup per sender and unit of work.</remarks>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Person? FindByTelegramUser(long userId)
    {
        if (_notEnrolled.Contains(userId))
        {
            return null;
        }

        var person = _people.FindByLookup(TelegramUserKey(userId));
        if (person is null)
        {
            _notEnrolled.Add(userId);
        }

        return person;
    }

    /// <summary>Telegram user ids found not enrolled in this unit of work (or told so), none of them saved since.</summary>
    public IReadOnlyCollection<long> NotEnrolled => _notEnrolled;

    /// <summary>Takes <paramref name="userIds"/> as not enrolled, as if each had been looked up in this unit of work (the caller knows them from earlier committed units); a save forgets them as it forgets every miss.</summary>
    /// <remarks>Sound only for a caller through whose units alone anyone is enrolled: the update pump (an invite is redeemed only there).</remarks>
    public void KnownNotEnrolled(IEnumerable<long> userIds) => _notEnrolled.UnionWith(userIds);

    /// <summary>The person with this id, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Person? Find(string id)
    {
        var person = _people.Find(id);
        if (person is not null)
        {
            _seen[id] = person;
        }

        return person;
    }

    /// <summary>
    /// The person as this unit of work last found or saved them (that very object, as changed since), else as stored; for reading
    /// only, where a fresh copy is not needed (the case log naming people by role and alias): opening a case names its subject
    /// and coordinator, whom the alarm has just read.
    /// </summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public Person? Peek(string id) => _seen.TryGetValue(id, out var person) ? person : Find(id);

    /// <summary>Every enrolled person, in id order, opened as enumerated.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its key destroyed); thrown while enumerating.</exception>
    public IEnumerable<Person> All() => _people.All();

    /// <summary>Stores a person (new or changed), findable by Telegram user id; forgets every remembered miss.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="person"/> is null.</exception>
    public void Save(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        _notEnrolled.Clear();
        _people.Put(person.Id, person, TelegramUserKey(person.TelegramUserId));
        _seen[person.Id] = person;
        _saved(person);
    }

    /// <summary>Removes a person's record (and with it their Telegram lookup); false when there was none.</summary>
    public bool Delete(string id)
    {
        _notEnrolled.Clear();
        _seen.Remove(id);
        var deleted = _people.Delete(id);
        if (deleted)
        {
            _deleted?.Invoke(id);
        }

        return deleted;
    }

    private static string TelegramUserKey(long userId) => userId.ToString(CultureInfo.InvariantCulture);
}
