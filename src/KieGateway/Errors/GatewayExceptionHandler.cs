using System.Text.Json;
using KieGateway.Kie;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KieGateway.Errors;

/// <summary>The one place where exceptions become problem+json answers; no stack trace ever leaves.</summary>
internal sealed class GatewayExceptionHandler(ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client left: not the upstream's fault, nothing to answer.
            context.Response.StatusCode = 499;
            return true;
        }

        var (status, code, title, detail, errors) = Describe(exception,
            BodyLimits.Of(context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint()));
        if (exception is KieException kie)
        {
            logger.LogWarning("Kie call failed: {Failure} {KieCode} {UpstreamMessage}", kie.Failure, kie.KieCode, kie.UpstreamMessage);
            if (kie.Failure == KieFailure.RateLimited)
            {
                RetryAfterHeader.Set(context.Response, KieProblemMap.RetryAfter(kie));
            }
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error");
        }

        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        await ProblemWriter.WriteAsync(context, problem, exception);
        return true;
    }

    private static (int, string, string, string?, Dictionary<string, string[]>?) Describe(Exception exception, long bodyLimit)
    {
        switch (exception)
        {
            case KieException kie:
                var (status, code, title) = KieProblemMap.For(kie.Failure);
                // A refused key is the operator's problem: Kie's own words about it are not passed on.
                return (status, code, title, kie.Failure == KieFailure.AuthFailed ? null : kie.UpstreamMessage, null);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return (413, ProblemCodes.PayloadTooLarge, "The request body is too large.",
                    $"A request body here may be at most {BodyLimits.Describe(bodyLimit)}.", null);
            case BadHttpRequestException bad:
                var (field, message) = BadRequestReason(bad);
                return (400, ProblemCodes.ValidationFailed, "The request is not valid.", message,
                    new Dictionary<string, string[]> { [field] = [message] });
            default:
                return (500, ProblemCodes.InternalError, "An unexpected error occurred.", "The error was logged with this traceId.", null);
        }
    }

    /// <summary>Malformed JSON and wrong types, named by field where the JSON path says which.</summary>
    private static (string Field, string Message) BadRequestReason(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { Length: > 1 } path } json => (FieldOf(path), JsonMessage(json)),
        JsonException json => ("body", JsonMessage(json)),
        _ => ("body", "The request could not be read: " + bad.Message),
    };

    private static string FieldOf(string path)
    {
        // "$.metadata.x" → "metadata", "$.imageUrls[0]" → "imageUrls", "$['prompt']" → "prompt"
        var trimmed = path.TrimStart('$', '.').Replace("['", "").Replace("']", "");
        var end = trimmed.IndexOfAny(['.', '[']);
        return end > 0 ? trimmed[..end] : trimmed.Length > 0 ? trimmed : "body";
    }

    private static string JsonMessage(JsonException json) =>
        json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"Unknown field at {json.Path}."
            : json.Path is { Length: > 1 }
                ? $"The value at {json.Path} is not valid JSON of the expected type."
                : "The body is not valid JSON.";
}
