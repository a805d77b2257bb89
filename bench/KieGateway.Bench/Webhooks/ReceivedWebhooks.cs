using System.Collections.Concurrent;

namespace KieGateway.Bench.Webhooks;

/// <summary>One delivery that verified: the event's id (the <c>webhook-id</c>, kept across retries) and what it says.</summary>
internal sealed record WebhookDelivery(string WebhookId, string VideoId, string Type, string? ErrorCode, DateTimeOffset ReceivedAt);

/// <summary>Every delivery the receiver took, duplicates included, and the ones it refused.</summary>
internal sealed class ReceivedWebhooks
{
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private int _processing;

    public void Accepted(WebhookDelivery delivery) => _deliveries.Enqueue(delivery);

    /// <summary>Deliveries taken and not yet answered: a kill now leaves the gateway without their 2xx.</summary>
    public int InProcessing => Volatile.Read(ref _processing);

    /// <summary>Counts a delivery as being worked on until the returned handle is disposed.</summary>
    public IDisposable Processing()
    {
        Interlocked.Increment(ref _processing);
        return new Done(this);
    }

    public void Refused(string why) => _refused.Enqueue(why);

    public IReadOnlyList<WebhookDelivery> Deliveries => [.. _deliveries];

    /// <summary>Why deliveries failed verification (a bad signature, a stale timestamp, no headers).</summary>
    public IReadOnlyList<string> RefusedReasons => [.. _refused];

    public bool HasReceived(string webhookId) => _deliveries.Any(d => d.WebhookId == webhookId);

    /// <summary>What a receiver that deduplicates on <c>webhook-id</c> acts on: the first delivery of each event.</summary>
    public IReadOnlyList<WebhookDelivery> Deduplicated() =>
        [.. _deliveries.GroupBy(d => d.WebhookId, StringComparer.Ordinal).Select(g => g.First())];

    private sealed class Done(ReceivedWebhooks owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._processing);
    }
}
