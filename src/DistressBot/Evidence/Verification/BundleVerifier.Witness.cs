namespace DistressBot.Evidence.Verification;

/// <summary>The checks of what others added to a checkpoint folder: the witness's cosignatures and the timestamp authority's token.</summary>
public static partial class BundleVerifier
{
    /// <summary>Most bytes of an RFC 3161 token read: 64 KiB (a token with its certificate chain is a few KiB).</summary>
    public const int MaxTokenBytes = 64 * 1024;

    // witness.vkey is read whenever it is there (and must be the pinned witness key); cosignatures need a witness key
    // (the folder's, else the pinned one) and every line of that key must verify over the checkpoint's note text.
    private static BundleProblem? WitnessCosignatures(CheckpointFolder folder, CheckedLog log, BundleReader bundle)
    {
        var keyFile = folder.PathOf(BundleLayout.WitnessKey);
        var pinned = log.Trust.PinnedWitness;
        var witness = pinned;
        if (bundle.Contains(keyFile))
        {
            var text = Utf8(bundle.Read(keyFile, MaxKeyBytes));
            try
            {
                if (text is null)
                {
                    throw new FormatException("it is not UTF-8 text.");
                }

                witness = CosignatureVerifier.Parse(text.EndsWith('\n') ? text[..^1] : text);
            }
            catch (FormatException ex)
            {
                return Problem(VerdictTextId.WitnessKeyMalformed, keyFile, null, keyFile, ex.Message);
            }

            if (pinned is not null && pinned.ToString() != witness.ToString())
            {
                return Problem(VerdictTextId.WitnessKeyNotPinned, keyFile, null, keyFile, witness.ToString(), pinned.ToString());
            }
        }

        var file = folder.PathOf(BundleLayout.Cosignatures);
        if (!bundle.Contains(file))
        {
            return null;
        }

        if (witness is null)
        {
            return Problem(VerdictTextId.CosignaturesWithoutWitnessKey, file, null, folder.Folder);
        }

        IReadOnlyList<NoteSignature> lines;
        var body = Utf8(bundle.Read(file, MaxNoteBytes));
        try
        {
            lines = WitnessProtocol.SignatureLines(body ?? throw new FormatException("it is not UTF-8 text."));
        }
        catch (FormatException ex)
        {
            return Problem(VerdictTextId.CosignaturesMalformed, file, null, file, ex.Message);
        }

        if (!lines.Any(l => l.KeyName == witness.KeyName && l.KeyId == witness.KeyId))
        {
            var signers = string.Join(", ", lines.Select(s => $"{s.KeyName} ({s.KeyId:x8})").Distinct());
            return Problem(VerdictTextId.CosignatureByOtherWitness, file, null, folder.Folder, witness.KeyName, signers);
        }

        var checkpointText = SignedNote.Parse(folder.Note).Text;
        if (!witness.TryVerify(checkpointText, body!, out var cosignedAt))
        {
            return Problem(VerdictTextId.CosignatureInvalid, file, null, folder.Folder, witness.KeyName);
        }

        log.Found.Cosignatures.Add(new CosignatureFact(folder.Folder, witness.KeyName, witness.ToString(), cosignedAt));
        return null;
    }

    // timestamp.tsr: an RFC 3161 token whose imprint is SHA-256 of the folder's checkpoint bytes, signed by a
    // time-stamping certificate (under the pinned one when the caller gave it).
    private static BundleProblem? TimestampOfCheckpoint(CheckpointFolder folder, CheckedLog log, BundleReader bundle)
    {
        var file = folder.PathOf(BundleLayout.Timestamp);
        if (!bundle.Contains(file))
        {
            return null;
        }

        var check = TimestampToken.Verify(bundle.Read(file, MaxTokenBytes), folder.NoteBytes, log.Trust.PinnedTimestampAuthority);
        if (!check.IsValid || check.GenTime is not { } genTime || check.Authority is not { } authority)
        {
            return Problem(VerdictTextId.TimestampInvalid, file, null, folder.Folder, check.Problem ?? "the token names no time or authority.");
        }

        log.Found.Timestamps.Add(new TimestampFact(folder.Folder, authority, genTime));
        return null;
    }
}
