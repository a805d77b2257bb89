using System.Security.Claims;
using System.Text.Json;
using KieGateway.Errors;
using KieGateway.Idempotency;
using KieGateway.Kie;
using KieGateway.Models;
using KieGateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;
using Microsoft.Extensions.Options;

namespace KieGateway.Videos;

/// <summary>
/// <c>POST /videos</c>: with an <c>Idempotency-Key</c>, the key is claimed before the paid Kie call and
/// completed with the answer, so a retry replays it instead of paying again.
/// </summary>
internal static class CreateVideoEndpoint
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<Results<Accepted<Video>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        CreateVideoRequest request, ClaimsPrincipal user, ModelCatalog catalog, VideoCreator creator, VideoReader reader,
        IdempotencyKeys keys, IOptions<JsonOptions> json, TimeProvider time, HttpRequest http, CancellationToken ct,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey = null)
    {
        // An empty header binds as absent; it is still a malformed key.
        if (http.Headers.ContainsKey(IdempotencyHeader) && (idempotencyKey is null || !IsWellFormedKey(idempotencyKey)))
        {
            return GatewayProblems.Validation(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"Idempotency-Key is 1 to {IdempotencyOptions.MaxKeyLength} visible ASCII characters."],
            });
        }

        var clientId = user.ClientId();
        var videoId = VideoIds.New(time);
        IdempotencyRecord? claim = null;
        if (idempotencyKey is not null)
        {
            switch (await keys.BeginAsync(clientId, idempotencyKey, RequestFingerprint.Of(request), videoId, ct))
            {
                case IdempotencyOutcome.Replay replay:
                    return IdempotentAnswers.Replay(replay, json.Value.SerializerOptions);
                case IdempotencyOutcome.Reused:
                    return IdempotentAnswers.Reused();
                case IdempotencyOutcome.InFlight:
                    return IdempotentAnswers.InFlight();
                case IdempotencyOutcome.Abandoned abandoned:
                    return await IdempotentAnswers.SettleAbandonedAsync(abandoned.Record, clientId, reader, keys, json.Value.SerializerOptions, ct);
                case IdempotencyOutcome.Started started:
                    claim = started.Record;
                    videoId = claim.VideoId;
                    break;
            }
        }

        var resolution = catalog.Resolve(request.Model, request.AllowFallback ?? false);
        if (resolution.Effective is not { } model)
        {
            await ReleaseAsync(keys, claim);
            return GatewayProblems.ModelUnavailable(resolution.Requested!.Id);
        }

        try
        {
            var video = await creator.CreateAsync(clientId, videoId, request, model, ct);
            if (claim is not null)
            {
                await keys.CompleteAsync(claim, StatusCodes.Status202Accepted, JsonSerializer.Serialize(video, json.Value.SerializerOptions));
            }

            return TypedResults.Accepted($"/videos/{video.Id}", video);
        }
        catch (KieException ex) when (ex.OutcomeUnknown)
        {
            // The key keeps this answer, so that a retry replays it and never sends the paid call again.
            var (status, stored, answer) = IdempotentAnswers.OutcomeUnknown(ex, videoId);
            if (claim is not null)
            {
                await keys.CompleteAsync(claim, status, stored);
            }

            return answer;
        }
        catch (Usage.BudgetExceededException ex)
        {
            await ReleaseAsync(keys, claim);
            // Until the budget starts afresh: a client that retries on 429 waits for that instead of asking in vain (it may
            // be days, at the end of a month's budget).
            RetryAfterHeader.Set(http.HttpContext.Response, ex.ResetsAt - time.GetUtcNow());
            return GatewayProblems.BudgetExceeded(ex.Message);
        }
        catch (KieException) when (claim is not null)
        {
            // A definite refusal created nothing: the key is free for a retry.
            await keys.ReleaseAsync(claim);
            throw;
        }
    }

    private static Task ReleaseAsync(IdempotencyKeys keys, IdempotencyRecord? claim) =>
        claim is null ? Task.CompletedTask : keys.ReleaseAsync(claim);

    private static bool IsWellFormedKey(string key) =>
        key.Length is > 0 and <= IdempotencyOptions.MaxKeyLength && key.All(c => c is >= '!' and <= '~');
}
