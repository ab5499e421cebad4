using System.Globalization;

namespace DistressBot.Evidence.Verification;

/// <summary>The file names of a case bundle (docs/evidence.md, "The bundle"): the same paths in a folder or at the root of a .zip, '/' between folders.</summary>
public static class BundleLayout
{
    /// <summary>Every entry's canonical bytes, one per line, each followed by one LF.</summary>
    public const string Log = "log.jsonl";

    /// <summary>The latest signed checkpoint note, covering every line of <see cref="Log"/>.</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>The log's verifier key text and LF.</summary>
    public const string VerifierKey = "log.vkey";

    /// <summary>The folder of the checkpoints that left the server, one subfolder each.</summary>
    public const string CheckpointsFolder = "checkpoints";

    /// <summary>In a checkpoint folder: the RFC 6962 consistency proof from its size to the latest, one base64 hash per line.</summary>
    public const string Proof = "proof";

    /// <summary>In a checkpoint folder: where it went, one line each (not checked: the server's own word).</summary>
    public const string Sent = "sent.txt";

    /// <summary>In a checkpoint folder: the witness's cosignature lines, when a witness answered.</summary>
    public const string Cosignatures = "cosignatures";

    /// <summary>In a checkpoint folder: the witness verifier key configured, with the cosignatures.</summary>
    public const string WitnessKey = "witness.vkey";

    /// <summary>In a checkpoint folder: the RFC 3161 token over SHA-256 of the folder's checkpoint, when a TSA answered.</summary>
    public const string Timestamp = "timestamp.tsr";

    /// <summary>The judge's report.</summary>
    public const string Report = "report.pdf";

    /// <summary>How to check the bundle by hand (<see cref="BundleReadme"/>).</summary>
    public const string Readme = "README.txt";

    /// <summary>Digits in a checkpoint folder's name: its index among the case's checkpoints, zero-padded.</summary>
    public const int FolderDigits = 6;

    /// <summary>The folder of the checkpoint with 0-based <paramref name="index"/>: "checkpoints/000003".</summary>
    public static string CheckpointFolder(int index) =>
        CheckpointsFolder + "/" + index.ToString("D" + FolderDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The index of a checkpoint folder name ("000003" → 3), or null when the name is not <see cref="FolderDigits"/> ASCII digits.</summary>
    public static int? CheckpointIndex(string folderName)
    {
        ArgumentNullException.ThrowIfNull(folderName);
        return folderName.Length == FolderDigits && folderName.All(char.IsAsciiDigit)
            ? int.Parse(folderName, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
    }
}
