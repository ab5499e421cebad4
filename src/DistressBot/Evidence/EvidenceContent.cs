using System.Globalization;
using System.Text.RegularExpressions;

namespace DistressBot.Evidence;

/// <summary>
/// The content of an <c>evidence</c> entry, "sha256=&lt;64 lowercase hex&gt; bytes=&lt;n&gt; type=&lt;mime&gt; name=&lt;file name to the end&gt;"
/// (docs/evidence.md, "Content"); the bundle holds the file as <c>evidence/&lt;hex&gt;</c>.
/// </summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="MimeType">Its MIME type as received.</param>
/// <param name="FileName">Its name as sent.</param>
public sealed partial record EvidenceContent(string Sha256, long Length, string MimeType, string FileName)
{
    /// <summary>The bundle folder of evidence files.</summary>
    public const string Folder = "evidence";

    /// <summary>The bundle path of the file: "evidence/&lt;hex&gt;".</summary>
    public string BundlePath => Folder + "/" + Sha256;

    /// <summary>The content read back, or null when it does not have that shape.</summary>
    public static EvidenceContent? Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var match = Shape().Match(content);
        return match.Success && long.TryParse(match.Groups["bytes"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? new EvidenceContent(match.Groups["sha"].Value, length, match.Groups["type"].Value, match.Groups["name"].Value)
            : null;
    }

    [GeneratedRegex(@"\Asha256=(?<sha>[0-9a-f]{64}) bytes=(?<bytes>[0-9]{1,15}) type=(?<type>\S+) name=(?<name>[\s\S]*)\z")]
    private static partial Regex Shape();
}
