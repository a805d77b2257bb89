using System.Text;
using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

/// <summary>What one delivery attempt came to: the receiver's status, or why there was none.</summary>
internal sealed record AttemptResult(int? StatusCode, string? Error, TimeSpan Duration)
{
    public bool Delivered => StatusCode is >= 200 and < 300;

    /// <summary>For metrics and traces: delivered, refused (any other answer) or no_answer (timeout, no connection).</summary>
    public string Outcome => Delivered ? "delivered" : StatusCode is null ? "no_answer" : "refused";
}

/// <summary>
/// The typed client that POSTs one signed webhook. No retries here (the outbox schedule is the retry),
/// no redirects followed, and the timeout runs on the injected clock.
/// </summary>
internal sealed class WebhookSender(HttpClient http, TimeProvider time, IOptions<WebhookOptions> options)
{
    private const int MaxErrorLength = 500;

    public async Task<AttemptResult> PostAsync(string url, string id, long timestamp, string signature, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);

        var limit = options.Value.Timeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return new AttemptResult(status, Describe(status), time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new AttemptResult(null, $"No answer within {limit.TotalSeconds:0.###} s.", time.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            var message = $"Could not deliver ({ex.HttpRequestError}): {ex.Message}";
            return new AttemptResult(null, message.Length > MaxErrorLength ? message[..MaxErrorLength] : message, time.GetElapsedTime(started));
        }
    }

    private static string? Describe(int status) => status switch
    {
        >= 200 and < 300 => null,
        >= 300 and < 400 => $"HTTP {status}: redirects are not followed; configure the final URL as callbackUrl.",
        _ => $"HTTP {status}.",
    };
}
