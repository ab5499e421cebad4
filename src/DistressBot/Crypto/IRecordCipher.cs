namespace DistressBot.Crypto;

/// <summary>Where a sealed blob belongs; it is bound into the blob's associated data.</summary>
/// <param name="Collection">The storage collection.</param>
/// <param name="Id">The record id within the collection.</param>
/// <param name="Field">The field of the record that the blob holds.</param>
public readonly record struct RecordAddress(string Collection, string Id, string Field)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Collection}/{Id}/{Field}";
}

/// <summary>Seals and opens record fields: XChaCha20-Poly1305, random 24-byte nonces, versioned blobs naming their key.</summary>
public interface IRecordCipher
{
    /// <summary>
    /// Seals <paramref name="plaintext"/> for <paramref name="address"/> under the current data key, or under the
    /// case's own key when <paramref name="caseId"/> is given (the case key must exist).
    /// </summary>
    byte[] Seal(ReadOnlySpan<byte> plaintext, RecordAddress address, string? caseId = null);

    /// <summary>Opens a blob sealed for <paramref name="address"/>.</summary>
    /// <exception cref="RecordIntegrityException">Tampered, moved, truncated, or sealed under a key that is unknown or destroyed.</exception>
    byte[] Open(ReadOnlySpan<byte> blob, RecordAddress address);

    /// <summary>True when the blob was sealed under the current data key (or under a case key), so rotation may skip it.</summary>
    bool IsSealedWithCurrentKey(ReadOnlySpan<byte> blob);
}

/// <summary>Keyed hashes that find records without storing the looked-up value.</summary>
public interface ILookupHasher
{
    /// <summary>A 32-byte keyed hash of <paramref name="value"/>, domain-separated by <paramref name="purpose"/>.</summary>
    byte[] Compute(string purpose, string value);
}

/// <summary>A sealed record failed authentication: it was tampered with, moved, or its key is gone.</summary>
public sealed class RecordIntegrityException : Exception
{
    /// <summary>Creates the exception for the record at <paramref name="address"/>.</summary>
    public RecordIntegrityException(RecordAddress address, string reason)
        : base($"Record {address} failed authentication: {reason}.") => Address = address;

    /// <summary>The record that failed.</summary>
    public RecordAddress Address { get; }

    /// <inheritdoc/>
    public RecordIntegrityException() { }

    /// <inheritdoc/>
    public RecordIntegrityException(string message) : base(message) { }

    /// <inheritdoc/>
    public RecordIntegrityException(string message, Exception inner) : base(message, inner) { }
}
