using System.Globalization;
using System.Security.Cryptography;
using DistressBot.Crypto;
using DistressBot.Storage;

namespace DistressBot.Domain;

/// <summary>The bytes of evidence files kept with a case, named by their SHA-256, in parts sealed under the case's key (one LiteDB record holds at most ~16 MB).</summary>
public sealed class EvidenceStore
{
    private readonly IRecordSession _session;
    private readonly CryptoContext _crypto;

    internal EvidenceStore(IRecordSession session, CryptoContext crypto)
    {
        _session = session;
        _crypto = crypto;
    }

    /// <summary>Keeps <paramref name="content"/> with case <paramref name="caseId"/> in this unit of work and returns its lowercase hex SHA-256; the same bytes kept twice are stored once.</summary>
    public string Put(string caseId, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (_session.Find(Collections.EvidenceFiles, PartId(caseId, sha256, 0)) is not null)
        {
            return sha256;
        }

        for (var part = 0; part * QueuedDocument.PartBytes < content.Length || part == 0; part++)
        {
            var id = PartId(caseId, sha256, part);
            var bytes = content.Slice(part * QueuedDocument.PartBytes, Math.Min(QueuedDocument.PartBytes, content.Length - (part * QueuedDocument.PartBytes)));
            _session.Put(new StoredRecord(Collections.EvidenceFiles, id, null, _crypto.Cipher.Seal(bytes, Address(id), caseId)));
        }

        return sha256;
    }

    /// <summary>The bytes kept with case <paramref name="caseId"/> under <paramref name="sha256"/>, checked against it; null when none are kept.</summary>
    /// <exception cref="RecordIntegrityException">A part does not open (damaged, or the case was purged), or the bytes are not those kept.</exception>
    public byte[]? Read(string caseId, string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var content = new MemoryStream();
        for (var part = 0; _session.Find(Collections.EvidenceFiles, PartId(caseId, sha256, part)) is { } record; part++)
        {
            var plain = _crypto.Cipher.Open(record.Blob, Address(PartId(caseId, sha256, part)));
            content.Write(plain);
            CryptographicOperations.ZeroMemory(plain);
        }

        if (content.Length == 0 && _session.Find(Collections.EvidenceFiles, PartId(caseId, sha256, 0)) is null)
        {
            return null;
        }

        var bytes = content.ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256
            ? bytes
            : throw new RecordIntegrityException(Address(PartId(caseId, sha256, 0)), "the evidence file's bytes are not those kept");
    }

    /// <summary>Deletes every evidence file kept with case <paramref name="caseId"/> (a purge); how many parts went.</summary>
    public int Delete(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var prefix = caseId + ":";
        return _session.All(Collections.EvidenceFiles).Count(r => r.Id.StartsWith(prefix, StringComparison.Ordinal) && _session.Delete(Collections.EvidenceFiles, r.Id));
    }

    private static string PartId(string caseId, string sha256, int part) => string.Create(CultureInfo.InvariantCulture, $"{caseId}:{sha256}.{part}");

    private static RecordAddress Address(string partId) => new(Collections.EvidenceFiles, partId, Collections.DataField);
}
