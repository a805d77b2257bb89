using System.Net;
using System.Text.Json;

namespace KieGateway.Client;

/// <summary>
/// The gateway answered with an error: its problem details (RFC 9457) with the stable <see cref="Code"/>
/// to branch on (see <see cref="KieGatewayErrorCodes"/>).
/// </summary>
public sealed class KieGatewayException(
    HttpStatusCode status, string? code, string? title, string? detail, string? traceId,
    IReadOnlyDictionary<string, string[]> errors, TimeSpan? retryAfter)
    : Exception($"KieGateway answered {(int)status} {code ?? "(no problem details)"}: {detail ?? title ?? status.ToString()}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The problem's snake_case <c>code</c>; null when the answer was not problem details (e.g. a proxy's page).</summary>
    public string? Code { get; } = code;

    public string? Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>Quote it when asking the gateway's operators about this request.</summary>
    public string? TraceId { get; } = traceId;

    /// <summary>For <c>validation_failed</c>: the messages per camelCase field name; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>From <c>Retry-After</c> (rate limits): how long to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    internal static async Task<KieGatewayException> FromResponseAsync(HttpResponseMessage response, TimeProvider time, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string? code = null, title = null, detail = null, traceId = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = json.RootElement;
                (code, title, detail, traceId) = (Text(root, "code"), Text(root, "title"), Text(root, "detail"), Text(root, "traceId"));
                if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
                    {
                        errors[field.Name] = field.Value.EnumerateArray().Select(m => m.ToString()).ToArray();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy or load balancer answered): the status is all there is.
        }

        return new KieGatewayException(response.StatusCode, code, title, detail, traceId, errors, RetryAfterOf(response, time));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => (date - time.GetUtcNow()) is { Ticks: > 0 } left ? left : TimeSpan.Zero,
        _ => null,
    };
}
