using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DistressBot.Evidence;

/// <summary>
/// What can be said offline, without network, about proof a file carries of its own: a ProofMode bundle (a zip with
/// <c>&lt;sha256&gt;.proof.json</c> / <c>.proof.csv</c>, <c>.asc</c> OpenPGP signatures, <c>.ots</c> OpenTimestamps), or a C2PA
/// manifest store (JPEG APP11 JUMBF segments labelled <c>c2pa</c>, or a <c>.c2pa</c> sidecar). Only what is checked is
/// claimed: hashes are recomputed; signatures, certificates and timestamps are reported present and "not verified".
/// No library for C2PA/JUMBF is in the package list, so only the container boxes are read (docs/evidence.md).
/// </summary>
public static class MediaProof
{
    /// <summary>Most zip entries looked at; a bundle with more is described as far as this.</summary>
    public const int MaxZipEntries = 200;

    // One entry is read only up to the Bot API's download limit, and all of them together up to twice that: a zip's headers
    // may claim anything, and anyone may have made the file.
    private const long MaxEntryBytes = 20 * 1024 * 1024;
    private const long MaxUnpackedBytes = 2 * MaxEntryBytes;

    private static readonly string[] ProofSuffixes = [".proof.json", ".proof.csv", ".asc", ".ots", ".gst", ".json", ".csv", ".txt"];

    /// <summary>One line describing the proof <paramref name="content"/> carries (named <paramref name="fileName"/>), or null when it carries none that is recognised.</summary>
    public static string? Describe(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04)
        {
            return ProofMode(content.ToArray());
        }

        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xD8)
        {
            return JpegC2pa(content);
        }

        return fileName.EndsWith(".c2pa", StringComparison.OrdinalIgnoreCase) && IsC2paStore(content)
            ? Manifest("c2pa manifest store (sidecar)", content.Length, 1, content)
            : null;
    }

    // A ProofMode bundle: the proof files are named by the media's SHA-256; each is matched against the media in the zip.
    private static string? ProofMode(byte[] zipBytes)
    {
        List<(string Name, byte[] Bytes)> entries = [];
        try
        {
            using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
            var budget = MaxUnpackedBytes;
            foreach (var entry in zip.Entries.Take(MaxZipEntries).Where(e => e.Name.Length > 0))
            {
                // The zip came within the download limit; an entry claiming more than that is not read (a zip bomb), and
                // what is read stops at the declared size or the whole budget, whichever comes first (a header may lie).
                if (entry.Length > MaxEntryBytes || entry.Length > budget)
                {
                    entries.Add((entry.FullName, []));
                    continue;
                }

                using var stream = entry.Open();
                var bytes = new byte[(int)entry.Length];
                stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                budget -= bytes.Length;
                entries.Add((entry.FullName, bytes));
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var proofs = entries.Where(e => e.Name.EndsWith(".proof.json", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".proof.csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (proofs.Count == 0)
        {
            return null;
        }

        var media = entries.Where(e => !ProofSuffixes.Any(s => e.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .Select(e => (e.Name, Sha256: Convert.ToHexStringLower(SHA256.HashData(e.Bytes)))).ToList();
        var claimed = proofs.Select(p => ClaimedHash(p.Name, p.Bytes)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var matched = claimed.Where(h => media.Any(m => m.Sha256 == h)).ToList();
        var match = claimed.Count == 0 ? "no sha256 found in the proof"
            : media.Count == 0 ? "no media file in the zip"
            : matched.Count == claimed.Count ? "yes" : "no";
        var signatures = entries.Count(e => e.Name.EndsWith(".asc", StringComparison.OrdinalIgnoreCase));
        var stamps = entries.Count(e => e.Name.EndsWith(".ots", StringComparison.OrdinalIgnoreCase));
        var names = string.Join(", ", entries.Take(12).Select(e => Path.GetFileName(e.Name)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"proofmode: files {names}{(entries.Count > 12 ? ", …" : "")}; sha256 in proof matches media: {match}; OpenPGP signatures (.asc): {signatures}, not verified; OpenTimestamps (.ots): {stamps}, not verified");
    }

    // The media hash a proof file states: ProofMode names it "<sha256>.proof.json", and its JSON has "File Hash SHA256".
    private static string? ClaimedHash(string name, byte[] bytes)
    {
        if (name.EndsWith(".proof.json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var json = JsonDocument.Parse(bytes);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("File Hash SHA256", out var hash) && hash.ValueKind == JsonValueKind.String)
                {
                    return hash.GetString()!.Trim().ToLowerInvariant();
                }
            }
            catch (JsonException)
            {
                // Not JSON: fall back to the name.
            }
        }

        var stem = Path.GetFileName(name).Split('.')[0].ToLowerInvariant();
        return stem.Length == 64 && stem.All(Uri.IsHexDigit) ? stem : null;
    }

    // JPEG segments up to the image data; APP11 segments with "JP" carry JUMBF (ISO/IEC 19566-5), C2PA's store labelled "c2pa".
    private static string? JpegC2pa(ReadOnlySpan<byte> jpeg)
    {
        var store = new MemoryStream();
        var segments = 0;
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker is 0xD9 or 0xDA)
            {
                break;
            }

            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                break;
            }

            var payload = jpeg.Slice(at + 4, length - 2);

            // APP11: "JP", box instance (2), sequence number (4), then the box; later segments repeat the box's LBox/TBox.
            if (marker == 0xEB && payload.Length > 8 && payload[0] == (byte)'J' && payload[1] == (byte)'P')
            {
                var box = payload[8..];
                store.Write(segments == 0 ? box : box.Length > 8 ? box[8..] : []);
                segments++;
            }

            at += 2 + length;
        }

        var bytes = store.ToArray();
        return segments > 0 && IsC2paStore(bytes) ? Manifest("c2pa manifest present", bytes.Length, segments, bytes) : null;
    }

    // A JUMBF superbox ("jumb") whose description box ("jumd") carries the label "c2pa".
    private static bool IsC2paStore(ReadOnlySpan<byte> box)
    {
        // LBox(4) "jumb" LBox(4) "jumd" type UUID(16) toggles(1) label…\0
        if (box.Length < 8 + 8 + 16 + 1 + 5 || !box.Slice(4, 4).SequenceEqual("jumb"u8) || !box.Slice(12, 4).SequenceEqual("jumd"u8))
        {
            return false;
        }

        var label = box[(8 + 8 + 16 + 1)..];
        var end = label.IndexOf((byte)0);
        return end == 4 && label[..4].SequenceEqual("c2pa"u8);
    }

    private static string Manifest(string what, int bytes, int segments, ReadOnlySpan<byte> store)
    {
        var generator = ClaimGenerator(store);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what} ({bytes} bytes{(segments > 1 ? $" in {segments} APP11 segments" : "")}{(generator is null ? "" : $", claim generator {generator}")}), signature not verified");
    }

    // The claim's "claim_generator" is a CBOR map key (text of 15 bytes: 0x6F) followed by a CBOR text string.
    private static string? ClaimGenerator(ReadOnlySpan<byte> store)
    {
        ReadOnlySpan<byte> key = [0x6F, .. "claim_generator"u8];
        var at = store.IndexOf(key);
        if (at < 0 || at + key.Length >= store.Length)
        {
            return null;
        }

        var value = store[(at + key.Length)..];
        var head = value[0];
        var (length, skip) = head switch
        {
            >= 0x60 and <= 0x77 => (head - 0x60, 1),
            0x78 when value.Length > 1 => (value[1], 2),
            0x79 when value.Length > 2 => ((value[1] << 8) | value[2], 3),
            _ => (-1, 0),
        };
        if (length < 0 || skip + length > value.Length)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(value.Slice(skip, Math.Min(length, 200)));
        return text.Any(char.IsControl) ? null : text;
    }
}
