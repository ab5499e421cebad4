using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DistressBot.Evidence;

/// <summary>Ed25519 note keys (C2SP signed-note v1.0.0, "Ed25519 signatures"): the signature type byte and the key id.</summary>
internal static class NoteKeyId
{
    /// <summary>The signature type identifier byte of Ed25519 notes: 0x01.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>Bytes of an Ed25519 public key: 32.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Key id = the first 4 bytes, big-endian, of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key).</summary>
    public static uint Of(string keyName, ReadOnlySpan<byte> publicKey)
    {
        var name = NoteText.Utf8(keyName);
        var input = new byte[name.Length + 2 + publicKey.Length];
        name.CopyTo(input, 0);
        input[name.Length] = 0x0A;
        input[name.Length + 1] = Ed25519Type;
        publicKey.CopyTo(input.AsSpan(name.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
