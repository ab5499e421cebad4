using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DistressBot.Evidence;
using DistressBot.Storage;

namespace DistressBot.Hosting;

/// <summary>Where signed checkpoints go besides the lawyers (section "Evidence"): a folder, a C2SP tlog-witness, an RFC 3161 timestamp authority.</summary>
public sealed class EvidenceOptions
{
    /// <summary>A folder every checkpoint is appended to (created owner-only); empty for none.</summary>
    public string? WitnessDirectory { get; set; }

    /// <summary>A C2SP tlog-witness's submission prefix (https, or http on loopback only); empty for none.</summary>
    public string? WitnessUrl { get; set; }

    /// <summary>The witness's verifier key "name+id+base64(0x04 ‖ key)"; required with <see cref="WitnessUrl"/>.</summary>
    public string? WitnessKey { get; set; }

    /// <summary>An RFC 3161 timestamp authority's URL (http or https: its tokens are signed); empty for none.</summary>
    public string? TimestampAuthorityUrl { get; set; }

    /// <summary>A PEM certificate file the authority's tokens must be signed with, or issued under; empty accepts any signer.</summary>
    public string? TimestampAuthorityCertificate { get; set; }

    /// <summary>The witness directory, absolute; null when not set.</summary>
    public string? WitnessDirectoryPath => string.IsNullOrWhiteSpace(WitnessDirectory) ? null : Path.GetFullPath(WitnessDirectory);

    /// <summary>The witness's submission prefix; null when not set (call after validation).</summary>
    public Uri? WitnessUri => string.IsNullOrWhiteSpace(WitnessUrl) ? null : new Uri(WitnessUrl, UriKind.Absolute);

    /// <summary>The timestamp authority's URL; null when not set (call after validation).</summary>
    public Uri? TimestampAuthorityUri => string.IsNullOrWhiteSpace(TimestampAuthorityUrl) ? null : new Uri(TimestampAuthorityUrl, UriKind.Absolute);

    /// <summary>The witness key; null when not set (call after validation).</summary>
    public CosignatureVerifier? WitnessVerifier() => string.IsNullOrWhiteSpace(WitnessKey) ? null : CosignatureVerifier.Parse(WitnessKey.Trim());

    /// <summary>The pinned authority certificate, read from its PEM file; null when not set (call after validation).</summary>
    public X509Certificate2? PinnedAuthorityCertificate() =>
        string.IsNullOrWhiteSpace(TimestampAuthorityCertificate) ? null : X509Certificate2.CreateFromPem(File.ReadAllText(TimestampAuthorityCertificate));

    /// <summary>Adds each problem with these settings to <paramref name="errors"/>, naming the setting and the fix.</summary>
    internal void Validate(List<string> errors)
    {
        if (WitnessDirectoryPath is { } folder && OwnerOnly.LooseFolderProblem(folder, "Evidence:WitnessDirectory") is { } loose)
        {
            errors.Add(loose);
        }

        if (!string.IsNullOrWhiteSpace(WitnessUrl))
        {
            if (!Uri.TryCreate(WitnessUrl, UriKind.Absolute, out var witness) || !(witness.Scheme == Uri.UriSchemeHttps || (witness.Scheme == Uri.UriSchemeHttp && IsLoopback(witness))))
            {
                errors.Add("Evidence:WitnessUrl must be an absolute https URL (http only on 127.0.0.1, ::1 or localhost): the witness's submission prefix, e.g. https://witness.example/ (the bot POSTs to …/add-checkpoint).");
            }

            if (string.IsNullOrWhiteSpace(WitnessKey))
            {
                errors.Add("Evidence:WitnessKey is required with Evidence:WitnessUrl: set the witness's verifier key (name+id+base64 of 0x04 and its Ed25519 key), as its operator publishes it.");
            }
        }

        if (!string.IsNullOrWhiteSpace(WitnessKey))
        {
            try
            {
                _ = CosignatureVerifier.Parse(WitnessKey.Trim());
            }
            catch (FormatException ex)
            {
                errors.Add($"Evidence:WitnessKey does not read: {ex.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(TimestampAuthorityUrl)
            && (!Uri.TryCreate(TimestampAuthorityUrl, UriKind.Absolute, out var tsa) || (tsa.Scheme != Uri.UriSchemeHttps && tsa.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("Evidence:TimestampAuthorityUrl must be an absolute http(s) URL of an RFC 3161 timestamp authority, e.g. https://freetsa.org/tsr.");
        }

        if (!string.IsNullOrWhiteSpace(TimestampAuthorityCertificate))
        {
            try
            {
                using var pinned = PinnedAuthorityCertificate();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                errors.Add($"Evidence:TimestampAuthorityCertificate ({Path.GetFullPath(TimestampAuthorityCertificate)}) is not a readable PEM certificate: give the authority's certificate (or its CA's) as a -----BEGIN CERTIFICATE----- file.");
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
