using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace KieGateway.Bench.Drill;

/// <summary>
/// The drill's clients: <see cref="DrillPlan.Clients"/> workers share the creates, each with its own
/// <c>Idempotency-Key</c>, and send a create again with the SAME key on 5xx, 409 in use, 429, timeouts and
/// connection errors (the gateway being killed and restarted among them), with backoff, until it has a final answer.
/// </summary>
internal sealed class CreateClients(HttpClient http, DrillPlan plan, Uri callbackUrl, ClientTally tally, string runTag)
{
    private int _next = -1;

    public async Task<IReadOnlyList<KeyOutcome>> RunAsync(CancellationToken ct)
    {
        var outcomes = new KeyOutcome[plan.Creates];
        await Task.WhenAll(Enumerable.Range(0, plan.Clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref _next) is var index && index < plan.Creates)
            {
                outcomes[index] = await CreateAsync(index, ct);
            }
        }));
        return outcomes;
    }

    private async Task<KeyOutcome> CreateAsync(int index, CancellationToken ct)
    {
        var key = $"drill-{runTag}-{index:D3}";
        var body = JsonSerializer.Serialize(new
        {
            prompt = $"Fault drill video {index}",
            model = index % 2 == 0 ? "veo-3.1-fast" : "sora-2", // both adapters, both of the fake's create routes
            callbackUrl = callbackUrl.ToString(),
            metadata = new Dictionary<string, string> { ["drillKey"] = key },
        });
        var videoIds = new HashSet<string>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var attempt = 0;
        var last = "";
        while (attempt < DrillPlan.MaxAttemptsPerKey && Stopwatch.GetElapsedTime(started) < DrillPlan.KeyDeadline)
        {
            var answer = await SendAsync(key, body, ct);
            (attempt, last) = (attempt + 1, answer.Label);
            var namedBefore = answer.VideoId is { } named && !videoIds.Add(named);
            if (ClientAnswer.IsAccepted(answer))
            {
                tally.KeyAccepted();
                // Once more with the same key: a replay must name the same video and make no second task.
                if ((await SendAsync(key, body, ct)).VideoId is { } again)
                {
                    videoIds.Add(again);
                }

                return new KeyOutcome(key, KeyResult.Accepted, answer.VideoId, attempt + 1, last, videoIds.Count);
            }

            if (answer.IsServerError && answer.VideoId is not null)
            {
                // Recorded as upstream_outcome_unknown: final once a retry has replayed it (it is never resubmitted).
                if (namedBefore)
                {
                    return new KeyOutcome(key, KeyResult.OutcomeUnknown, answer.VideoId, attempt, last, videoIds.Count);
                }

                continue;
            }

            if (!IsRetryable(answer))
            {
                return new KeyOutcome(key, KeyResult.Refused, answer.VideoId, attempt, last, videoIds.Count);
            }

            await Task.Delay(Backoff(attempt, answer), ct);
        }

        return new KeyOutcome(key, KeyResult.GaveUp, null, attempt, last, videoIds.Count);
    }

    private async Task<ClientAnswer> SendAsync(string key, string body, CancellationToken ct)
    {
        ClientAnswer answer;
        tally.PostStarted();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "videos") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request, ct);
            answer = await ClientAnswer.ReadAsync("POST", response, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            answer = ClientAnswer.NoAnswer("POST", ex);
        }
        finally
        {
            tally.PostEnded();
        }

        tally.Record(answer);
        return answer;
    }

    /// <summary>No answer, a 5xx, a key still held by a create under way (or cut by the kill), a rate limit.</summary>
    private static bool IsRetryable(ClientAnswer answer) =>
        answer.Status is null or >= 500 or 429 || (answer.Status == 409 && answer.Code == "idempotency_key_in_use");

    /// <summary>Retry-After when given; else 200 ms doubling to 3 s, with jitter so that the clients do not march in step.</summary>
    private static TimeSpan Backoff(int attempt, ClientAnswer answer) => answer.RetryAfter is { } retryAfter
        ? retryAfter
        : TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, attempt - 1), 3000) * (0.75 + Random.Shared.NextDouble() / 2));
}
