namespace DistressBot.Storage.LiteDb;

/// <summary>Where a unit of work stands within the group it was drained with.</summary>
internal enum UnitStatus
{
    /// <summary>Not run yet, or must run again after a fault.</summary>
    Pending,

    /// <summary>Ran without writing; its result waits for the group to finish.</summary>
    Read,

    /// <summary>Its transaction committed; its result waits for the group's checkpoint.</summary>
    Committed,

    /// <summary>Its delegate threw; the caller already has the exception.</summary>
    Failed,
}
