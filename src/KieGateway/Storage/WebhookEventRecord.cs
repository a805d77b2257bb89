using KieGateway.Webhooks;

namespace KieGateway.Storage;

/// <summary>
/// One webhook to a client, written in the same SaveChanges as the video's terminal status (the outbox).
/// The body is fixed when the event is written, so every retry sends, and signs, the same bytes.
/// </summary>
internal sealed class WebhookEventRecord
{
    public long Seq { get; set; }

    /// <summary>The <c>webhook-id</c>: one per event, the same on every attempt.</summary>
    public required string Id { get; set; }

    public required string VideoId { get; set; }

    public required string ClientId { get; set; }

    /// <summary><c>video.completed</c> or <c>video.failed</c>.</summary>
    public required string Type { get; set; }

    public required string Url { get; set; }

    public required string Payload { get; set; }

    public WebhookEventStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the dispatcher may next try; null once the event is delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Why the gateway gave up (retries exhausted, no secret to sign with).</summary>
    public string? FailureReason { get; set; }

    /// <summary>The video's create <c>traceparent</c>, copied so that each delivery attempt links to it without a join.</summary>
    public string? TraceParent { get; set; }

    public List<WebhookAttemptRecord> Attempts { get; set; } = [];
}

/// <summary>One HTTP attempt at delivering an event, successful or not.</summary>
internal sealed class WebhookAttemptRecord
{
    public long Seq { get; set; }

    public long EventSeq { get; set; }

    public int Number { get; set; }

    public DateTimeOffset AttemptedAt { get; set; }

    /// <summary>The receiver's HTTP status; null when no answer came (timeout, refused connection).</summary>
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public long DurationMs { get; set; }
}
