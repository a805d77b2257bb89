using System.Text.Json.Serialization;
using KieGateway.Storage;

namespace KieGateway.Webhooks;

/// <summary>The answer of <c>GET /videos/{id}/events</c>: the video's webhooks, oldest first.</summary>
public sealed record WebhookEventList(IReadOnlyList<WebhookEvent> Data);

/// <summary>One webhook to the client and its delivery so far; <c>id</c> is the <c>webhook-id</c> header.</summary>
public sealed record WebhookEvent(
    string Id,
    string Type,
    WebhookEventStatus Status,
    string Url,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeliveredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureReason,
    IReadOnlyList<WebhookAttempt> Attempts);

/// <summary>One delivery attempt: the receiver's HTTP status, or the error when it gave none.</summary>
public sealed record WebhookAttempt(
    int Number,
    DateTimeOffset AttemptedAt,
    int? StatusCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    long DurationMs);

internal static class WebhookEventMapping
{
    public static WebhookEvent ToResource(this WebhookEventRecord record) => new(
        record.Id,
        record.Type,
        record.Status,
        record.Url,
        record.CreatedAt,
        record.NextAttemptAt,
        record.DeliveredAt,
        record.FailureReason,
        record.Attempts.OrderBy(a => a.Number)
            .Select(a => new WebhookAttempt(a.Number, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))
            .ToList());
}
