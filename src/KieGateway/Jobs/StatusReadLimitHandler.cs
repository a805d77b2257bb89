using System.Net;
using System.Text;

namespace KieGateway.Jobs;

/// <summary>
/// Sits inside the Kie client's retry, so that each status-read attempt, first or retried, takes a slot
/// of the shared limit. Without a slot it answers as Kie would (429) without calling Kie; the retry then
/// waits its backoff like for Kie's own 429.
/// </summary>
internal sealed class StatusReadLimitHandler(StatusReadLimiter limiter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var isStatusRead = request.Method == HttpMethod.Get
            && request.RequestUri?.AbsolutePath.Contains("ecord", StringComparison.Ordinal) == true; // recordInfo, record-info
        if (!isStatusRead || limiter.TryUseReservedOrAcquire())
        {
            return base.SendAsync(request, ct);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent("""{"code":429,"msg":"The gateway's share of Kie's status-read limit is used up for this second."}""",
                Encoding.UTF8, "application/json"),
        });
    }
}
