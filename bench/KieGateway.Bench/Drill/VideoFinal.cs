using KieGateway.Bench.Webhooks;

namespace KieGateway.Bench.Drill;

/// <summary>One webhook event as <c>GET /videos/{id}/events</c> lists it.</summary>
internal sealed record EventView(string Id, string Type, string Status, int Attempts);

/// <summary>A video as the drill last read it: its status, its error code when failed, and its webhook events.</summary>
internal sealed record VideoFinal(string Id, string? Status, string? ErrorCode, IReadOnlyList<EventView> Events)
{
    public bool IsTerminal => Status is "completed" or "failed";

    /// <summary>Terminal, its event delivered as the gateway records it, and that delivery seen by the receiver.</summary>
    public bool IsSettled(ReceivedWebhooks received) =>
        IsTerminal && Events.Count > 0 && Events.All(e => e.Status == "delivered" && received.HasReceived(e.Id));
}
