using System.Text.Json;
using KieGateway.Kie;

namespace KieGateway.Callbacks;

/// <summary>
/// What the gateway takes from a Kie callback: the task id, and what the task cost (<c>data.consumeCredits</c>,
/// jobs callbacks only, kie-api.md §2.4). Nothing else in it is trusted: the task is re-read from Kie.
/// </summary>
internal sealed record KieCallbackBody(string? TaskId, decimal? ConsumeCredits)
{
    private static readonly KieCallbackBody Unreadable = new(null, null);

    public static async Task<KieCallbackBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = body.RootElement;
            var data = KieJson.Property(root, "data") ?? default;
            // The task id wherever this callback shape keeps it (kie-api.md §1.6, §2.4, §5).
            var taskId = KieJson.ReadString(data, "task_id", "taskId") ?? KieJson.ReadString(root, "taskId", "task_id");
            // A number or, Kie's documents drifting as they do, a numeric string; a negative charge is no charge.
            var credits = KieJson.Property(data, "consumeCredits") is { } value && KieJson.ReadDecimal(value) is { } d && d >= 0 ? d : (decimal?)null;
            return new KieCallbackBody(taskId, credits);
        }
        catch (JsonException)
        {
            return Unreadable;
        }
    }
}
