using NSec.Cryptography;

namespace DistressBot.Evidence;

/// <summary>
/// One trusted witness key for Ed25519 cosignatures (C2SP tlog-cosignature, cosignature/v1), read from its verifier key
/// "name+hex(key id)+base64(0x04 ‖ public key)", that checks a witness's cosignatures on a checkpoint and fails closed.
/// </summary>
public sealed class CosignatureVerifier
{
    private readonly PublicKey _publicKey;

    private CosignatureVerifier(string keyName, uint keyId, PublicKey publicKey)
    {
        KeyName = keyName;
        KeyId = keyId;
        _publicKey = publicKey;
    }

    /// <summary>The witness's key name its cosignatures carry.</summary>
    public string KeyName { get; }

    /// <summary>The 32-bit key id its cosignatures carry.</summary>
    public uint KeyId { get; }

    /// <summary>
    /// Reads a witness verifier key; <see cref="FormatException"/> naming the fault as <see cref="NoteVerifier.Parse"/>
    /// does, and, for a note key (type 0x01) given where a witness key belongs, saying so.
    /// </summary>
    public static CosignatureVerifier Parse(string verifierKey)
    {
        ArgumentNullException.ThrowIfNull(verifierKey);
        try
        {
            var (name, keyId, publicKey) = VerifierKeyText.Parse(verifierKey, NoteKeyId.CosignatureV1Type, "0x04 (Ed25519 cosignature/v1)");
            return new CosignatureVerifier(name, keyId, publicKey);
        }
        catch (FormatException) when (IsNoteKey(verifierKey))
        {
            throw new FormatException("Not a witness key: this is a signed-note key (type 0x01); a witness's cosignature key has type 0x04 (C2SP tlog-cosignature).");
        }
    }

    /// <summary>
    /// True only when <paramref name="cosignature"/> names this key (name and id) and is a valid cosignature/v1 of
    /// <paramref name="checkpointText"/> (the checkpoint's note text, ending in newline, without signature lines).
    /// </summary>
    public bool Verify(string checkpointText, Cosignature cosignature)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentNullException.ThrowIfNull(cosignature);
        if (cosignature.KeyName != KeyName || cosignature.KeyId != KeyId)
        {
            return false;
        }

        byte[] message;
        try
        {
            message = Cosignature.SignedMessage(cosignature.Timestamp, checkpointText);
        }
        catch (FormatException)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(_publicKey, message, cosignature.Signature);
    }

    /// <summary>
    /// True, with the latest time this key cosigned, only when <paramref name="cosignatureLines"/> (signature lines, each
    /// ending in newline, as a witness returns them) holds at least one line of this key and every line naming this key
    /// (name and id) verifies on <paramref name="checkpointText"/>.
    /// </summary>
    /// <remarks>Lines of other keys are ignored, as C2SP tlog-witness asks of clients; a malformed body gives false, never an exception.</remarks>
    public bool TryVerify(string checkpointText, string cosignatureLines, out DateTimeOffset cosignedAt)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentNullException.ThrowIfNull(cosignatureLines);
        cosignedAt = default;
        var found = false;
        try
        {
            foreach (var signature in WitnessProtocol.SignatureLines(cosignatureLines))
            {
                if (signature.KeyName != KeyName || signature.KeyId != KeyId)
                {
                    continue;
                }

                var cosignature = Cosignature.FromSignature(signature);
                if (!Verify(checkpointText, cosignature))
                {
                    cosignedAt = default;
                    return false;
                }

                cosignedAt = found && cosignedAt > cosignature.Time ? cosignedAt : cosignature.Time;
                found = true;
            }
        }
        catch (FormatException)
        {
            cosignedAt = default;
            return false;
        }

        return found;
    }

    /// <summary>The verifier key text of this witness key.</summary>
    public override string ToString() =>
        VerifierKeyText.Format(KeyName, KeyId, NoteKeyId.CosignatureV1Type, _publicKey.Export(KeyBlobFormat.RawPublicKey));

    private static bool IsNoteKey(string verifierKey)
    {
        try
        {
            _ = NoteVerifier.Parse(verifierKey);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
