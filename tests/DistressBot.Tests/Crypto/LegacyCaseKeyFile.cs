using System.Security.Cryptography;
using DistressBot.Crypto;
using NSec.Cryptography;

namespace DistressBot.Tests.Crypto;

/// <summary>Writes a <c>case-keys.json</c> as earlier versions did (format 1: keys wrapped by the current data key) and seals blobs under its keys.</summary>
internal sealed class LegacyCaseKeyFile
{
    private readonly Dictionary<string, byte[]> _raw = new(StringComparer.Ordinal);

    /// <summary>Writes the file at <paramref name="path"/> with fresh keys for <paramref name="live"/> and tombstones for <paramref name="destroyed"/>.</summary>
    public LegacyCaseKeyFile(string path, Keyring keyring, IEnumerable<string> live, IEnumerable<string> destroyed)
    {
        var wrapping = keyring.FindDataKey(keyring.CurrentKeyId)!;
        var cases = new List<WrappedKeyDocument>();
        foreach (var caseId in live)
        {
            var raw = RandomNumberGenerator.GetBytes(32);
            _raw[caseId] = raw;
            var wrapped = KeyWrap.Wrap(wrapping, raw, CanonicalEncoding.Encode("DistressBot.CaseKey.v1", "case", caseId, keyring.CurrentKeyId));
            cases.Add(new WrappedKeyDocument { Id = caseId, Role = "case", Created = DateTimeOffset.UnixEpoch, WrappedBy = keyring.CurrentKeyId, Wrapped = Convert.ToBase64String(wrapped) });
        }

        var document = new CaseKeyDocument
        {
            Format = CaseKeyDocument.CurrentFormat,
            Cases = cases,
            Destroyed = destroyed.Select(id => new DestroyedCaseDocument { CaseId = id, Destroyed = DateTimeOffset.UnixEpoch }).ToList(),
        };
        File.WriteAllBytes(path, document.ToJson());
    }

    /// <summary>A blob sealed for <paramref name="caseId"/> as <see cref="Keyring.Cipher"/> seals it, under the file's key of that case.</summary>
    public byte[] Seal(string caseId, ReadOnlySpan<byte> plaintext, RecordAddress address)
    {
        using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, _raw[caseId], KeyBlobFormat.RawSymmetricKey);
        var keyId = CaseKeyStore.KeyIdFor(caseId);
        var header = RecordBlob.HeaderSize(keyId.Length);
        var blob = new byte[header + RecordBlob.NonceSize + plaintext.Length + RecordBlob.TagSize];
        RecordBlob.WriteHeader(blob, keyId);
        var nonce = blob.AsSpan(header, RecordBlob.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        AeadAlgorithm.XChaCha20Poly1305.Encrypt(key, nonce, RecordBlob.AssociatedData(keyId, address), plaintext, blob.AsSpan(header + RecordBlob.NonceSize));
        return blob;
    }
}
