using System.Globalization;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Evidence files waiting to be downloaded, in one unit of work; each row sealed under its case's key.</summary>
public sealed class EvidenceIntakeStore
{
    private readonly IRecordSession _session;
    private readonly SealedCollection<PendingEvidence> _rows;

    internal EvidenceIntakeStore(IRecordSession session, CryptoContext crypto)
    {
        _session = session;
        _rows = new SealedCollection<PendingEvidence>(session, crypto, Collections.EvidenceIntake);
    }

    /// <summary>Records <paramref name="pending"/> under a new id "e000000000042" (oldest first by id).</summary>
    public void Add(PendingEvidence pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        pending.Id = string.Create(CultureInfo.InvariantCulture, $"e{_session.NextSequence("evidence"):D12}");
        _rows.Put(pending.Id, pending, caseId: pending.CaseId);
    }

    /// <summary>Every waiting row, oldest first; a row that no longer opens (its case purged) is passed over.</summary>
    public IReadOnlyList<PendingEvidence> All() => _rows.OpenReadable(_rows.Records()); // one whose case was purged can be kept with nothing

    /// <summary>The waiting row with this id, or null.</summary>
    public PendingEvidence? Find(string id) => _rows.Find(id);

    /// <summary>Saves a row's changed attempt count.</summary>
    public void Update(PendingEvidence pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _rows.Replace(pending.Id, pending, caseId: pending.CaseId);
    }

    /// <summary>Removes a row (downloaded, or given up); false when there was none.</summary>
    public bool Remove(string id) => _rows.Delete(id);
}
