using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DistressBot.Evidence.Verification;

/// <summary>What the caller trusts beyond the bundle itself.</summary>
/// <param name="PinnedKey">The log key received earlier (--key): the bundle's log.vkey must be this key; null trusts log.vkey and says so.</param>
/// <param name="PinnedWitness">The witness key received from its operator (--witness-key): every witness.vkey must be this key, and cosignatures without one are checked with it; null trusts witness.vkey and says so.</param>
/// <param name="PinnedTimestampAuthority">The timestamp authority's certificate or its CA (--tsa-cert): every token must be signed under it; null takes the token's own certificate and says so. The caller disposes it.</param>
/// <param name="Kept">Checkpoints the caller kept (--checkpoint FILE): each must be signed by the log key and be a prefix of the log.</param>
public sealed record BundleTrust(
    NoteVerifier? PinnedKey = null,
    CosignatureVerifier? PinnedWitness = null,
    X509Certificate2? PinnedTimestampAuthority = null,
    IReadOnlyList<KeptCheckpoint>? Kept = null);

/// <summary>One checkpoint folder whose checkpoint is signed by the log key and names the case's log, handed to each folder check.</summary>
/// <param name="Folder">Its bundle path, "checkpoints/000003".</param>
/// <param name="NoteBytes">Its <c>checkpoint</c> file as read (the signed note's bytes; an RFC 3161 imprint is over these).</param>
/// <param name="Note">The signed note as text.</param>
/// <param name="Checkpoint">The checkpoint it signs.</param>
public sealed record CheckpointFolder(string Folder, byte[] NoteBytes, string Note, Checkpoint Checkpoint)
{
    /// <summary>The bundle path of a file in this folder.</summary>
    public string PathOf(string fileName) => Folder + "/" + fileName;
}

/// <summary>
/// The offline check of a bundle (docs/evidence.md, "Verifying"): every line of log.jsonl is a canonical entry in its
/// place, the latest checkpoint is signed by the log key and covers exactly those lines, and every earlier checkpoint
/// that left the server is signed, covers a prefix of them, is proved consistent with the latest, and its witness
/// cosignatures and timestamp token verify; every checkpoint the caller kept is a prefix of them too. It stops at the
/// first problem and names it (entry and line, file, checkpoint folder, kept file).
/// </summary>
public static partial class BundleVerifier
{
    /// <summary>Most bytes of log.jsonl read: 64 MiB.</summary>
    public const int MaxLogBytes = 64 * 1024 * 1024;

    /// <summary>Most bytes of a checkpoint note read: 64 KiB.</summary>
    public const int MaxNoteBytes = 64 * 1024;

    /// <summary>Most bytes of log.vkey read: 4 KiB.</summary>
    public const int MaxKeyBytes = 4 * 1024;

    /// <summary>Most bytes of a consistency proof read: 64 KiB (a proof of a 2^63-leaf tree is under 6 KiB).</summary>
    public const int MaxProofBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The checks of a checkpoint folder after its signature and origin, in order; one more check is one more entry here
    // (and the files it reads in FolderFilesRead), its method in this class or another part of it.
    private static readonly FolderCheck[] FolderChecks = [WithinLatest, PrefixOfLog, ConsistencyProof, WitnessCosignatures, TimestampOfCheckpoint];

    // The files of a checkpoint folder that some check reads; sent.txt is listed as the server's word, the others as not checked.
    private static readonly string[] FolderFilesRead =
        [BundleLayout.Checkpoint, BundleLayout.Proof, BundleLayout.Cosignatures, BundleLayout.WitnessKey, BundleLayout.Timestamp];

    /// <summary>One check of a checkpoint folder: null when it passes, else the problem.</summary>
    private delegate BundleProblem? FolderCheck(CheckpointFolder folder, CheckedLog log, BundleReader bundle);

    /// <summary>Opens the bundle at <paramref name="path"/> (folder or .zip) and verifies it; a bundle that cannot be read safely is a failed verdict naming why.</summary>
    public static BundleVerdict Verify(string path, BundleTrust? trust = null)
    {
        try
        {
            using var bundle = BundleReader.Open(path);
            return Verify(bundle, trust);
        }
        catch (BundleProblemException ex)
        {
            return BundleVerdict.Fail(ex.Problem);
        }
    }

    /// <summary>Verifies an opened bundle: the facts when every check passes, else the first problem.</summary>
    public static BundleVerdict Verify(BundleReader bundle, BundleTrust? trust = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        trust ??= new BundleTrust();
        try
        {
            var (entries, leaves, redacted) = ReadLog(bundle);
            var key = ReadKey(bundle, trust);
            var origin = key.KeyName + "/" + entries[0].CaseId;
            var tree = new MerkleTree();
            foreach (var leaf in leaves)
            {
                tree.AppendLeafHash(leaf);
            }

            var latest = OpenCheckpoint(bundle, BundleLayout.Checkpoint, key, origin).Checkpoint;
            if (latest.TreeSize != (ulong)leaves.Count)
            {
                throw Fail(VerdictTextId.CheckpointSizeDiffers, BundleLayout.Checkpoint, null, latest.TreeSize, leaves.Count);
            }

            var roots = new PrefixRoots(leaves);
            if (!latest.RootHash.AsSpan().SequenceEqual(tree.RootHash()))
            {
                throw new BundleProblemException(RootProblem(bundle, key, origin, roots));
            }

            var log = new CheckedLog(key, origin, latest, roots, trust, new FolderFindings());
            var (checkedFolders, notChecked, sentLists) = CheckFolders(bundle, log);
            var evidenceFiles = CheckEvidence(bundle, entries);
            var kept = CheckKept(log);
            return BundleVerdict.Pass(new BundleFacts(
                entries[0].CaseId,
                leaves.Count,
                entries[^1].At,
                key.KeyName,
                key.KeyId,
                key.ToString(),
                trust.PinnedKey is not null,
                checkedFolders,
                notChecked)
            {
                Cosignatures = log.Found.Cosignatures,
                WitnessPinned = trust.PinnedWitness is not null,
                Timestamps = log.Found.Timestamps,
                TimestampAuthorityPinned = trust.PinnedTimestampAuthority is not null,
                KeptCheckpoints = kept,
                SentLists = sentLists,
                Redacted = redacted,
                EvidenceFiles = evidenceFiles,
            });
        }
        catch (BundleProblemException ex)
        {
            return BundleVerdict.Fail(ex.Problem);
        }
    }

    // Every line's leaf hash: an entry's is hashed from its bytes, a redacted line's is the hash it holds. The entries
    // returned are the lines that are not redacted; the case is the first one's, and a log of redacted lines alone is refused.
    private static (List<CaseLogEntry> Entries, List<byte[]> LeafHashes, List<RedactedEntry> Redacted) ReadLog(BundleReader bundle)
    {
        var bytes = bundle.Read(BundleLayout.Log, MaxLogBytes);
        if (bytes.Length == 0)
        {
            throw Fail(VerdictTextId.LogEmpty, BundleLayout.Log, null);
        }

        var entries = new List<CaseLogEntry>();
        var lines = new List<byte[]>();
        var redacted = new List<RedactedEntry>();
        var start = 0;
        while (start < bytes.Length)
        {
            var index = lines.Count;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                throw Fail(VerdictTextId.LogNoFinalNewline, BundleLayout.Log, index, index + 1);
            }

            var line = bytes[start..end];
            start = end + 1;
            if (Array.IndexOf(line, (byte)'\r') >= 0)
            {
                throw Fail(VerdictTextId.LineHasCarriageReturn, BundleLayout.Log, index, index, index + 1);
            }

            if (RedactedEntry.IsRedactedLine(line))
            {
                redacted.Add(ReadRedacted(line, index));
                lines.Add(redacted[^1].LeafHash);
                continue;
            }

            CaseLogEntry entry;
            try
            {
                entry = CaseLogEntry.Parse(line);
            }
            catch (FormatException ex)
            {
                throw Fail(VerdictTextId.EntryMalformed, BundleLayout.Log, index, index, index + 1, ex.Message);
            }

            if (entry.Sequence != index)
            {
                throw Fail(VerdictTextId.EntryOutOfPlace, BundleLayout.Log, index, index + 1, entry.Sequence, index);
            }

            if (entries.Count > 0 && entry.CaseId != entries[0].CaseId)
            {
                throw Fail(VerdictTextId.EntryOfAnotherCase, BundleLayout.Log, index, index, index + 1, entry.CaseId, entries[0].CaseId);
            }

            entries.Add(entry);
            lines.Add(MerkleTree.HashLeaf(line));
        }

        if (entries.Count == 0)
        {
            throw Fail(VerdictTextId.LogAllRedacted, BundleLayout.Log, null);
        }

        return (entries, lines, redacted);
    }

    // A redacted line in its one canonical form, in its place; its hash then stands for the entry in the tree.
    private static RedactedEntry ReadRedacted(byte[] line, int index)
    {
        RedactedEntry redacted;
        try
        {
            redacted = RedactedEntry.Parse(line);
        }
        catch (FormatException ex)
        {
            throw Fail(VerdictTextId.EntryMalformed, BundleLayout.Log, index, index, index + 1, ex.Message);
        }

        return redacted.Sequence == index
            ? redacted
            : throw Fail(VerdictTextId.EntryOutOfPlace, BundleLayout.Log, index, index + 1, redacted.Sequence, index);
    }

    private static NoteVerifier ReadKey(BundleReader bundle, BundleTrust trust)
    {
        var text = Utf8(bundle.Read(BundleLayout.VerifierKey, MaxKeyBytes));
        NoteVerifier key;
        try
        {
            if (text is null)
            {
                throw new FormatException("it is not UTF-8 text.");
            }

            // One line: the key and its LF (a missing LF is forgiven; anything more is not).
            key = NoteVerifier.Parse(text.EndsWith('\n') ? text[..^1] : text);
        }
        catch (FormatException ex)
        {
            throw Fail(VerdictTextId.VerifierKeyMalformed, BundleLayout.VerifierKey, null, ex.Message);
        }

        if (trust.PinnedKey is { } pinned && pinned.ToString() != key.ToString())
        {
            throw Fail(VerdictTextId.KeyNotPinned, BundleLayout.VerifierKey, null, key.ToString(), pinned.ToString());
        }

        return key;
    }

    // Signature by the log key, then the checkpoint text, then its origin: a file that passes is a checkpoint of this case's log.
    private static CheckpointFolder OpenCheckpoint(BundleReader bundle, string file, NoteVerifier key, string origin)
    {
        var bytes = bundle.Read(file, MaxNoteBytes);
        var note = Utf8(bytes) ?? throw Fail(VerdictTextId.NoteMalformed, file, null, file, "it is not UTF-8 text.");
        SignedNote signed;
        try
        {
            signed = SignedNote.Parse(note);
        }
        catch (FormatException ex)
        {
            throw Fail(VerdictTextId.NoteMalformed, file, null, file, ex.Message);
        }

        if (!signed.Signatures.Any(s => s.KeyName == key.KeyName && s.KeyId == key.KeyId))
        {
            var signers = string.Join(", ", signed.Signatures.Select(s => $"{s.KeyName} ({s.KeyId:x8})").Distinct());
            throw Fail(VerdictTextId.NoteNotSignedByKey, file, null, file, key.KeyName, signers);
        }

        if (!key.TryOpen(note, out var text) || text is null)
        {
            throw Fail(VerdictTextId.NoteSignatureInvalid, file, null, file, key.KeyName);
        }

        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(text);
        }
        catch (FormatException ex)
        {
            throw Fail(VerdictTextId.CheckpointMalformed, file, null, file, ex.Message);
        }

        if (checkpoint.Origin != origin)
        {
            throw Fail(VerdictTextId.CheckpointOfAnotherLog, file, null, file, checkpoint.Origin, origin);
        }

        var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : "";
        return new CheckpointFolder(folder, bytes, note, checkpoint);
    }

    // The log's root differs from the signed one; earlier checkpoints that open each commit to a prefix, and the
    // entries a matching one covers are unchanged, so the change lies between the longest matching prefix and the
    // shortest one that does not match.
    private static BundleProblem RootProblem(BundleReader bundle, NoteVerifier key, string origin, PrefixRoots roots)
    {
        var (matching, firstWrong, matchingFolder) = (0L, roots.Count, (string?)null);
        foreach (var group in CheckpointFolders(bundle))
        {
            var path = BundleLayout.CheckpointsFolder + "/" + group.Key;
            Checkpoint checkpoint;
            try
            {
                checkpoint = OpenCheckpoint(bundle, path + "/" + BundleLayout.Checkpoint, key, origin).Checkpoint;
            }
            catch (BundleProblemException)
            {
                continue; // a checkpoint that does not open tells nothing about where the log changed
            }

            if (checkpoint.TreeSize == 0 || checkpoint.TreeSize > (ulong)roots.Count)
            {
                continue;
            }

            var size = (long)checkpoint.TreeSize;
            if (checkpoint.RootHash.AsSpan().SequenceEqual(roots.RootAt(size)))
            {
                if (size > matching)
                {
                    (matching, matchingFolder) = (size, path);
                }
            }
            else
            {
                firstWrong = Math.Min(firstWrong, size);
            }
        }

        if (matchingFolder is null && firstWrong < roots.Count)
        {
            // No earlier checkpoint matches, but the smallest that does not bounds where the change lies.
            return Problem(VerdictTextId.LogRootDiffersWithin, BundleLayout.Log, null, roots.Count, firstWrong - 1, firstWrong);
        }

        if (matchingFolder is null || firstWrong <= matching)
        {
            return Problem(VerdictTextId.LogRootDiffers, BundleLayout.Log, null, roots.Count);
        }

        return firstWrong == matching + 1
            ? Problem(VerdictTextId.EntryChanged, BundleLayout.Log, matching, matching, matching + 1, matchingFolder)
            : Problem(VerdictTextId.LogRootDiffersAmong, BundleLayout.Log, null, roots.Count, matching, matchingFolder, firstWrong - 1, matching + 1, firstWrong);
    }

    // checkpoints/NNNNNN/<file> grouped by folder name, in order; anything else under checkpoints/ (a Finder .DS_Store) is not evidence and not read.
    private static List<IGrouping<string, string[]>> CheckpointFolders(BundleReader bundle) =>
        [.. bundle.Files
            .Select(f => f.Split('/'))
            .Where(p => p.Length == 3 && p[0] == BundleLayout.CheckpointsFolder && BundleLayout.CheckpointIndex(p[1]) is not null)
            .GroupBy(p => p[1], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static (List<string> Checked, List<string> NotChecked, List<string> SentLists) CheckFolders(BundleReader bundle, CheckedLog log)
    {
        var checkedFolders = new List<string>();
        var notChecked = new List<string>();
        var sentLists = new List<string>();
        foreach (var group in CheckpointFolders(bundle))
        {
            var path = BundleLayout.CheckpointsFolder + "/" + group.Key;
            var folder = OpenCheckpoint(bundle, path + "/" + BundleLayout.Checkpoint, log.Key, log.Origin);
            foreach (var check in FolderChecks)
            {
                if (check(folder, log, bundle) is { } problem)
                {
                    throw new BundleProblemException(problem);
                }
            }

            checkedFolders.Add(path);
            var unread = group.Select(p => p[2]).Where(n => !FolderFilesRead.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            sentLists.AddRange(unread.Where(n => n == BundleLayout.Sent).Select(folder.PathOf));
            notChecked.AddRange(unread.Where(n => n != BundleLayout.Sent).Select(folder.PathOf));
        }

        return (checkedFolders, notChecked, sentLists);
    }

    private static BundleProblem? WithinLatest(CheckpointFolder folder, CheckedLog log, BundleReader bundle) =>
        folder.Checkpoint.TreeSize <= log.Latest.TreeSize
            ? null
            : Problem(VerdictTextId.CheckpointBeyondLatest, folder.PathOf(BundleLayout.Checkpoint), null, folder.Folder, folder.Checkpoint.TreeSize, log.Latest.TreeSize);

    // The root recomputed over the first `size` lines: the final log extends what this checkpoint signed.
    private static BundleProblem? PrefixOfLog(CheckpointFolder folder, CheckedLog log, BundleReader bundle) =>
        folder.Checkpoint.RootHash.AsSpan().SequenceEqual(log.Roots.RootAt((long)folder.Checkpoint.TreeSize))
            ? null
            : Problem(VerdictTextId.CheckpointNotPrefix, folder.PathOf(BundleLayout.Checkpoint), null, folder.Folder, folder.Checkpoint.TreeSize);

    private static BundleProblem? ConsistencyProof(CheckpointFolder folder, CheckedLog log, BundleReader bundle)
    {
        var file = folder.PathOf(BundleLayout.Proof);
        if (Utf8(bundle.Read(file, MaxProofBytes)) is not { } text)
        {
            return Problem(VerdictTextId.ProofMalformed, file, null, file, 1);
        }

        var proof = new List<byte[]>();
        if (text.Length > 0)
        {
            // One base64 hash per line, every line ending in LF; an empty file is the proof that needs no hash.
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length - 1; i++)
            {
                if (Base64.Decode(lines[i]) is not { Length: MerkleTree.HashSize } hash)
                {
                    return Problem(VerdictTextId.ProofMalformed, file, null, file, i + 1);
                }

                proof.Add(hash);
            }

            if (lines[^1].Length > 0)
            {
                return Problem(VerdictTextId.ProofMalformed, file, null, file, lines.Length);
            }
        }

        var (size, latest) = (folder.Checkpoint.TreeSize, log.Latest.TreeSize);
        var proved = size == 0
            ? proof.Count == 0
            : MerkleTree.VerifyConsistency(size, latest, proof, folder.Checkpoint.RootHash, log.Latest.RootHash);
        return proved ? null : Problem(VerdictTextId.ProofBroken, file, null, folder.Folder, size, latest);
    }

    private static string? Utf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static BundleProblem Problem(VerdictTextId id, string? file, long? entry, params object[] args) =>
        new(id, [.. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")], file, entry);

    private static BundleProblemException Fail(VerdictTextId id, string? file, long? entry, params object[] args) =>
        new(Problem(id, file, entry, args));

    /// <summary>The log as far as it checked: its key, its origin line, the latest checkpoint (covering every line), the roots of its prefixes, and what the folder checks found.</summary>
    private sealed record CheckedLog(NoteVerifier Key, string Origin, Checkpoint Latest, PrefixRoots Roots, BundleTrust Trust, FolderFindings Found);

    /// <summary>What the folder checks proved beyond the log key's signatures, in folder order.</summary>
    private sealed class FolderFindings
    {
        public List<CosignatureFact> Cosignatures { get; } = [];

        public List<TimestampFact> Timestamps { get; } = [];
    }
}
