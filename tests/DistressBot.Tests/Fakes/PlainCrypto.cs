using System.Security.Cryptography;
using System.Text;
using DistressBot.Crypto;
using DistressBot.Domain;

namespace DistressBot.Tests.Fakes;

/// <summary>A <see cref="CryptoContext"/> that stores records as they are, for domain tests where encryption is not the subject.</summary>
public static class PlainCrypto
{
    /// <summary>A context whose cipher copies bytes, whose lookups are plain SHA-256, and where every case key exists.</summary>
    public static CryptoContext Context { get; } = new(new CopyingCipher(), new Sha256Lookups(), _ => { });

    private sealed class CopyingCipher : IRecordCipher
    {
        public byte[] Seal(ReadOnlySpan<byte> plaintext, RecordAddress address, string? caseId = null) => plaintext.ToArray();

        public byte[] Open(ReadOnlySpan<byte> blob, RecordAddress address) => blob.ToArray();

        public bool IsSealedWithCurrentKey(ReadOnlySpan<byte> blob) => true;
    }

    private sealed class Sha256Lookups : ILookupHasher
    {
        public byte[] Compute(string purpose, string value) => SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "\n" + value));
    }
}
