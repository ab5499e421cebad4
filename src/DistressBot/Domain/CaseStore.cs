using System.Globalization;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Cases in one unit of work, each sealed under its own case key (purging the key makes the case unreadable for good).</summary>
public sealed class CaseStore
{
    private readonly IRecordSession _session;
    private readonly CryptoContext _crypto;
    private readonly SealedCollection<Case> _cases;
    private readonly Action<Case> _saved;
    private readonly Action<string>? _deleted;
    private readonly HashSet<string> _made = new(StringComparer.Ordinal);

    internal CaseStore(IRecordSession session, CryptoContext crypto, Action<Case> saved, Action<string>? deleted = null)
    {
        _deleted = deleted;
        _session = session;
        _crypto = crypto;
        _cases = new SealedCollection<Case>(session, crypto, Collections.Cases);
        _saved = saved;
    }

    /// <summary>A new case number "C-0042" whose own key exists; a number whose key was destroyed (a purged case) is never reused.</summary>
    public string NewId()
    {
        while (true)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"C-{_session.NextSequence("case"):D4}");
            try
            {
                _crypto.EnsureCaseKey(_session, id);
                _made.Add(id);
                return id;
            }
            catch (InvalidOperationException)
            {
                // That number belonged to a purged case (a database restored from before the purge): never reuse it.
            }
        }
    }

    /// <summary>True when <paramref name="id"/> was numbered by <see cref="NewId"/> in this unit of work: nothing about it was stored before it.</summary>
    public bool MadeHere(string id) => _made.Contains(id);

    /// <summary>The case with this number, or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or the case was purged and its key destroyed).</exception>
    public Case? Find(string id) => _cases.Find(id);

    /// <summary>Every stored case, in number order, opened as enumerated.</summary>
    /// <exception cref="RecordIntegrityException">A stored record does not open (damaged, or its case key destroyed); thrown while enumerating.</exception>
    public IEnumerable<Case> All() => _cases.All();

    /// <summary>Stores a case under its own key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is null.</exception>
    public void Save(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        _cases.Put(@case.Id, @case, caseId: @case.Id);
        _saved(@case);
    }

    /// <summary>Deletes a case's record (its key is destroyed apart, by the purge); false when there was none.</summary>
    public bool Delete(string id)
    {
        var deleted = _cases.Delete(id);
        if (deleted)
        {
            _deleted?.Invoke(id);
        }

        return deleted;
    }
}
