using System.Security.Cryptography;
using NSec.Cryptography;

namespace DistressBot.Crypto;

/// <summary>XChaCha20-Poly1305 record sealing with the keyring's data keys and the attached store's case keys.</summary>
/// <remarks>Obtain it as <see cref="Keyring.Cipher"/>; it follows the keyring's current key after a rotation.</remarks>
internal sealed class RecordCipher(Keyring keyring) : IRecordCipher
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <inheritdoc/>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, RecordAddress address, string? caseId = null)
    {
        RecordBlob.RequireComplete(address);
        var (keyId, key) = caseId is null ? CurrentDataKey() : CaseKey(caseId);
        var header = RecordBlob.HeaderSize(keyId.Length);
        var blob = new byte[header + RecordBlob.NonceSize + plaintext.Length + RecordBlob.TagSize];
        RecordBlob.WriteHeader(blob, keyId);
        var nonce = blob.AsSpan(header, RecordBlob.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        try
        {
            Aead.Encrypt(key, nonce, RecordBlob.AssociatedData(keyId, address), plaintext, blob.AsSpan(header + RecordBlob.NonceSize));
        }
        catch (ObjectDisposedException ex) when (caseId is not null)
        {
            throw new InvalidOperationException($"The key of case {caseId} was destroyed while sealing.", ex);
        }

        return blob;
    }

    /// <inheritdoc/>
    public byte[] Open(ReadOnlySpan<byte> blob, RecordAddress address)
    {
        RecordBlob.RequireComplete(address);
        var keyId = RecordBlob.TryReadKeyId(blob, out var reason) ?? throw new RecordIntegrityException(address, reason);
        var key = FindKey(keyId, address);
        var body = blob[(RecordBlob.HeaderSize(keyId.Length) + RecordBlob.NonceSize)..];
        var plaintext = new byte[body.Length - RecordBlob.TagSize];
        bool ok;
        try
        {
            ok = Aead.Decrypt(key, blob.Slice(RecordBlob.HeaderSize(keyId.Length), RecordBlob.NonceSize), RecordBlob.AssociatedData(keyId, address), body, plaintext);
        }
        catch (ObjectDisposedException) when (CaseKeyStore.IsCaseKeyId(keyId))
        {
            // Destroy ran between finding the key and using it.
            throw new RecordIntegrityException(address, "key destroyed");
        }

        if (!ok)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new RecordIntegrityException(address, "authentication failed");
        }

        return plaintext;
    }

    /// <inheritdoc/>
    public bool IsSealedWithCurrentKey(ReadOnlySpan<byte> blob)
    {
        var keyId = RecordBlob.TryReadKeyId(blob, out _);

        // Case keys are never rotated: a case is either readable with its own key or destroyed.
        return keyId is not null && (keyId == keyring.CurrentKeyId || CaseKeyStore.IsCaseKeyId(keyId));
    }

    private (string KeyId, Key Key) CurrentDataKey()
    {
        var current = keyring.Keys.Current;
        return (current.Id, current.Key);
    }

    private (string KeyId, Key Key) CaseKey(string caseId)
    {
        var store = keyring.CaseKeys
            ?? throw new InvalidOperationException("No case-key store is open on this keyring; open one with CaseKeyStore.Open first.");
        var key = store.FindKey(caseId, out var destroyed);
        if (key is null)
        {
            throw new InvalidOperationException(destroyed
                ? $"The key of case {caseId} was destroyed; nothing can be sealed for it."
                : $"Case {caseId} has no key; call CaseKeyStore.Create first.");
        }

        return (CaseKeyStore.KeyIdFor(caseId), key);
    }

    private Key FindKey(string keyId, RecordAddress address)
    {
        if (!CaseKeyStore.IsCaseKeyId(keyId))
        {
            return keyring.FindDataKey(keyId) ?? throw new RecordIntegrityException(address, $"unknown key {keyId}");
        }

        var store = keyring.CaseKeys ?? throw new RecordIntegrityException(address, "case keys are not loaded");
        var key = store.FindKey(keyId[CaseKeyStore.KeyIdPrefix.Length..], out var destroyed);
        return key ?? throw new RecordIntegrityException(address, destroyed ? "key destroyed" : $"unknown key {keyId}");
    }
}
