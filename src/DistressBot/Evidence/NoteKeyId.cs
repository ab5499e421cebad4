using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// Ed25519 note keys: the signature type bytes and the key id, for signed notes (C2SP signed-note v1.0.0, "Ed25519
/// signatures", type 0x01) and witness cosignatures (C2SP tlog-cosignature, "Format", type 0x04).
/// </summary>
internal static class NoteKeyId
{
    /// <summary>The signature type identifier byte of Ed25519 notes: 0x01.</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>The signature type identifier byte of Ed25519 cosignature/v1 witness keys: 0x04.</summary>
    public const byte CosignatureV1Type = 0x04;

    /// <summary>Bytes of an Ed25519 public key: 32.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Key id = the first 4 bytes, big-endian, of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key).</summary>
    public static uint Of(string keyName, ReadOnlySpan<byte> publicKey) => Of(keyName, Ed25519Type, publicKey);

    /// <summary>Key id = the first 4 bytes, big-endian, of SHA-256(key name ‖ 0x0A ‖ <paramref name="type"/> ‖ public key).</summary>
    public static uint Of(string keyName, byte type, ReadOnlySpan<byte> publicKey)
    {
        var name = NoteText.Utf8(keyName);
        var input = new byte[name.Length + 2 + publicKey.Length];
        name.CopyTo(input, 0);
        input[name.Length] = 0x0A;
        input[name.Length + 1] = type;
        publicKey.CopyTo(input.AsSpan(name.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}
