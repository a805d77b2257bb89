using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KieGateway.Jobs;
using Microsoft.Extensions.Options;

namespace KieGateway.Kie;

/// <summary>
/// Sits inside the Kie client's retry, so that each attempt takes a permit of the account limit it counts
/// against: creates (20 per 10 s) and status reads (10 per s). Without a permit it answers as Kie would (429)
/// without calling Kie: a create is refused with an honest Retry-After, a read waits its backoff and tries again.
/// </summary>
internal sealed class AccountLimitHandler(
    StatusReadLimiter reads, AccountPermits permits, IOptions<KieOptions> options, Telemetry.GatewayMetrics metrics)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var call = KieCalls.KindOf(request);
        var answer = call switch
        {
            KieCallKind.StatusRead => await reads.UseHandedOrTakeAsync(ct),
            KieCallKind.Create => await permits.TryTakeAsync(options.Value.CreateAccountLimit, ct),
            _ => PermitAnswer.Granted,
        };
        return answer.IsGranted ? await base.SendAsync(request, ct) : TooManyRequests(request, call, answer.RetryAfter);
    }

    private HttpResponseMessage TooManyRequests(HttpRequestMessage request, KieCallKind call, TimeSpan retryAfter)
    {
        metrics.KieThrottled(call == KieCallKind.Create ? "create" : "status_read");
        KieCalls.MarkRefusedLocally(request);
        var message = call == KieCallKind.Create
            ? $"The Kie account's limit of {options.Value.CreateLimit} new videos per {options.Value.CreateLimitWindow.TotalSeconds:0.###} s "
              + $"is used up; retry in {Errors.RetryAfterHeader.Seconds(retryAfter)} s."
            : "The Kie account's status-read limit is used up for this second.";
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(JsonSerializer.Serialize(new { code = 429, msg = message }), Encoding.UTF8, "application/json"),
        };
        if (call == KieCallKind.Create)
        {
            // The gateway's one rounding of Retry-After: a client that waits this long finds a permit free.
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(Errors.RetryAfterHeader.Seconds(retryAfter)));
        }

        return response;
    }
}
