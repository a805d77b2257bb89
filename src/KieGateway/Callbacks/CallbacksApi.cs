using KieGateway.Jobs;
using KieGateway.Kie;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Callbacks;

/// <summary>
/// Where Kie posts task callbacks. A callback is only a signal: the job is re-read from Kie before the
/// video changes. Kie waits 15 s at most, so the answer is immediate and the same for unknown jobs.
/// </summary>
internal static class CallbacksApi
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapKieCallbacks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/callbacks/kie/{token}", ReceiveAsync).AllowAnonymous().WithTags("Kie callbacks")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithSummary("Kie task callbacks (set automatically as callBackUrl when Gateway:PublicBaseUrl is configured)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    public static async Task<Results<Ok<CallbackReceipt>, ProblemHttpResult>> ReceiveAsync(
        string token, HttpRequest request, GatewayDbContext db, JobSignal signal, TimeProvider time,
        IOptions<KieOptions> kie, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(CallbacksApi));
        var body = await KieCallbackBody.ReadAsync(request, ct);
        var taskId = body.TaskId;
        if (kie.Value.WebhookHmacKey is { Length: > 0 } key
            && !CallbackSignature.IsValid(key, taskId, request.Headers["X-Webhook-Timestamp"], request.Headers["X-Webhook-Signature"],
                time.GetUtcNow(), kie.Value.CallbackReplayWindow))
        {
            logger.LogWarning("Kie callback refused: missing, wrong or stale signature");
            return Errors.GatewayProblems.Problem(StatusCodes.Status401Unauthorized, Errors.ProblemCodes.Unauthorized,
                "The callback signature is missing, wrong or outside the replay window.");
        }

        var now = time.GetUtcNow();
        var videoId = CallbackTokens.IsWellFormed(token) && taskId is not null
            ? await db.Videos.Where(v => v.CallbackToken == token && v.KieTaskId == taskId).Select(v => v.Id).SingleOrDefaultAsync(ct)
            : null;
        var (charged, nudged) = (0, 0);
        if (videoId is not null)
        {
            // Only now, with the job's secret token and its task matched, does the caller's task id name anything.
            Telemetry.GatewayTracing.TagCallback(videoId, taskId!);
            // Kie's status records may not say what a task cost, and this callback comes as the video ends, when the
            // gateway stops reading Kie: the charge is taken whatever the video's state; the status is still re-read.
            charged = body.ConsumeCredits is { } credits
                ? await db.Videos.Where(v => v.Id == videoId).ExecuteUpdateAsync(set => set.SetProperty(v => v.ChargedCredits, credits), ct)
                : 0;
            nudged = await db.Videos
                .Where(v => v.Id == videoId && v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.NextPollAt, now), ct);
        }
        if (nudged > 0)
        {
            signal.Wake();
        }

        logger.LogInformation("Kie callback for task {KieTaskId}: {Outcome}, charge {ConsumeCredits}", taskId,
            nudged > 0 ? "job re-read scheduled" : "nothing to re-read", charged > 0 ? body.ConsumeCredits : null);
        return TypedResults.Ok(new CallbackReceipt(true));
    }
}

/// <summary>What Kie gets back: always the same, whether or not the job exists.</summary>
public sealed record CallbackReceipt(bool Received);
