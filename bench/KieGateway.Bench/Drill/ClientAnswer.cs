using System.Net;
using System.Text.Json;

namespace KieGateway.Bench.Drill;

/// <summary>
/// One answer the drill's clients got, as a client sees it: the status, whether it is problem+json, its <c>code</c>,
/// and the video it names (a 202's <c>id</c>, or an outcome-unknown problem's <c>videoId</c>). Null status: no answer.
/// </summary>
internal sealed record ClientAnswer(int? Status, string Label, bool IsProblemJson, string? Code, string? VideoId, string? VideoStatus, TimeSpan? RetryAfter)
{
    /// <summary>
    /// API.md's error table for what a failing, slow or cut-off Kie may cause: a Kie server error or unreadable answer,
    /// no answer in time, Kie unavailable (the gateway's circuit breaker says so too). A bare 500 is never one.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> UpstreamCodes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["upstream_error"] = 502,
        ["upstream_timeout"] = 504,
        ["upstream_unavailable"] = 503,
    };

    public bool IsServerError => Status >= 500;

    /// <summary>A 5xx as API.md's error table has it: problem+json, an upstream code, and that code's status.</summary>
    public bool IsHonestUpstreamError =>
        IsServerError && IsProblemJson && Code is { } code && UpstreamCodes.TryGetValue(code, out var status) && status == Status;

    public static async Task<ClientAnswer> ReadAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var body = await response.Content.ReadAsStringAsync(ct);
        string? code = null, videoId = null, videoStatus = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            code = isProblem ? String(root, "code") : null;
            videoId = isProblem ? String(root, "videoId") : String(root, "id");
            videoStatus = isProblem ? null : String(root, "status");
        }
        catch (JsonException)
        {
            // Not JSON at all: the label still says what came back, and the 5xx check counts it.
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new ClientAnswer(status, $"{method} {status}{(code is null ? "" : " " + code)}{(isProblem || status < 400 ? "" : " (not problem+json)")}",
            isProblem, code, videoId, videoStatus, retryAfter) { Body = body };
    }

    public static ClientAnswer NoAnswer(string method, Exception ex) => new(null, ex switch
    {
        HttpRequestException { HttpRequestError: var error } => $"{method} no answer: {error}",
        _ => $"{method} no answer: client timeout",
    }, false, null, null, null, null);

    /// <summary>Kept for the key scan, not printed.</summary>
    public string Body { get; init; } = "";

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool IsAccepted(ClientAnswer answer) => answer.Status == (int)HttpStatusCode.Accepted && answer.VideoId is not null;
}
