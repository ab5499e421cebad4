using System.Buffers.Binary;
using System.Text;

namespace DistressBot.Crypto;

/// <summary>Unambiguous byte encodings for associated data and hash input: every part is length-prefixed.</summary>
internal static class CanonicalEncoding
{
    /// <summary>Encodes a domain tag followed by each part as a 4-byte big-endian UTF-8 length and the bytes.</summary>
    /// <remarks>Length prefixes make ("a","bc") and ("ab","c") encode differently; the tag keeps uses apart.</remarks>
    public static byte[] Encode(string domain, params ReadOnlySpan<string> parts)
    {
        var size = 4 + Encoding.UTF8.GetByteCount(domain);
        foreach (var part in parts)
        {
            size += 4 + Encoding.UTF8.GetByteCount(part);
        }

        var buffer = new byte[size];
        var offset = Write(buffer, 0, domain);
        foreach (var part in parts)
        {
            offset = Write(buffer, offset, part);
        }

        return buffer;
    }

    private static int Write(byte[] buffer, int offset, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(offset + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset, 4), written);
        return offset + 4 + written;
    }
}
