using System.Security.Cryptography;

namespace DistressBot.Crypto;

/// <summary>Buffers for raw key bytes: pinned so the GC never leaves stray copies, wiped by the caller.</summary>
internal static class SecretBytes
{
    /// <summary>A zeroed, pinned array of <paramref name="length"/> bytes.</summary>
    public static byte[] Allocate(int length) => GC.AllocateArray<byte>(length, pinned: true);

    /// <summary>A pinned array of fresh random bytes.</summary>
    public static byte[] Random(int length)
    {
        var bytes = Allocate(length);
        RandomNumberGenerator.Fill(bytes);
        return bytes;
    }

    /// <summary>Overwrites the buffer with zeros; safe on null.</summary>
    public static void Wipe(byte[]? bytes)
    {
        if (bytes is not null)
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Overwrites the buffer with zeros; safe on null.</summary>
    public static void Wipe(char[]? chars)
    {
        if (chars is not null)
        {
            Array.Clear(chars);
        }
    }
}
