namespace DistressBot.Crypto;

/// <summary>Creates and reads raw key files: exactly 32 random bytes, owner-only permissions.</summary>
public static class KeyFile
{
    /// <summary>Length of a key file in bytes.</summary>
    public const int Length = 32;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Writes 32 fresh random bytes to a new file at <paramref name="path"/> with mode 0600.</summary>
    /// <exception cref="KeyringException">A file already exists there: it is never overwritten, since it may be the only copy of a key.</exception>
    public static void Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = SecretBytes.Random(Length);
        try
        {
            if (File.Exists(path))
            {
                throw new KeyringException($"Key file {path} already exists; refusing to overwrite it.");
            }

            AtomicFile.CreateNew(path, bytes);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new KeyringException($"Key file {path} already exists; refusing to overwrite it.", ex);
        }
        finally
        {
            SecretBytes.Wipe(bytes);
        }
    }

    /// <summary>Reads a key file into a pinned buffer that the caller must wipe.</summary>
    /// <exception cref="KeyringException">Missing, unreadable, not exactly 32 bytes, or readable by group or others.</exception>
    public static byte[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length != Length)
            {
                throw new KeyringException(
                    $"Key file {path} is {stream.Length} bytes long; a key file must be exactly {Length} bytes.");
            }

            RejectLoosePermissions(path);
            var bytes = SecretBytes.Allocate(Length);
            try
            {
                stream.ReadExactly(bytes);
                return bytes;
            }
            catch
            {
                SecretBytes.Wipe(bytes);
                throw;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KeyringException($"Key file {path} could not be read: {ex.Message}", ex);
        }
    }

    private static void RejectLoosePermissions(string path)
    {
        // Like ssh with private keys: a key others can read is no longer a secret, so say so instead of using it.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            throw new KeyringException($"Key file {path} is accessible by group or others; run 'chmod 600 {path}' (or 400).");
        }
    }
}
