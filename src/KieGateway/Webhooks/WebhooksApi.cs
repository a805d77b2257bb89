using System.Security.Claims;
using KieGateway.Errors;
using KieGateway.Security;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Webhooks;

internal static class WebhooksApi
{
    public const string EventsDescription = """
        The webhooks sent, or still to be sent, to the video's `callbackUrl`: one event when the video reaches
        `completed` or `failed`. `status` is `pending` (another attempt is due at `nextAttemptAt`), `delivered`
        (the receiver answered 2xx) or `failed` (the retry schedule ran out, or the client has no webhook secret
        to sign with: `failureReason` says which). Every attempt lists its time, the receiver's HTTP status or the
        error, and its duration. An event's `id` is the `webhook-id` header, the same on every attempt.
        A video without a `callbackUrl` has no events.
        """;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/videos/{id}/events", ListEventsAsync).WithTags("Videos").RequireAuthorization()
            .WithName("ListVideoEvents")
            .WithSummary("The video's webhook deliveries: status, every attempt and its result, the next attempt time")
            .WithDescription(EventsDescription)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Ok<WebhookEventList>, ProblemHttpResult>> ListEventsAsync(
        string id, ClaimsPrincipal user, GatewayDbContext db, CancellationToken ct)
    {
        var clientId = user.ClientId();
        if (!VideoIds.IsWellFormed(id) || !await db.Videos.AnyAsync(v => v.Id == id && v.ClientId == clientId, ct))
        {
            return GatewayProblems.NotFound("video"); // another client's video, exactly as an unknown one
        }

        Telemetry.GatewayTracing.TagVideo(id, clientId);
        var events = await db.WebhookEvents.AsNoTracking().Include(e => e.Attempts)
            .Where(e => e.VideoId == id && e.ClientId == clientId)
            .OrderBy(e => e.Seq)
            .ToListAsync(ct);
        return TypedResults.Ok(new WebhookEventList(events.Select(e => e.ToResource()).ToList()));
    }
}
