using KieGateway.Errors;
using KieGateway.Security;

namespace KieGateway.Telemetry;

/// <summary>
/// Counts every 429 the gateway answers, by its problem code, in one place: budgets (<c>budget_exceeded</c>),
/// Kie's account limits (<c>upstream_rate_limited</c>), per-client rate limits (<c>rate_limited</c>) and any
/// refusal added later, whichever component writes it.
/// </summary>
internal sealed class RejectionMetrics(RequestDelegate next, GatewayMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            var code = context.Items[ProblemDefaults.CodeItem] as string ?? "none";
            metrics.Rejected(code, context.User.Identity?.IsAuthenticated == true ? context.User.ClientId() : null);
        }
    }
}
