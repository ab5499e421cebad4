namespace DistressBot.Tests.Storage.Fakes;

/// <summary>How a <see cref="FaultyStream"/> treats writes and flushes right now.</summary>
internal enum FaultMode
{
    /// <summary>Everything passes through.</summary>
    Off,

    /// <summary>Writes and flushes throw before touching the file, like a disk that is already full.</summary>
    FailBeforeWrite,

    /// <summary>Writes reach the file and then throw, so a commit can land although it reported failure.</summary>
    FailAfterWrite,

    /// <summary>Only the page that confirms a commit is written and then throws: the commit landed, Commit() threw.</summary>
    FailAfterConfirmingWrite,
}

/// <summary>Turns injected I/O faults on and off for every stream a factory opened.</summary>
internal sealed class FaultSwitch
{
    private int _mode;

    public FaultMode Mode
    {
        get => (FaultMode)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }

    public int FaultsThrown => Volatile.Read(ref _faultsThrown);

    private int _faultsThrown;

    public void CountFault() => Interlocked.Increment(ref _faultsThrown);
}
