using System.Text.Json;
using KieGateway.Errors;
using KieGateway.Idempotency;
using KieGateway.Kie;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KieGateway.Videos;

/// <summary>The answers an idempotency key gives instead of a new create.</summary>
internal static class IdempotentAnswers
{
    private sealed record StoredProblem(string Code, string Title, string? Detail, string? VideoId = null);

    public static Results<Accepted<Video>, ProblemHttpResult, ValidationProblem> Replay(
        IdempotencyOutcome.Replay replay, JsonSerializerOptions json)
    {
        if (replay.Status == StatusCodes.Status202Accepted)
        {
            var video = JsonSerializer.Deserialize<Video>(replay.Json, json)!;
            return TypedResults.Accepted($"/videos/{video.Id}", video);
        }

        return ToResult(replay.Status, JsonSerializer.Deserialize<StoredProblem>(replay.Json)!);
    }

    /// <summary>
    /// Kie may or may not have the task: the answer names the video (failed, <c>upstream_outcome_unknown</c>)
    /// so that the client can follow it, and a retry with the same key gets this same answer.
    /// </summary>
    public static (int Status, string Json, ProblemHttpResult Result) OutcomeUnknown(KieException ex, string videoId)
    {
        var (status, code, title) = KieProblemMap.For(ex.Failure);
        var problem = new StoredProblem(code, title,
            (ex.UpstreamMessage ?? title) + " The video was recorded as upstream_outcome_unknown and is not resubmitted.", videoId);
        return (status, JsonSerializer.Serialize(problem), ToResult(status, problem));
    }

    private static ProblemHttpResult ToResult(int status, StoredProblem problem) =>
        GatewayProblems.Problem(status, problem.Code, problem.Title, problem.Detail,
            problem.VideoId is null ? null : new Dictionary<string, object?> { ["videoId"] = problem.VideoId });

    public static ProblemHttpResult Reused() =>
        GatewayProblems.Problem(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused,
            "This Idempotency-Key was used with another request.",
            "Use a new key for a different request; a key replays only the request it was first used with.");

    public static ProblemHttpResult InFlight() =>
        GatewayProblems.Problem(StatusCodes.Status409Conflict, ProblemCodes.IdempotencyKeyInUse,
            "A request with this Idempotency-Key is still in progress.",
            "Retry after it finishes; the retry will replay its answer.");

    /// <summary>
    /// The request that held the key died mid-way. Its video (which a read marks outcome unknown when it has
    /// no Kie task) becomes the key's answer; with no video, Kie was never called and the key starts over.
    /// </summary>
    public static async Task<Results<Accepted<Video>, ProblemHttpResult, ValidationProblem>> SettleAbandonedAsync(
        IdempotencyRecord record, string clientId, VideoReader reader, IdempotencyKeys keys, JsonSerializerOptions json, CancellationToken ct)
    {
        var video = await reader.GetAsync(clientId, record.VideoId, TimeSpan.Zero, ct);
        if (video is null)
        {
            await keys.ReleaseAsync(record);
            return InFlight(); // retry now: the key is free again
        }

        await keys.CompleteAsync(record, StatusCodes.Status202Accepted, JsonSerializer.Serialize(video, json));
        return TypedResults.Accepted($"/videos/{video.Id}", video);
    }
}
