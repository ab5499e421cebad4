namespace DistressBot.Tests.Storage.Fakes;

/// <summary>A file stream whose writes and flushes throw IOException (ENOSPC-like) while its switch says so.</summary>
internal sealed class FaultyStream : Stream
{
    // LiteDB 5 page layout: 8 KiB pages, byte 18 set on the last page of a committed transaction.
    private const int PageSize = 8192;
    private const int IsConfirmedOffset = 18;

    private readonly FileStream _inner;
    private readonly FaultSwitch _switch;

    public FaultyStream(FileStream inner, FaultSwitch faultSwitch)
    {
        _inner = inner;
        _switch = faultSwitch;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    // LiteDB calls Flush() on a stream that is not a FileStream; keep the fsync it meant.
    public override void Flush()
    {
        ThrowIf(FaultMode.FailBeforeWrite);
        _inner.Flush(flushToDisk: true);
        ThrowIf(FaultMode.FailAfterWrite);
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        ThrowIf(FaultMode.FailBeforeWrite);
        _inner.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIf(FaultMode.FailBeforeWrite);
        _inner.Write(buffer, offset, count);
        ThrowIf(FaultMode.FailAfterWrite);
        if (count == PageSize && buffer[offset + IsConfirmedOffset] == 1)
        {
            ThrowIf(FaultMode.FailAfterConfirmingWrite);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ThrowIf(FaultMode mode)
    {
        if (_switch.Mode == mode)
        {
            _switch.CountFault();
            throw new IOException("No space left on device (injected)");
        }
    }
}
