using System.Text.Json;

namespace DistressBot.Crypto;

/// <summary>The case-key file as JSON: each case key wrapped by a keyring data key, and the cases whose keys were destroyed.</summary>
internal sealed class CaseKeyDocument
{
    /// <summary>The only format this build reads and writes.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Format version; a reader refuses versions it does not know.</summary>
    public int Format { get; set; }

    /// <summary>Live case keys (id = case id, role "case", wrappedBy = data key id).</summary>
    public IList<WrappedKeyDocument>? Cases { get; init; }

    /// <summary>Cases whose key was destroyed, so their blobs report "key destroyed" rather than "unknown key".</summary>
    public IList<DestroyedCaseDocument>? Destroyed { get; init; }

    /// <summary>Serialises as indented camelCase JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonFormat.Options);
}

/// <summary>A case whose key was destroyed.</summary>
internal sealed class DestroyedCaseDocument
{
    /// <summary>The case id.</summary>
    public string? CaseId { get; set; }

    /// <summary>When its key was destroyed.</summary>
    public DateTimeOffset Destroyed { get; set; }
}
