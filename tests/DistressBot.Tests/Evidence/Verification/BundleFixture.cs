using System.Security.Cryptography;
using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>
/// A case bundle made the way the spec lays it out (log.jsonl, checkpoint, log.vkey, checkpoints/NNNNNN/), signed by a
/// fresh Ed25519 log key, in a temporary folder; tests then break one thing in it.
/// </summary>
internal sealed class BundleFixture : IDisposable
{
    public const string CaseId = "C-0042";

    private static readonly DateTimeOffset Start = new(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);

    private readonly Key _key;

    private BundleFixture(Key key, string folder, IReadOnlyList<CaseLogEntry> entries)
    {
        _key = key;
        Folder = folder;
        Entries = entries;
        Signer = new NoteSigner(KeyNameOf(key), key);
    }

    /// <summary>The bundle folder.</summary>
    public string Folder { get; }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<CaseLogEntry> Entries { get; }

    /// <summary>The log key's signer.</summary>
    public NoteSigner Signer { get; }

    /// <summary>The checkpoint origin: key name/case.</summary>
    public string Origin => Signer.KeyName + "/" + CaseId;

    /// <summary>
    /// A bundle of <paramref name="count"/> entries (notes in Russian among them) whose earlier checkpoints at
    /// <paramref name="sentSizes"/> left the server, each with its proof to the latest.
    /// </summary>
    public static BundleFixture Create(int count = 7, params int[] sentSizes)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var folder = Directory.CreateTempSubdirectory("distressbot-bundle-").FullName;
        var fixture = new BundleFixture(key, folder, [.. Enumerable.Range(0, count).Select(Entry)]);
        fixture.Write(sentSizes.Length == 0 ? [2, 5] : sentSizes);
        return fixture;
    }

    /// <summary>Entry <paramref name="seq"/> of the case: opened, alerts, a check-in that came late, notes in Russian.</summary>
    public static CaseLogEntry Entry(int seq) => new()
    {
        CaseId = CaseId,
        Sequence = seq,
        Kind = (seq % 3) switch { 0 => CaseLogKinds.Note, 1 => CaseLogKinds.AlertDelivered, _ => CaseLogKinds.Acknowledged },
        At = Start.AddMinutes(seq).AddMilliseconds(seq * 7),
        TelegramDate = seq % 3 == 1 ? Start.AddMinutes(seq) : null,
        Actor = seq % 3 == 1 ? new LogParty("bot", null) : new LogParty("coordinator", "Анна"),
        Person = seq % 3 == 1 ? new LogParty("lawyer", "Alexander") : null,
        Content = seq % 3 == 0 ? $"Дверь открыта, следы борьбы; запись {seq}" : null,
        MessageId = seq % 3 == 1 ? 4700 + seq : null,
        Text = seq % 3 == 1 ? "Тревога: Salek не отметился" : null,
    };

    /// <summary>The bundle path's full path.</summary>
    public string PathOf(string bundlePath) => Path.Combine(Folder, bundlePath);

    /// <summary>The lines of log.jsonl as they stand, without their LF.</summary>
    public List<string> LogLines() => [.. File.ReadAllText(PathOf(BundleLayout.Log)).Split('\n')[..^1]];

    /// <summary>Writes log.jsonl from <paramref name="lines"/>, each followed by LF.</summary>
    public void WriteLog(IEnumerable<string> lines) => File.WriteAllText(PathOf(BundleLayout.Log), string.Concat(lines.Select(l => l + "\n")));

    /// <summary>Rewrites the lines of <paramref name="seqs"/> in log.jsonl as redacted lines (leaf hash, seq, kind); nothing else changes.</summary>
    public void Redact(params int[] seqs)
    {
        var lines = LogLines();
        foreach (var seq in seqs)
        {
            lines[seq] = Encoding.ASCII.GetString(RedactedEntry.Of(Entries[seq]).ToBytes());
        }

        WriteLog(lines);
    }

    /// <summary>The signed checkpoint note of <paramref name="lines"/> (the first <paramref name="size"/> of them).</summary>
    public string SignedCheckpoint(IReadOnlyList<byte[]> lines, int size, NoteSigner? signer = null)
    {
        var tree = Tree(lines.Take(size));
        signer ??= Signer;
        return signer.Sign(new Checkpoint(signer.KeyName + "/" + CaseId, (ulong)size, tree.RootHash()).ToText());
    }

    /// <summary>The canonical bytes of every entry.</summary>
    public List<byte[]> EntryBytes() => [.. Entries.Select(e => e.ToBytes())];

    /// <summary>Re-signs the whole bundle (checkpoint, log.vkey, every earlier checkpoint) with another key; returns it.</summary>
    public NoteSigner ResignWithAnotherKey()
    {
        var other = Key.Create(SignatureAlgorithm.Ed25519);
        var signer = new NoteSigner(KeyNameOf(other), other);
        var lines = EntryBytes();
        File.WriteAllText(PathOf(BundleLayout.Checkpoint), SignedCheckpoint(lines, lines.Count, signer));
        File.WriteAllText(PathOf(BundleLayout.VerifierKey), signer.VerifierKey + "\n");
        foreach (var folder in Directory.GetDirectories(PathOf(BundleLayout.CheckpointsFolder)))
        {
            var size = int.Parse(File.ReadAllLines(Path.Combine(folder, BundleLayout.Checkpoint))[1], System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(folder, BundleLayout.Checkpoint), SignedCheckpoint(lines, size, signer));
        }

        return signer;
    }

    /// <summary>The signed note in checkpoints/<paramref name="folder"/> (6 digits) as it stands.</summary>
    public string FolderNote(int folder) => File.ReadAllText(Path.Combine(PathOf(BundleLayout.CheckpointFolder(folder)), BundleLayout.Checkpoint));

    /// <summary>
    /// Signs a fresh latest checkpoint over log.jsonl as it stands, with the same key, and drops every earlier checkpoint
    /// (a seized server rewriting the log and leaving out what no longer fits): the bundle then verifies on its own.
    /// </summary>
    public void ResignLatestAndDropEarlier()
    {
        var lines = LogLines().Select(l => Encoding.UTF8.GetBytes(l)).ToList();
        File.WriteAllText(PathOf(BundleLayout.Checkpoint), SignedCheckpoint(lines, lines.Count));
        Directory.Delete(PathOf(BundleLayout.CheckpointsFolder), recursive: true);
    }

    /// <summary>A zip of the bundle folder, the same paths at its root.</summary>
    public string Zip()
    {
        var zip = Folder + ".zip";
        File.Delete(zip);
        System.IO.Compression.ZipFile.CreateFromDirectory(Folder, zip);
        return zip;
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(Folder, recursive: true);
        File.Delete(Folder + ".zip");
    }

    /// <summary>The spec's key name: "distressbot-" and the hex of SHA-256(public key)[:4].</summary>
    public static string KeyNameOf(Key key) =>
        "distressbot-" + Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.Export(KeyBlobFormat.RawPublicKey))[..4]);

    public static MerkleTree Tree(IEnumerable<byte[]> lines)
    {
        var tree = new MerkleTree();
        foreach (var line in lines)
        {
            tree.Append(line);
        }

        return tree;
    }

    private void Write(int[] sentSizes)
    {
        var lines = EntryBytes();
        var log = new MemoryStream();
        foreach (var line in lines)
        {
            log.Write(line);
            log.WriteByte((byte)'\n');
        }

        File.WriteAllBytes(PathOf(BundleLayout.Log), log.ToArray());
        File.WriteAllText(PathOf(BundleLayout.Checkpoint), SignedCheckpoint(lines, lines.Count));
        File.WriteAllText(PathOf(BundleLayout.VerifierKey), Signer.VerifierKey + "\n");
        var tree = Tree(lines);
        for (var i = 0; i < sentSizes.Length; i++)
        {
            var folder = PathOf(BundleLayout.CheckpointFolder(i));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, BundleLayout.Checkpoint), SignedCheckpoint(lines, sentSizes[i]));
            var proof = tree.ConsistencyProof((ulong)sentSizes[i], (ulong)lines.Count);
            File.WriteAllText(Path.Combine(folder, BundleLayout.Proof), string.Concat(proof.Select(h => Convert.ToBase64String(h) + "\n")));
            File.WriteAllText(Path.Combine(folder, BundleLayout.Sent), "lawyer Alexander 2026-11-30T18:05:00.000Z\n", Encoding.UTF8);
        }
    }
}
