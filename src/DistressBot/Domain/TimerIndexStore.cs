using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>What a timer index entry is the look of.</summary>
public enum TimerKind
{
    /// <summary>A subject's next reminder or deadline (the id is the person's).</summary>
    Subject = 1,

    /// <summary>An open case's next escalation step (the id is the case number).</summary>
    Case = 2,
}

/// <summary>One record's next look, as the sealed timer index keeps it.</summary>
/// <param name="Kind">Subject or case.</param>
/// <param name="Id">The person id or case number.</param>
/// <param name="At">When it next needs a look.</param>
/// <param name="UrgentAt">From when that look is urgent (an alarm, an escalation); null: never.</param>
public readonly record struct TimerIndexEntry(TimerKind Kind, string Id, DateTimeOffset At, DateTimeOffset? UrgentAt);

/// <summary>A change to the index: the record's new look, or null to drop it (nothing scheduled, resolved, removed).</summary>
/// <param name="Kind">Subject or case.</param>
/// <param name="Id">The person id or case number.</param>
/// <param name="Entry">The new look; null removes the record's entry.</param>
public readonly record struct TimerIndexChange(TimerKind Kind, string Id, TimerIndexEntry? Entry);

/// <summary>Why the index could not be used as it is (the start-up then reads every person and rebuilds it).</summary>
public enum TimerIndexProblem
{
    /// <summary>It could be used.</summary>
    None,

    /// <summary>Never built (first start of this version, a new deployment), or dropped after a damaged shard was met.</summary>
    Missing,

    /// <summary>Written by another format or shard count.</summary>
    Format,

    /// <summary>Computed under other timing rules or by another build of the bot: its instants may not be this one's.</summary>
    RulesChanged,

    /// <summary>The shards do not hold the entries the header counts (a shard lost).</summary>
    Count,

    /// <summary>A shard or the header does not authenticate (damaged, moved, or sealed under a key no longer held).</summary>
    DoesNotOpen,
}

/// <summary>The index as read at start: every entry, or why it cannot be used.</summary>
/// <param name="Entries">Every entry; null when <paramref name="Problem"/> is not <see cref="TimerIndexProblem.None"/>.</param>
/// <param name="Problem">Why it cannot be used.</param>
public sealed record TimerIndexRead(IReadOnlyList<TimerIndexEntry>? Entries, TimerIndexProblem Problem);

/// <summary>
/// The sealed timer index: every subject's and open case's next look in <see cref="ShardCount"/> shard records (a keyed hash of
/// the id picks the shard) and one header, rewritten in the unit of work that moves a timer, so that the start-up reads a few
/// MiB instead of opening every person.
/// </summary>
/// <remarks>
/// Each shard and the header carry the fingerprint of the rules and build they were computed under; the header counts the
/// entries. A shard written under other rules, a missing or damaged shard, or a count that does not add up makes the whole
/// index unusable (<see cref="Read"/>), and the start-up falls back to reading every person. A unit of work that meets a
/// shard it cannot open drops the header, never fails for it.
/// </remarks>
public sealed class TimerIndexStore
{
    /// <summary>Shards: about 100 entries (2.5 KB) each at 100,000 subjects, so a check-in rewrites one small record.</summary>
    public const int ShardCount = 1024;

    /// <summary>The header's record id.</summary>
    public const string HeaderId = "head";

    private const byte Format = 1;
    private const int FingerprintSize = 32;
    private const byte HasUrgent = 1;

    private readonly IRecordSession _session;
    private readonly CryptoContext _crypto;

    internal TimerIndexStore(IRecordSession session, CryptoContext crypto)
    {
        _session = session;
        _crypto = crypto;
    }

    /// <summary>The shard record id for <paramref name="shard"/> ("s0000" … "s1023").</summary>
    public static string ShardId(int shard) => string.Create(CultureInfo.InvariantCulture, $"s{shard:D4}");

    /// <summary>Every entry, or the first reason the index cannot be used under <paramref name="fingerprint"/>.</summary>
    /// <param name="fingerprint">The fingerprint (32 bytes) of the rules and build that compute looks now.</param>
    public TimerIndexRead Read(ReadOnlySpan<byte> fingerprint)
    {
        var records = _session.All(Collections.TimerIndex);
        var header = records.FirstOrDefault(r => r.Id == HeaderId);
        if (header is null)
        {
            return new TimerIndexRead(null, TimerIndexProblem.Missing);
        }

        var entries = new List<TimerIndexEntry>();
        try
        {
            var (headerPrint, counted) = ParseHeader(Open(header));
            if (!headerPrint.AsSpan().SequenceEqual(fingerprint))
            {
                return new TimerIndexRead(null, TimerIndexProblem.RulesChanged);
            }

            foreach (var record in records.Where(r => r.Id != HeaderId))
            {
                var shard = ParseShard(Open(record), record.Id);
                if (!shard.Fingerprint.AsSpan().SequenceEqual(fingerprint))
                {
                    return new TimerIndexRead(null, TimerIndexProblem.RulesChanged);
                }

                entries.AddRange(shard.Entries);
            }

            if (entries.Count != counted)
            {
                return new TimerIndexRead(null, TimerIndexProblem.Count);
            }
        }
        catch (RecordIntegrityException)
        {
            return new TimerIndexRead(null, TimerIndexProblem.DoesNotOpen);
        }
        catch (FormatException)
        {
            return new TimerIndexRead(null, TimerIndexProblem.Format);
        }

        return new TimerIndexRead(entries, TimerIndexProblem.None);
    }

    /// <summary>
    /// Applies <paramref name="changes"/> (last one per record wins), each touched shard stamped with <paramref name="fingerprint"/>.
    /// Does nothing while the index is not built; drops the header (so the next start rebuilds) when a shard does not open.
    /// </summary>
    public void Apply(IReadOnlyCollection<TimerIndexChange> changes, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0 || _session.Find(Collections.TimerIndex, HeaderId) is not { } header)
        {
            return;
        }

        try
        {
            var (headerPrint, counted) = ParseHeader(Open(header));
            var before = counted;
            foreach (var group in changes.GroupBy(c => ShardOf(c.Id)))
            {
                var id = ShardId(group.Key);
                var stored = _session.Find(Collections.TimerIndex, id);
                var entries = stored is null ? [] : ParseShard(Open(stored), id).Entries;
                var byKey = entries.ToDictionary(e => (e.Kind, e.Id));
                counted -= byKey.Count;
                foreach (var change in group)
                {
                    if (change.Entry is { } entry)
                    {
                        byKey[(change.Kind, change.Id)] = entry;
                    }
                    else
                    {
                        byKey.Remove((change.Kind, change.Id));
                    }
                }

                counted += byKey.Count;
                WriteShard(group.Key, [.. byKey.Values], fingerprint);
            }

            if (counted != before)
            {
                WriteHeader(headerPrint, counted);
            }
        }
        catch (Exception ex) when (ex is RecordIntegrityException or FormatException)
        {
            // A damaged index must never cost the change it follows: without a header the next start reads every person.
            _session.Delete(Collections.TimerIndex, HeaderId);
        }
    }

    /// <summary>Replaces the whole index with <paramref name="entries"/> computed under <paramref name="fingerprint"/>.</summary>
    public void Rebuild(IEnumerable<TimerIndexEntry> entries, ReadOnlySpan<byte> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var record in _session.All(Collections.TimerIndex))
        {
            _session.Delete(Collections.TimerIndex, record.Id);
        }

        var count = 0;
        foreach (var shard in entries.GroupBy(e => ShardOf(e.Id)))
        {
            var list = shard.ToList();
            WriteShard(shard.Key, list, fingerprint);
            count += list.Count;
        }

        WriteHeader(fingerprint.ToArray(), count);
    }

    /// <summary>Drops the index (its header): the next start reads every person and rebuilds it.</summary>
    public void Invalidate() => _session.Delete(Collections.TimerIndex, HeaderId);

    private int ShardOf(string id)
    {
        // Keyed, so a seized disk cannot tell which shard (and so which rewrite) belongs to which person or case.
        var hash = _crypto.Lookups.Compute(Collections.TimerShardLookup, id);
        return BinaryPrimitives.ReadUInt16BigEndian(hash) % ShardCount;
    }

    private byte[] Open(StoredRecord record) =>
        _crypto.Cipher.Open(record.Blob, new RecordAddress(Collections.TimerIndex, record.Id, Collections.DataField));

    private void Put(string id, byte[] plain)
    {
        var blob = _crypto.Cipher.Seal(plain, new RecordAddress(Collections.TimerIndex, id, Collections.DataField));
        CryptographicOperations.ZeroMemory(plain);
        _session.Put(new StoredRecord(Collections.TimerIndex, id, null, blob));
    }

    // Header: [format][shard count, u16][fingerprint, 32][entries, i32].
    private void WriteHeader(byte[] fingerprint, int count)
    {
        var plain = new byte[1 + 2 + FingerprintSize + 4];
        plain[0] = Format;
        BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(1), ShardCount);
        fingerprint.CopyTo(plain.AsSpan(3));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(3 + FingerprintSize), count);
        Put(HeaderId, plain);
    }

    private static (byte[] Fingerprint, int Count) ParseHeader(byte[] plain)
    {
        if (plain.Length != 1 + 2 + FingerprintSize + 4 || plain[0] != Format || BinaryPrimitives.ReadUInt16BigEndian(plain.AsSpan(1)) != ShardCount)
        {
            throw new FormatException("The timer index header is of another format.");
        }

        var count = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(3 + FingerprintSize));
        return count < 0 ? throw new FormatException("The timer index header counts less than nothing.") : (plain[3..(3 + FingerprintSize)], count);
    }

    // Shard: [format][shard number, u16][fingerprint, 32][entries, i32], then each entry:
    // [kind][flags][id length, u8][id, UTF-8][at, UTC ticks, i64][urgent at, UTC ticks, i64, when flagged].
    private void WriteShard(int shard, List<TimerIndexEntry> entries, ReadOnlySpan<byte> fingerprint)
    {
        var id = ShardId(shard);
        if (entries.Count == 0)
        {
            _session.Delete(Collections.TimerIndex, id);
            return;
        }

        using var buffer = new MemoryStream();
        Span<byte> number = stackalloc byte[8];
        buffer.WriteByte(Format);
        BinaryPrimitives.WriteUInt16BigEndian(number, (ushort)shard);
        buffer.Write(number[..2]);
        buffer.Write(fingerprint);
        BinaryPrimitives.WriteInt32BigEndian(number, entries.Count);
        buffer.Write(number[..4]);
        foreach (var entry in entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Id);
            if (name.Length is 0 or > byte.MaxValue)
            {
                throw new ArgumentException($"A timer index id must be 1 to 255 UTF-8 bytes; this one is {name.Length}.", nameof(entries));
            }

            buffer.WriteByte((byte)entry.Kind);
            buffer.WriteByte(entry.UrgentAt is null ? (byte)0 : HasUrgent);
            buffer.WriteByte((byte)name.Length);
            buffer.Write(name);
            BinaryPrimitives.WriteInt64BigEndian(number, entry.At.UtcTicks);
            buffer.Write(number);
            if (entry.UrgentAt is { } urgent)
            {
                BinaryPrimitives.WriteInt64BigEndian(number, urgent.UtcTicks);
                buffer.Write(number);
            }
        }

        Put(id, buffer.ToArray());
    }

    private static (byte[] Fingerprint, List<TimerIndexEntry> Entries) ParseShard(byte[] plain, string recordId)
    {
        var reader = new ShardReader(plain);
        if (reader.Byte() != Format || ShardId(reader.UInt16()) != recordId)
        {
            throw new FormatException("A timer index shard is of another format or sits under another id.");
        }

        var fingerprint = reader.Bytes(FingerprintSize).ToArray();
        var count = reader.Int32();
        var entries = new List<TimerIndexEntry>(Math.Clamp(count, 0, plain.Length));
        for (var i = 0; i < count; i++)
        {
            var kind = (TimerKind)reader.Byte();
            var flags = reader.Byte();
            if (kind is not (TimerKind.Subject or TimerKind.Case) || (flags & ~HasUrgent) != 0)
            {
                throw new FormatException("A timer index entry is of an unknown kind.");
            }

            var id = Encoding.UTF8.GetString(reader.Bytes(reader.Byte()));
            var at = reader.Instant();
            DateTimeOffset? urgent = (flags & HasUrgent) != 0 ? reader.Instant() : null;
            entries.Add(new TimerIndexEntry(kind, id, at, urgent));
        }

        return reader.AtEnd ? (fingerprint, entries) : throw new FormatException("A timer index shard has bytes after its entries.");
    }

    /// <summary>Reads a shard's bytes, throwing <see cref="FormatException"/> past the end (never an index error).</summary>
    private sealed class ShardReader(byte[] plain)
    {
        private int _at;

        public bool AtEnd => _at == plain.Length;

        public byte Byte() => Bytes(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Bytes(2));

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(4));

        public DateTimeOffset Instant()
        {
            var ticks = BinaryPrimitives.ReadInt64BigEndian(Bytes(8));
            return ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : throw new FormatException("A timer index instant is out of range.");
        }

        public ReadOnlySpan<byte> Bytes(int length)
        {
            if (length < 0 || plain.Length - _at < length)
            {
                throw new FormatException("A timer index shard ends early.");
            }

            var span = plain.AsSpan(_at, length);
            _at += length;
            return span;
        }
    }
}
