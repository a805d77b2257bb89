using System.Net.Http.Json;
using System.Text.Json;
using KieGateway.Telemetry;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace KieGateway.Kie;

/// <summary>
/// The one typed client for Kie. Every call returns the envelope's <c>data</c> or throws a
/// <see cref="KieException"/>: success needs a 2xx status <em>and</em> a body <c>code</c> of 200.
/// </summary>
internal sealed partial class KieClient(HttpClient http, IOptions<KieOptions> options, GatewayMetrics metrics, TimeProvider time)
{
    public Task<string> CreateJobsTaskAsync(JobsCreateTaskRequest body, CancellationToken ct) =>
        CallAsync(Post("api/v1/jobs/createTask", body), null, ReadTaskId, ct);

    public Task<JobsRecord> GetJobsRecordAsync(string taskId, CancellationToken ct) =>
        CallAsync(Get($"api/v1/jobs/recordInfo?taskId={Uri.EscapeDataString(taskId)}"), taskId, data => JobsRecord.Parse(RequireObject(data)), ct);

    public Task<string> GenerateVeoAsync(VeoGenerateRequest body, CancellationToken ct) =>
        CallAsync(Post("api/v1/veo/generate", body), null, ReadTaskId, ct);

    public Task<VeoRecord> GetVeoRecordAsync(string taskId, CancellationToken ct) =>
        CallAsync(Get($"api/v1/veo/record-info?taskId={Uri.EscapeDataString(taskId)}"), taskId, data => VeoRecord.Parse(RequireObject(data)), ct);

    public Task<decimal> GetCreditsAsync(CancellationToken ct) =>
        CallAsync(Get("api/v1/chat/credit"), null, data => KieJson.ReadDecimal(data) ?? throw Unreadable("the credit balance is not a number"), ct);

    private static HttpRequestMessage Post<T>(string path, T body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: KieJson.WriteOptions) };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    /// <summary>One call, traced and measured: the operation is Kie's path (e.g. <c>veo/generate</c>), the only string results are created task ids.</summary>
    private async Task<T> CallAsync<T>(HttpRequestMessage request, string? taskId, Func<JsonElement, T> read, CancellationToken ct)
    {
        using var call = new KieCallTelemetry(metrics, time, OperationOf(request.RequestUri!), taskId);
        try
        {
            var result = read(await SendAsync(request, call, ct));
            call.Succeeded(taskId ?? result as string);
            return result;
        }
        catch (Exception ex)
        {
            call.Failed(ex);
            throw;
        }
    }

    /// <summary>Kie's path without its version prefix: <c>veo/generate</c>, <c>jobs/recordInfo</c>, <c>file-stream-upload</c>.</summary>
    private static string OperationOf(Uri uri)
    {
        var path = (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Split('?')[0].TrimStart('/');
        return path.StartsWith("api/v1/", StringComparison.Ordinal) ? path["api/v1/".Length..]
            : path.StartsWith("api/", StringComparison.Ordinal) ? path["api/".Length..]
            : path;
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, KieCallTelemetry call, CancellationToken ct)
    {
        using var _ = request;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (TimeoutRejectedException)
        {
            throw new KieException(KieFailure.Timeout, null, "Kie did not answer in time.", outcomeUnknown: true);
        }
        catch (ExecutionRejectedException)
        {
            throw new KieException(KieFailure.Unavailable, null, "Kie calls are paused after repeated failures.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new KieException(KieFailure.Timeout, null, "Kie did not answer in time.", outcomeUnknown: true);
        }
        catch (HttpRequestException ex)
        {
            // Only the category is kept: nothing of the request (its headers hold the key) goes further.
            var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            throw new KieException(KieFailure.ServerError, null, $"Kie could not be reached ({ex.HttpRequestError}).",
                outcomeUnknown: !neverSent);
        }

        using (response)
        {
            var envelope = await KieEnvelope.ReadAsync(response, ct);
            call.Answered((int)response.StatusCode, envelope?.Code, KieCalls.RefusedLocally(response));
            if (response.IsSuccessStatusCode && envelope is { Code: 200, Success: not false })
            {
                return envelope.Data;
            }

            if (envelope?.Code is null && response.IsSuccessStatusCode)
            {
                throw Unreadable("not a Kie envelope");
            }

            // Only Kie's own envelope with a definite code says for sure that nothing was created; a proxy's
            // error page or a server error may have come after the task was made.
            var code = envelope?.Code is int c and not 200 ? c : (int)response.StatusCode;
            var definite = envelope?.Code is not null && code is not (500 or 502 or 503 or 504);
            throw new KieException(KieException.Classify(code), code, Scrub(envelope?.Message), RetryAfterOf(response),
                outcomeUnknown: !definite, fromEnvelope: envelope?.Code is not null);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    /// <summary>Kie's own text goes to clients and logs; it must never carry the key back with it.</summary>
    private string? Scrub(string? upstream) =>
        upstream is null || string.IsNullOrEmpty(options.Value.ApiKey)
            ? upstream
            : upstream.Replace(options.Value.ApiKey, "[REDACTED]", StringComparison.Ordinal);

    private static JsonElement RequireObject(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object ? data : throw Unreadable("the task record is missing");

    private static string ReadTaskId(JsonElement data) =>
        KieJson.ReadString(data, "taskId", "task_id") ?? throw Unreadable("the answer carries no taskId");

    // A 2xx that cannot be read may still have created a task: its outcome is unknown.
    private static KieException Unreadable(string why) =>
        new(KieFailure.ServerError, null, $"Unreadable Kie answer: {why}.", outcomeUnknown: true);
}
