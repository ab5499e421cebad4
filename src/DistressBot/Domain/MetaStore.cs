using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>Small named values in one unit of work: numbers (the Telegram offset), the report on enrollment codes that did not work, and the command menus to look at.</summary>
public sealed class MetaStore
{
    private readonly SealedCollection<long?> _numbers;
    private readonly SealedCollection<RedemptionReport> _reports;
    private readonly SealedCollection<MenuChecks> _menus;

    internal MetaStore(IRecordSession session, CryptoContext crypto)
    {
        _numbers = new SealedCollection<long?>(session, crypto, Collections.Meta);
        _reports = new SealedCollection<RedemptionReport>(session, crypto, Collections.Meta);
        _menus = new SealedCollection<MenuChecks>(session, crypto, Collections.Meta);
    }

    /// <summary>A stored number (the Telegram offset), or null.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public long? Number(string key) => _numbers.Find(key);

    /// <summary>Stores a number under <paramref name="key"/>.</summary>
    public void SetNumber(string key, long value) => _numbers.Put(key, value);

    /// <summary>Removes a stored value; false when there was none.</summary>
    public bool Delete(string key) => _numbers.Delete(key);

    /// <summary>The admin's report on enrollment codes that did not work; an empty one when none was stored.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public RedemptionReport RedemptionReport() => _reports.Find(Domain.RedemptionReport.StoreKey) ?? new RedemptionReport();

    /// <summary>Stores the report on enrollment codes that did not work (one small record, replaced in place).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public void Save(RedemptionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports.Put(Domain.RedemptionReport.StoreKey, report);
    }

    /// <summary>The command menus to look at; an empty record (never swept) when none was stored.</summary>
    /// <exception cref="RecordIntegrityException">The record does not open (damaged, or its key destroyed).</exception>
    public MenuChecks MenuChecks() => _menus.Find(Domain.MenuChecks.StoreKey) ?? new MenuChecks();

    /// <summary>Stores the command menus to look at (one small record, replaced in place).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="checks"/> is null.</exception>
    public void Save(MenuChecks checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        _menus.Put(Domain.MenuChecks.StoreKey, checks);
    }

    /// <summary>Marks subject <paramref name="subjectId"/>'s command menu to be looked at (they enrolled, or their language or wording changed), in this unit of work.</summary>
    /// <exception cref="RecordIntegrityException">The stored record does not open.</exception>
    public void CheckMenu(string subjectId)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        var checks = MenuChecks();
        if (checks.SubjectIds.Add(subjectId))
        {
            Save(checks);
        }
    }
}
