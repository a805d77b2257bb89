using KieGateway.Errors;
using KieGateway.Models;
using KieGateway.OpenApi;
using KieGateway.Security;
using KieGateway.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace KieGateway.Videos;

internal static class VideosApi
{
    public const int MaxListLimit = 100;

    public static RouteGroupBuilder MapVideos(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/videos").WithTags("Videos").RequireAuthorization();

        group.MapPost("/", CreateVideoEndpoint.HandleAsync).Validate<CreateVideoRequest>().WithName("CreateVideo")
            .WithMetadata(new RequestSizeLimitAttribute(BodyLimits.JsonBytes))
            .RequireRateLimiting(ClientRateLimits.CreatePolicy)
            .WithMetadata(Usage.CreditBudgeted.Instance)
            .WithSummary("Create a video (text-to-video or image-to-video)")
            .WithDescription(VideosApiDocs.Create)
            .ProducesUpstreamProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(VideosApiDocs.CreateExamples);
        group.MapGet("/{id}", GetAsync).WithName("GetVideo")
            .WithSummary("Read a video; non-terminal videos are refreshed from Kie at most once per poll interval")
            .WithDescription("`?wait=<seconds>` (at most 60) holds the answer until the video is completed or failed, or the wait ends.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(VideosApiDocs.VideoExample);
        group.MapGet("/", ListAsync).WithName("ListVideos")
            .WithSummary("List the client's videos, newest first")
            .ProducesValidationProblem();

        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public const int MaxWaitSeconds = 60;

    public static async Task<Results<Ok<Video>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, ClaimsPrincipal user, FinishedVideos finished, HttpContext http, CancellationToken ct, [FromQuery] string? wait = null)
    {
        var seconds = 0;
        if (wait is not null && (!int.TryParse(wait, out seconds) || seconds is < 0 or > MaxWaitSeconds))
        {
            return GatewayProblems.Validation(new Dictionary<string, string[]>
            {
                ["wait"] = [$"wait is a whole number of seconds from 0 to {MaxWaitSeconds}."],
            });
        }

        if (!VideoIds.IsWellFormed(id))
        {
            return GatewayProblems.NotFound("video");
        }

        var clientId = user.ClientId();
        // The reader (and its DbContext) is resolved only when memory has no finished video to answer with.
        var video = finished.Find(clientId, id)
                    ?? await http.RequestServices.GetRequiredService<VideoReader>().GetAsync(clientId, id, TimeSpan.FromSeconds(seconds), ct);
        return video is null ? GatewayProblems.NotFound("video") : TypedResults.Ok(video);
    }

    public static async Task<Results<Ok<VideoPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, VideoReader reader, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] string? model = null,
        [FromQuery] string? limit = null, [FromQuery] string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        VideoStatus? statusFilter = null;
        if (status is not null)
        {
            statusFilter = VideoStatusNames.Parse(status);
            if (statusFilter is null)
            {
                errors["status"] = ["status must be one of queued, in_progress, completed, failed."];
            }
        }

        if (model is not null && ModelCatalog.Find(model) is null)
        {
            errors["model"] = ["Unknown model; see GET /models."];
        }

        var size = 20;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxListLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxListLimit}."];
        }

        if (!ListCursor.TryDecode(cursor, out var before))
        {
            errors["cursor"] = ["cursor is not one this gateway gave out."];
        }

        if (errors.Count > 0)
        {
            return GatewayProblems.Validation(errors);
        }

        return TypedResults.Ok(await reader.ListAsync(user.ClientId(), statusFilter, model, size, before, ct));
    }
}
