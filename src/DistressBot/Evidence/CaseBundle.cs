using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DistressBot.Evidence;

/// <summary>A checkpoint that left the server, as the bundle's <c>checkpoints/NNNNNN/</c> folder holds it.</summary>
/// <param name="Index">Its index among the case's checkpoints (the folder's 6-digit name).</param>
/// <param name="Note">The signed note exactly as sent.</param>
/// <param name="Sent">Where it went, one line each (<c>lawyer &lt;alias&gt; &lt;at&gt;</c>, <c>witness-directory &lt;at&gt;</c>, <c>witness &lt;url&gt; &lt;at&gt;</c>, <c>timestamp &lt;url&gt; &lt;at&gt;</c>).</param>
/// <param name="Cosignatures">The witness's cosignature lines as returned, or null.</param>
/// <param name="WitnessKey">The witness verifier key, or null.</param>
/// <param name="TimestampToken">The RFC 3161 TimeStampToken (DER) over SHA-256 of the note's bytes, or null.</param>
public sealed record BundleCheckpoint(int Index, string Note, IReadOnlyList<string> Sent, string? Cosignatures = null, string? WitnessKey = null, byte[]? TimestampToken = null);

/// <summary>
/// A case's evidence bundle (docs/evidence.md, "The bundle"): <c>log.jsonl</c>, <c>checkpoint</c>, <c>log.vkey</c>,
/// <c>checkpoints/NNNNNN/</c> (checkpoint, proof, sent.txt and, when there are any, cosignatures, witness.vkey,
/// timestamp.tsr), <c>report.pdf</c> and <c>README.txt</c>; written as a folder or a zip with the same paths.
/// </summary>
public sealed class CaseBundle
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private CaseBundle()
    {
    }

    /// <summary>The files by relative path ("/"-separated), in path order.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>
    /// The bundle of a log of <paramref name="entries"/> (canonical entry bytes, leaf i = entry i) whose latest signed checkpoint
    /// <paramref name="latestNote"/> covers all of them; each of <paramref name="sentOut"/> gets its RFC 6962 consistency proof to the latest.
    /// </summary>
    /// <remarks>
    /// The entries of <paramref name="redacted"/> (seq → kind) are written as redacted lines (<see cref="RedactedEntry"/>: their
    /// leaf hash, seq and kind), so the log's root, every checkpoint and every proof are the full log's.
    /// </remarks>
    /// <remarks>Each of <paramref name="evidence"/> (lowercase hex SHA-256 → bytes) is written as <c>evidence/&lt;hex&gt;</c>.</remarks>
    /// <exception cref="ArgumentException">An evidence file not named by its hash, no entries, an entry holding a newline, a redacted seq beyond the log, or a checkpoint claiming a size beyond the log's (read from its note's text).</exception>
    public static CaseBundle Build(
        IReadOnlyList<byte[]> entries,
        string latestNote,
        string verifierKey,
        IReadOnlyList<BundleCheckpoint> sentOut,
        byte[] reportPdf,
        string readme,
        IReadOnlyDictionary<long, string>? redacted = null,
        IReadOnlyDictionary<string, byte[]>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(latestNote);
        ArgumentNullException.ThrowIfNull(verifierKey);
        ArgumentNullException.ThrowIfNull(sentOut);
        ArgumentNullException.ThrowIfNull(reportPdf);
        ArgumentNullException.ThrowIfNull(readme);
        if (entries.Count == 0)
        {
            throw new ArgumentException("A bundle needs a log with at least one entry.", nameof(entries));
        }

        redacted ??= new Dictionary<long, string>();
        if (redacted.Keys.Any(seq => seq < 0 || seq >= entries.Count))
        {
            throw new ArgumentException($"A redacted seq lies outside the log of {entries.Count} entries.", nameof(redacted));
        }

        var bundle = new CaseBundle();
        var tree = new MerkleTree();
        var log = new MemoryStream();
        foreach (var entry in entries)
        {
            if (entry.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            {
                throw new ArgumentException("A log entry holds a line break; entries are written canonically without one.", nameof(entries));
            }

            var seq = (long)tree.Append(entry);
            log.Write(redacted.TryGetValue(seq, out var kind) ? new RedactedEntry(tree.LeafHash((ulong)seq), seq, kind).ToBytes() : entry);
            log.WriteByte((byte)'\n');
        }

        bundle._files["log.jsonl"] = log.ToArray();
        bundle._files["checkpoint"] = Encoding.UTF8.GetBytes(latestNote);
        bundle._files["log.vkey"] = Encoding.UTF8.GetBytes(verifierKey.TrimEnd('\n') + "\n");
        foreach (var checkpoint in sentOut)
        {
            var size = SizeOf(checkpoint.Note);
            if (size > tree.Size)
            {
                throw new ArgumentException($"Checkpoint {checkpoint.Index} claims {size} entries; the log has {tree.Size}.", nameof(sentOut));
            }

            var folder = "checkpoints/" + checkpoint.Index.ToString("D6", CultureInfo.InvariantCulture) + "/";
            var proof = size == 0 || size == tree.Size ? [] : tree.ConsistencyProof(size, tree.Size);
            bundle._files[folder + "checkpoint"] = Encoding.UTF8.GetBytes(checkpoint.Note);
            bundle._files[folder + "proof"] = Encoding.ASCII.GetBytes(string.Concat(proof.Select(h => Convert.ToBase64String(h) + "\n")));
            bundle._files[folder + "sent.txt"] = Encoding.UTF8.GetBytes(string.Concat(checkpoint.Sent.Select(l => l + "\n")));
            if (checkpoint.Cosignatures is { Length: > 0 } cosignatures)
            {
                bundle._files[folder + "cosignatures"] = Encoding.UTF8.GetBytes(cosignatures.EndsWith('\n') ? cosignatures : cosignatures + "\n");
                if (checkpoint.WitnessKey is { } witnessKey)
                {
                    bundle._files[folder + "witness.vkey"] = Encoding.UTF8.GetBytes(witnessKey.TrimEnd('\n') + "\n");
                }
            }

            if (checkpoint.TimestampToken is { Length: > 0 } token)
            {
                bundle._files[folder + "timestamp.tsr"] = token;
            }
        }

        foreach (var (sha256, bytes) in evidence ?? new Dictionary<string, byte[]>())
        {
            if (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) != sha256)
            {
                throw new ArgumentException("An evidence file is not named by its lowercase hex SHA-256.", nameof(evidence));
            }

            bundle._files[EvidenceContent.Folder + "/" + sha256] = bytes;
        }

        bundle._files["report.pdf"] = reportPdf;
        bundle._files["README.txt"] = Encoding.UTF8.GetBytes(readme);
        return bundle;
    }

    /// <summary>Writes the files into <paramref name="directory"/>, which must not exist or be empty; folders are made as needed.</summary>
    /// <exception cref="IOException">The directory holds files already.</exception>
    public void WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"{directory} is not empty; give a new or empty folder.");
        }

        Directory.CreateDirectory(directory);
        foreach (var (path, bytes) in _files)
        {
            var full = Path.Combine(directory, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>The files as a zip (deflate; the same paths at the root), with a fixed timestamp so the same bundle zips to the same bytes.</summary>
    public byte[] ToZip()
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in _files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    // The tree size a checkpoint note states (its second line).
    private static ulong SizeOf(string note)
    {
        var text = SignedNote.Parse(note).Text;
        return Checkpoint.Parse(text).TreeSize;
    }
}
