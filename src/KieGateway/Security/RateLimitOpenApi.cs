using KieGateway.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KieGateway.Security;

/// <summary>
/// Every operation that a client key opens can answer 429 <c>rate_limited</c> with Retry-After, and one that spends credits
/// 429 <c>budget_exceeded</c> as well: say so in OpenAPI.
/// </summary>
internal sealed class RateLimitOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        // Calls that reach Kie document 429 upstream_rate_limited already: the same answer covers both codes.
        if (!operation.Responses.TryGetValue("429", out var tooMany) || tooMany is not OpenApiResponse response)
        {
            response = new OpenApiResponse
            {
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
                },
            };
            operation.Responses["429"] = response;
        }

        response.Description = metadata.OfType<Usage.CreditBudgeted>().Any() ? TooManyRequests + " " + BudgetExceeded : TooManyRequests;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds until the request may be sent again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        };
        return Task.CompletedTask;
    }

    private const string TooManyRequests =
        $"`{ProblemCodes.RateLimited}`: this client key is over its rate limit (or, on calls that reach Kie, "
        + $"`{ProblemCodes.UpstreamRateLimited}`); retry after `Retry-After` seconds.";

    private const string BudgetExceeded =
        $"`{ProblemCodes.BudgetExceeded}`: the create would take the client past its daily or monthly credit budget; nothing "
        + "was sent to Kie, `detail` says which budget, and `Retry-After` the seconds until it starts afresh (see GET /usage).";
}
