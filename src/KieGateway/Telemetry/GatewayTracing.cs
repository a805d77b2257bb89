using System.Diagnostics;
using KieGateway.Storage;
using KieGateway.Videos;

namespace KieGateway.Telemetry;

/// <summary>
/// The gateway's own spans and the attributes that tie them to a video. Every span about a video carries
/// <see cref="VideoId"/>; a refresh and a webhook delivery, which run in traces of their own, also link to the
/// create's span through the traceparent stored on the video.
/// </summary>
internal static class GatewayTracing
{
    public const string SourceName = "KieGateway";

    public const string VideoId = "kiegateway.video.id";
    public const string ClientId = "kiegateway.client.id";
    public const string Model = "kiegateway.model";
    public const string Status = "kiegateway.video.status";
    public const string KieTaskId = "kiegateway.kie.task_id";
    public const string KieOperation = "kiegateway.kie.operation";
    public const string KieCode = "kiegateway.kie.code";
    public const string WebhookId = "kiegateway.webhook.id";
    public const string WebhookAttempt = "kiegateway.webhook.attempt";
    public const string WebhookOutcome = "kiegateway.webhook.outcome";
    public const string HttpStatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Names the video on the span under way (a create's request span, or a read's once the video was found: an
    /// id that answers 404, malformed or another client's, names nothing).
    /// </summary>
    public static void TagVideo(string videoId, string clientId, string? model = null) =>
        Activity.Current?.SetTag(VideoId, videoId).SetTag(ClientId, clientId).SetTag(Model, model);

    /// <summary>Names the video and task a Kie callback was matched to (never before it matched: the body is anyone's).</summary>
    public static void TagCallback(string videoId, string taskId) =>
        Activity.Current?.SetTag(VideoId, videoId).SetTag(KieTaskId, taskId);

    /// <summary>The status a video was left in by the work under way (a refresh).</summary>
    public static void TagStatus(VideoStatus status) => Activity.Current?.SetTag(Status, status.Name());

    /// <summary>One call to Kie; the video is the one named by the span it runs under, if any.</summary>
    public static Activity? StartKieCall(string operation, string? taskId)
    {
        var videoId = VideoIdOf(Activity.Current);
        return Source.StartActivity($"kie {operation}", ActivityKind.Client)?
            .SetTag(KieOperation, operation).SetTag(KieTaskId, taskId).SetTag(VideoId, videoId);
    }

    /// <summary>The span under way as a W3C traceparent, to be stored with what it creates; null when nothing is traced.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// One refresh of a video from Kie: under a client's read, or a trace of its own in the background; either
    /// way linked to the video's create.
    /// </summary>
    public static Activity? StartRefresh(VideoRecord video) =>
        Source.StartActivity("video refresh", ActivityKind.Internal, parentContext: default, links: LinkTo(video.TraceParent))?
            .SetTag(VideoId, video.Id).SetTag(ClientId, video.ClientId).SetTag(Model, video.Model).SetTag(KieTaskId, video.KieTaskId);

    /// <summary>One delivery attempt of a webhook event, a trace of its own, linked to the video's create.</summary>
    public static Activity? StartWebhookDelivery(WebhookEventRecord evt) =>
        Source.StartActivity("webhook deliver", ActivityKind.Client, parentContext: default, links: LinkTo(evt.TraceParent))?
            .SetTag(VideoId, evt.VideoId).SetTag(ClientId, evt.ClientId).SetTag(WebhookId, evt.Id);

    /// <summary>How the attempt under way went.</summary>
    public static void TagAttempt(int number, int? statusCode, string outcome)
    {
        var span = Activity.Current?.SetTag(WebhookAttempt, number).SetTag(HttpStatusCode, statusCode).SetTag(WebhookOutcome, outcome);
        if (outcome != "delivered")
        {
            span?.SetStatus(ActivityStatusCode.Error).SetTag(ErrorType, outcome);
        }
    }

    // A stored value that does not parse (hand-edited, a future format) costs the link, never the span.
    private static ActivityLink[]? LinkTo(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var create) ? [new ActivityLink(create)] : null;

    private static string? VideoIdOf(Activity? activity)
    {
        for (; activity is not null; activity = activity.Parent)
        {
            if (activity.GetTagItem(VideoId) is string id)
            {
                return id;
            }
        }

        return null;
    }
}
