using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;

namespace DistressBot.Tests.Storage.Fakes;

/// <summary>Opens the data and log files through <see cref="FaultyStream"/>s so a test can make the disk "fill up".</summary>
internal sealed class FaultyDatabaseFactory : IDisposable
{
    private readonly ConcurrentBag<Stream> _streams = [];

    public FaultSwitch Switch { get; } = new();

    public int Opens => Volatile.Read(ref _opens);

    private int _opens;

    public LiteDatabase Open(string dataFile)
    {
        if (Switch.Mode == FaultMode.FailBeforeWrite)
        {
            // A reopen while the disk is still "full" fails, as a real one would at its first write.
            throw new IOException("No space left on device (injected at open)");
        }

        Interlocked.Increment(ref _opens);
        var logFile = Path.Combine(
            Path.GetDirectoryName(dataFile)!,
            Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));
        var settings = new EngineSettings
        {
            DataStream = Track(new FaultyStream(OpenFile(dataFile), Switch)),
            LogStream = Track(new FaultyStream(OpenFile(logFile), Switch)),
            Collation = Collation.Binary,
        };
        return new LiteDatabase(new LiteEngine(settings));
    }

    public void Dispose()
    {
        // LiteDB does not close streams it was given; the test owns them.
        foreach (var stream in _streams)
        {
            stream.Dispose();
        }
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 8192, FileOptions.RandomAccess);

    private Stream Track(Stream stream)
    {
        _streams.Add(stream);
        return stream;
    }
}
