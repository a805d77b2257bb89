namespace KieGateway.Kie;

/// <summary>What went wrong upstream, in the gateway's terms (API.md's error table).</summary>
internal enum KieFailure
{
    InsufficientCredits,
    Rejected,
    RateLimited,
    Unavailable,
    AuthFailed,
    ServerError,
    Timeout,
    NotFound,
}

/// <summary>Raised by the Kie client; the message never carries request headers or the key.</summary>
internal sealed class KieException(
    KieFailure failure, int? kieCode, string? upstreamMessage, TimeSpan? retryAfter = null, bool outcomeUnknown = false,
    bool fromEnvelope = false)
    : Exception($"Kie call failed: {failure} (code {kieCode?.ToString() ?? "none"}): {upstreamMessage}")
{
    public KieFailure Failure { get; } = failure;

    public int? KieCode { get; } = kieCode;

    public string? UpstreamMessage { get; } = upstreamMessage;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The request may have reached Kie (timeout, dropped connection, unreadable answer): a create may exist.</summary>
    public bool OutcomeUnknown { get; } = outcomeUnknown;

    /// <summary>The code came from Kie's own envelope, not from an HTTP status that any proxy could have sent.</summary>
    public bool FromEnvelope { get; } = fromEnvelope;

    /// <summary>Kie's documented codes (kie-api.md §4) mapped to API.md's error table.</summary>
    public static KieFailure Classify(int code) => code switch
    {
        402 => KieFailure.InsufficientCredits,
        400 or 422 or 451 => KieFailure.Rejected,
        429 or 433 => KieFailure.RateLimited,
        455 or 505 => KieFailure.Unavailable,
        401 or 403 => KieFailure.AuthFailed,
        404 => KieFailure.NotFound,
        408 => KieFailure.Timeout,
        _ => KieFailure.ServerError,
    };
}
