using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace DistressBot.Evidence;

/// <summary>An RFC 3161 time-stamp request for SHA-256 of some bytes, kept to check the reply against (nonce and imprint).</summary>
public sealed class TimestampRequest
{
    internal TimestampRequest(Rfc3161TimestampRequest request, byte[] encoded)
    {
        Request = request;
        Encoded = encoded;
    }

    /// <summary>The DER TimeStampReq to POST as application/timestamp-query.</summary>
    public byte[] Encoded { get; }

    /// <summary>The request as .NET holds it, to match the reply against.</summary>
    internal Rfc3161TimestampRequest Request { get; }
}

/// <summary>The outcome of checking an RFC 3161 token: valid with its time and authority, or the problem in words.</summary>
/// <param name="GenTime">The TSA's genTime, when the token decoded.</param>
/// <param name="Authority">The signing certificate's subject name, when one was found.</param>
/// <param name="Problem">Null when the token is valid for the bytes; else why not.</param>
public sealed record TimestampCheck(DateTimeOffset? GenTime, string? Authority, string? Problem)
{
    /// <summary>True when the token is valid for the bytes (and the pinned certificate, if one was given).</summary>
    public bool IsValid => Problem is null;
}

/// <summary>
/// RFC 3161 trusted timestamps of bytes (here, a checkpoint note): the request (SHA-256 imprint, a random nonce, the
/// signer's certificate asked for), the reply's token, and the offline check of a token (DER CMS ContentInfo).
/// </summary>
public static class TimestampToken
{
    /// <summary>The media type of a request body.</summary>
    public const string RequestMediaType = "application/timestamp-query";

    /// <summary>The media type of a reply body.</summary>
    public const string ReplyMediaType = "application/timestamp-reply";

    private const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>A request for SHA-256 of <paramref name="data"/>, with a random 8-byte nonce and certReq true.</summary>
    public static TimestampRequest CreateRequest(ReadOnlySpan<byte> data)
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7F; // a positive INTEGER keeps its bytes as they are on the wire
        var request = Rfc3161TimestampRequest.CreateFromData(data, HashAlgorithmName.SHA256, nonce: nonce, requestSignerCertificates: true);
        return new TimestampRequest(request, request.Encode());
    }

    /// <summary>
    /// The token of a DER TimeStampResp to <paramref name="request"/>; <see cref="TimestampReplyException"/> when the
    /// reply does not decode, the status is not granted, or the token's imprint, nonce or certificate do not match the request.
    /// </summary>
    public static byte[] ReadReply(TimestampRequest request, byte[] reply)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        if (Status(reply) is not { } status)
        {
            throw new TimestampReplyException(TimestampReplyProblem.Undecodable, "The timestamp authority's reply is not a DER TimeStampResp.");
        }

        if (status is not (0 or 1))
        {
            throw new TimestampReplyException(status == 3 ? TimestampReplyProblem.Waiting : TimestampReplyProblem.Rejected, $"The timestamp authority refused the request (PKIStatus {status}).");
        }

        try
        {
            var token = request.Request.ProcessResponse(reply, out var consumed);
            if (consumed != reply.Length)
            {
                throw new TimestampReplyException(TimestampReplyProblem.Undecodable, "The timestamp authority's reply has bytes after the TimeStampResp.");
            }

            return token.AsSignedCms().Encode();
        }
        catch (CryptographicException ex)
        {
            throw new TimestampReplyException(TimestampReplyProblem.Mismatch, "The timestamp authority's token does not match the request: " + ex.Message);
        }
    }

    /// <summary>
    /// Checks a DER TimeStampToken against <paramref name="data"/>: it decodes, its imprint is SHA-256 of the data, its CMS
    /// signature verifies with the signer's certificate (embedded, or <paramref name="pinned"/>), that certificate passes
    /// .NET's RFC 3161 signer checks (its ESS certificate id; extended key usage time stamping), and, with <paramref name="pinned"/>, it is the pinned certificate
    /// or issued under it (checked at genTime, no network). Never throws for a bad token.
    /// </summary>
    public static TimestampCheck Verify(byte[] token, ReadOnlySpan<byte> data, X509Certificate2? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!Rfc3161TimestampToken.TryDecode(token, out var decoded, out var consumed) || decoded is null || consumed != token.Length)
        {
            return new TimestampCheck(null, null, "The token is not an RFC 3161 TimeStampToken (DER CMS SignedData).");
        }

        var info = decoded.TokenInfo;
        var genTime = info.Timestamp;
        if (info.HashAlgorithmId.Value != Sha256Oid)
        {
            return new TimestampCheck(genTime, null, $"The token's imprint is not SHA-256 (algorithm {info.HashAlgorithmId.Value}).");
        }

        if (!CryptographicOperations.FixedTimeEquals(info.GetMessageHash().Span, SHA256.HashData(data)))
        {
            return new TimestampCheck(genTime, null, "The token is for other bytes: its imprint is not SHA-256 of these.");
        }

        var candidates = pinned is null ? null : new X509Certificate2Collection(pinned);
        if (!decoded.VerifySignatureForData(data, out var signer, candidates) || signer is null)
        {
            return new TimestampCheck(genTime, null, "The token's signature does not verify with a time-stamping certificate.");
        }

        if (pinned is not null && !IsUnder(signer, pinned, decoded.AsSignedCms().Certificates, genTime))
        {
            return new TimestampCheck(genTime, signer.Subject, "The token was signed by another authority than the pinned certificate.");
        }

        return new TimestampCheck(genTime, signer.Subject, null);
    }

    private static bool IsUnder(X509Certificate2 signer, X509Certificate2 pinned, X509Certificate2Collection embedded, DateTimeOffset at)
    {
        if (signer.RawDataMemory.Span.SequenceEqual(pinned.RawDataMemory.Span))
        {
            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(pinned);
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(TimeStampingUsage));
        return chain.Build(signer)
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(pinned.RawDataMemory.Span);
    }

    // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, ... }; PKIStatusInfo ::= SEQUENCE { status PKIStatus (INTEGER), ... }
    private static int? Status(byte[] reply)
    {
        try
        {
            var resp = new AsnReader(reply, AsnEncodingRules.DER).ReadSequence();
            var statusInfo = resp.ReadSequence();
            return statusInfo.TryReadInt32(out var status) ? status : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}

/// <summary>Why a timestamp reply gives no token.</summary>
public enum TimestampReplyProblem
{
    /// <summary>Not a DER TimeStampResp.</summary>
    Undecodable,

    /// <summary>PKIStatus rejection or another refusal.</summary>
    Rejected,

    /// <summary>PKIStatus waiting: ask again later.</summary>
    Waiting,

    /// <summary>Granted, but the token's imprint, nonce or certificate do not match the request.</summary>
    Mismatch,
}

/// <summary>A timestamp authority's reply that gives no usable token, with the <see cref="Problem"/>.</summary>
public sealed class TimestampReplyException : Exception
{
    /// <summary>A reply problem of kind <paramref name="problem"/>.</summary>
    public TimestampReplyException(TimestampReplyProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>What is wrong with the reply.</summary>
    public TimestampReplyProblem Problem { get; }
}
