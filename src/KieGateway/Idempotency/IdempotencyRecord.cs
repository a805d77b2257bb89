namespace KieGateway.Idempotency;

internal enum IdempotencyState
{
    InFlight,
    Completed,
}

/// <summary>
/// A client's <c>Idempotency-Key</c>: written before Kie is called, so that a retry after a crash
/// finds it and never makes a second paid task; completed with the answer to replay.
/// </summary>
internal sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the request's canonical form: same key with another body is refused.</summary>
    public required string RequestHash { get; set; }

    public IdempotencyState State { get; set; }

    /// <summary>The video this key creates; chosen before Kie is called.</summary>
    public required string VideoId { get; set; }

    public int? ResponseStatus { get; set; }

    public string? ResponseJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
