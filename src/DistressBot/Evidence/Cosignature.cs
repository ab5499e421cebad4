using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DistressBot.Evidence;

/// <summary>
/// One Ed25519 witness cosignature (C2SP tlog-cosignature, cosignature/v1): the signature line
/// "— name base64(key id ‖ timestamp ‖ signature)", with an 8-byte big-endian POSIX timestamp and a 64-byte signature.
/// Parsed, not verified: only a <see cref="CosignatureVerifier"/> says whether it holds.
/// </summary>
public sealed class Cosignature
{
    /// <summary>Bytes of the timestamped signature: 8 (timestamp) + 64 (Ed25519 signature).</summary>
    public const int TimestampedSignatureSize = 8 + SignatureSize;

    /// <summary>Bytes of an Ed25519 signature: 64.</summary>
    public const int SignatureSize = 64;

    private readonly byte[] _signature;

    private Cosignature(string keyName, uint keyId, ulong timestamp, byte[] signature)
    {
        KeyName = keyName;
        KeyId = keyId;
        Timestamp = timestamp;
        _signature = signature;
    }

    /// <summary>The witness's key name.</summary>
    public string KeyName { get; }

    /// <summary>The 32-bit key id (cosignature/v1: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ public key)[:4], big-endian).</summary>
    public uint KeyId { get; }

    /// <summary>When the witness cosigned, in seconds since the Unix epoch.</summary>
    public ulong Timestamp { get; }

    /// <summary>When the witness cosigned, in UTC.</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeSeconds((long)Timestamp);

    /// <summary>A copy of the 64-byte Ed25519 signature.</summary>
    public byte[] Signature => (byte[])_signature.Clone();

    /// <summary>
    /// Reads one cosignature line (without or with its final newline); <see cref="FormatException"/> naming the fault when
    /// it is not a signature line, its bytes are not 4 + 8 + 64, or the timestamp is past 2^63 − 1 or past year 9999.
    /// </summary>
    public static Cosignature Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bare = line.EndsWith('\n') ? line[..^1] : line;
        if (bare.Contains('\n', StringComparison.Ordinal) || NoteText.CharacterProblem(bare) is not null)
        {
            throw new FormatException("Not a cosignature: it must be one line of UTF-8 text without control characters.");
        }

        return FromSignature(SignedNote.ParseSignatureLine(bare));
    }

    /// <summary>
    /// The message a cosignature/v1 signs: "cosignature/v1\ntime &lt;timestamp&gt;\n" and the checkpoint's note text
    /// (ending in newline, without signature lines), as UTF-8. <see cref="FormatException"/> when the text is not note text.
    /// </summary>
    public static byte[] SignedMessage(ulong timestamp, string checkpointText)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        var problem = NoteText.CharacterProblem(checkpointText) ?? (checkpointText.EndsWith('\n') ? null : "it does not end in a newline");
        if (problem is not null)
        {
            throw new FormatException($"Not a checkpoint text to cosign: {problem}.");
        }

        var header = "cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n";
        return [.. Encoding.ASCII.GetBytes(header), .. NoteText.Utf8(checkpointText)];
    }

    /// <summary>The signature line, without its newline.</summary>
    public override string ToString()
    {
        var bytes = new byte[TimestampedSignatureSize];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Timestamp);
        _signature.CopyTo(bytes, 8);
        return SignedNote.SignatureLine(KeyName, KeyId, bytes);
    }

    /// <summary>A cosignature from its parts (the witness side: what a cosigner writes); <see cref="ArgumentException"/> on a bad part.</summary>
    internal static Cosignature Create(string keyName, uint keyId, ulong timestamp, byte[] signature)
    {
        if (!NoteText.IsKeyName(keyName) || signature.Length != SignatureSize || timestamp > long.MaxValue)
        {
            throw new ArgumentException("A cosignature needs a key name, a 64-byte signature and a timestamp below 2^63.");
        }

        return new Cosignature(keyName, keyId, timestamp, (byte[])signature.Clone());
    }

    /// <summary>Reads the signature bytes of a note signature line as a timestamped signature.</summary>
    internal static Cosignature FromSignature(NoteSignature signature)
    {
        var bytes = signature.Signature;
        if (bytes.Length != TimestampedSignatureSize)
        {
            throw new FormatException($"Not a cosignature: the signature of {signature.KeyName} must be a key id, an 8-byte time and a 64-byte Ed25519 signature.");
        }

        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        if (timestamp > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new FormatException($"Not a cosignature: the time of {signature.KeyName} ({timestamp}) lies past the year 9999.");
        }

        return new Cosignature(signature.KeyName, signature.KeyId, timestamp, bytes[8..]);
    }
}
