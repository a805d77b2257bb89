namespace KieGateway.Client;

/// <summary>The gateway's stable error codes (the <c>code</c> of its problem details), every one it answers.</summary>
public static class KieGatewayErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string InsufficientCredits = "insufficient_credits";
    public const string UpstreamRejected = "upstream_rejected";
    public const string UpstreamRateLimited = "upstream_rate_limited";
    public const string RateLimited = "rate_limited";
    public const string BudgetExceeded = "budget_exceeded";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string ModelUnavailable = "model_unavailable";
    public const string UpstreamAuthFailed = "upstream_auth_failed";
    public const string UpstreamError = "upstream_error";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string InternalError = "internal_error";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";
}
