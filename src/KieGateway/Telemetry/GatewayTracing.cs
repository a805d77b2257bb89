using System.Diagnostics;
using KieGateway.Storage;
using KieGateway.Videos;

namespace KieGateway.Telemetry;

/// <summary>
/// The gateway's own spans and the attributes that tie them to a video. Every span about a video carries
/// <see cref="VideoId"/>: the store keeps no trace context, so a video's create, refreshes and webhooks, which
/// run in separate traces, are found together by that attribute rather than by links.
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

    /// <summary>Names the video on the span under way (a create's or a read's request span).</summary>
    public static void TagVideo(string videoId, string clientId, string model) =>
        Activity.Current?.SetTag(VideoId, videoId).SetTag(ClientId, clientId).SetTag(Model, model);

    /// <summary>The status a video was left in by the work under way (a refresh).</summary>
    public static void TagStatus(VideoStatus status) => Activity.Current?.SetTag(Status, status.Name());

    /// <summary>One call to Kie; the video is the one named by the span it runs under, if any.</summary>
    public static Activity? StartKieCall(string operation, string? taskId)
    {
        var videoId = VideoIdOf(Activity.Current);
        return Source.StartActivity($"kie {operation}", ActivityKind.Client)?
            .SetTag(KieOperation, operation).SetTag(KieTaskId, taskId).SetTag(VideoId, videoId);
    }

    /// <summary>One refresh of a video from Kie: under a client's read, or a trace of its own in the background.</summary>
    public static Activity? StartRefresh(VideoRecord video) =>
        Source.StartActivity("video refresh")?
            .SetTag(VideoId, video.Id).SetTag(ClientId, video.ClientId).SetTag(Model, video.Model).SetTag(KieTaskId, video.KieTaskId);

    /// <summary>One delivery attempt of a webhook event, a trace of its own.</summary>
    public static Activity? StartWebhookDelivery(WebhookEventRecord evt) =>
        Source.StartActivity("webhook deliver", ActivityKind.Client)?
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
