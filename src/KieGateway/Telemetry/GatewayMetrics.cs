using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using System.Diagnostics.Metrics;

namespace KieGateway.Telemetry;

/// <summary>
/// The gateway's instruments, on one meter. Labels are bounded by configuration and by the gateway's own code
/// lists (clients, models, error and problem codes, Kie operations): never a video or task id.
/// </summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "KieGateway";

    /// <summary>The body codes Kie documents (kie-api.md §4); any other is labelled <c>other</c>.</summary>
    private static readonly FrozenSet<int> DocumentedKieCodes =
        FrozenSet.Create(200, 400, 401, 402, 404, 405, 408, 422, 429, 433, 451, 455, 500, 501, 505);

    private static readonly double[] KieSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] VideoSeconds = [15, 30, 60, 90, 120, 180, 300, 600, 900, 1800, 3600];

    private readonly Counter<long> _created;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _timeToCompletion;
    private readonly Histogram<double> _kieDuration;
    private readonly Counter<long> _kieThrottled;
    private readonly Counter<long> _webhookAttempts;
    private readonly Counter<long> _rejected;

    public GatewayMetrics(IMeterFactory meters, StoreGauges store)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>("kiegateway.videos.created", "{video}", "Videos accepted by Kie (a task was created).");
        _completed = meter.CreateCounter<long>("kiegateway.videos.completed", "{video}", "Videos that ended completed.");
        _failed = meter.CreateCounter<long>("kiegateway.videos.failed", "{video}", "Videos that ended failed, by error code.");
        _timeToCompletion = meter.CreateHistogram("kiegateway.videos.time_to_completion", "s",
            "From create to completed or failed.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = VideoSeconds });
        _kieDuration = meter.CreateHistogram("kiegateway.kie.request.duration", "s",
            "Kie calls (retries included), by operation, outcome, Kie's code and the HTTP status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = KieSeconds });
        _kieThrottled = meter.CreateCounter<long>("kiegateway.kie.throttled", "{call}",
            "Kie calls held back by the account's limits before reaching Kie, by call kind.");
        _webhookAttempts = meter.CreateCounter<long>("kiegateway.webhooks.attempts", "{attempt}", "Webhook delivery attempts, by outcome.");
        _rejected = meter.CreateCounter<long>("kiegateway.requests.rejected", "{request}",
            "Requests answered 429 (rate limits, budgets, Kie's account limits), by problem code.");
        meter.CreateObservableGauge("kiegateway.jobs.backlog", store.Backlog, "{video}", "Unfinished videos due for a refresh from Kie.");
        meter.CreateObservableGauge("kiegateway.webhooks.pending", store.PendingWebhooks, "{event}", "Webhook events not yet delivered or given up (the outbox).");
    }

    public void VideoCreated(string clientId, string model) => _created.Add(1, Video(clientId, model));

    public void VideoEnded(string clientId, string model, string? errorCode, TimeSpan took)
    {
        var tags = Video(clientId, model);
        if (errorCode is null)
        {
            _completed.Add(1, tags);
        }
        else
        {
            tags.Add("error.type", errorCode);
            _failed.Add(1, tags);
        }

        // A create whose outcome is unknown ended when the gateway gave up on Kie's answer, not when a video was made:
        // its 0 s (or its create window) would drag the histogram down. It is counted failed, and timed nowhere.
        if (errorCode != Videos.VideoErrorCodes.UpstreamOutcomeUnknown)
        {
            _timeToCompletion.Record(Math.Max(0, took.TotalSeconds),
                new("model", model), new("status", errorCode is null ? "completed" : "failed"));
        }
    }

    /// <summary>
    /// One Kie call. Its labels stay bounded whatever Kie sends: the body code is one of Kie's documented codes or
    /// <c>other</c>; the HTTP status is a three-digit number by HTTP's own rules.
    /// </summary>
    public void KieCalled(string operation, string outcome, int? kieCode, int? httpStatus, TimeSpan took)
    {
        var tags = new TagList { { "operation", operation }, { "outcome", outcome } };
        if (kieCode is { } code)
        {
            tags.Add("kie.code", DocumentedKieCodes.Contains(code) ? code.ToString(CultureInfo.InvariantCulture) : "other");
        }

        if (httpStatus is { } status)
        {
            tags.Add("http.response.status_code", status);
        }

        _kieDuration.Record(took.TotalSeconds, tags);
    }

    public void KieThrottled(string call) => _kieThrottled.Add(1, new KeyValuePair<string, object?>("call", call));

    public void WebhookAttempted(string clientId, string outcome) =>
        _webhookAttempts.Add(1, new("client", clientId), new("outcome", outcome));

    public void Rejected(string code, string? clientId) =>
        _rejected.Add(1, new("code", code), new("client", clientId ?? "anonymous"));

    private static TagList Video(string clientId, string model) => new() { { "client", clientId }, { "model", model } };
}
