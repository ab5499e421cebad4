namespace DistressBot.Evidence;

/// <summary>What a C2SP tlog-witness answered to add-checkpoint: cosigned, a conflict with its known size, or a failure.</summary>
public abstract record WitnessOutcome;

/// <summary>200: the witness cosigned; <paramref name="Body"/> holds its signature lines exactly as returned (each ending in newline).</summary>
/// <remarks>Not yet verified: check it with <see cref="CosignatureVerifier.TryVerify"/> against the configured witness key.</remarks>
public sealed record WitnessCosigned(string Body) : WitnessOutcome
{
    /// <summary>The signature lines, without their newlines.</summary>
    public IReadOnlyList<string> Lines => Body[..^1].Split('\n');
}

/// <summary>409 with text/x.tlog.size: the witness last cosigned this log at <paramref name="KnownSize"/>, not at the old size sent; resend from there.</summary>
public sealed record WitnessConflict(ulong KnownSize) : WitnessOutcome;

/// <summary>The witness did not cosign: <paramref name="Kind"/> says why, <paramref name="Status"/> the HTTP status if one came, <paramref name="Message"/> in words (no URL, no checkpoint content).</summary>
public sealed record WitnessFailed(WitnessFailureKind Kind, int? Status, string Message) : WitnessOutcome
{
    /// <summary>True when the same request may succeed later (network, timeout, 5xx, 429); false when it needs another request or an operator.</summary>
    public bool Transient => Kind is WitnessFailureKind.Network or WitnessFailureKind.Timeout or WitnessFailureKind.ServerError or WitnessFailureKind.RateLimited;
}

/// <summary>Why a witness did not cosign.</summary>
public enum WitnessFailureKind
{
    /// <summary>No answer: connection refused or reset, name not found, TLS failure. Transient.</summary>
    Network,

    /// <summary>No answer in time. Transient.</summary>
    Timeout,

    /// <summary>5xx. Transient.</summary>
    ServerError,

    /// <summary>429 Too Many Requests. Transient.</summary>
    RateLimited,

    /// <summary>400: the witness found the request malformed (or old size above the checkpoint's). Permanent.</summary>
    BadRequest,

    /// <summary>403: no signature on the checkpoint verified with a log key the witness trusts. Permanent until the witness is configured.</summary>
    Forbidden,

    /// <summary>404: the witness does not know this log's origin. Permanent until the witness is configured.</summary>
    UnknownLog,

    /// <summary>422: the consistency proof did not verify. Permanent.</summary>
    BadProof,

    /// <summary>409 at the size the witness knows: the same size with another root hash, a fork of the log. Permanent.</summary>
    RootMismatch,

    /// <summary>An answer that does not follow the protocol (a 200 without signature lines, a 409 without a size). Permanent.</summary>
    BadResponse,

    /// <summary>Any other status. Permanent.</summary>
    OtherStatus,
}
