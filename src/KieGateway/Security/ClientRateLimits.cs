using System.Threading.RateLimiting;
using KieGateway.Errors;
using KieGateway.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>
/// Per-client rate limits with ASP.NET Core's rate limiter, one fixed window per authenticated client id:
/// every request counts toward <c>PermitLimit</c>, creates also toward <c>CreatePermitLimit</c>. Anonymous
/// endpoints (health, OpenAPI, sandbox media, Kie callbacks) are not limited, and requests without a valid
/// key never reach the limiter: authorization has answered them 401 already.
/// System.Threading.RateLimiting takes no TimeProvider: these windows run on the real clock.
/// </summary>
internal static class ClientRateLimits
{
    public const string CreatePolicy = "client-creates";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<RateLimitValidator>();
        services.AddSingleton<IValidateOptions<RateLimitOptions>>(sp => sp.GetRequiredService<RateLimitValidator>());
        services.AddSingleton<IValidateOptions<GatewayOptions>>(sp => sp.GetRequiredService<RateLimitValidator>());
        services.AddSingleton<ClientLimits>();
        services.ConfigureAll<OpenApiOptions>(o => o.AddOperationTransformer<RateLimitOpenApi>());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientLimits>((options, limits) =>
        {
            options.GlobalLimiter = limits.AllRequestsLimiter;
            options.AddPolicy(CreatePolicy, context => ClientOf(context) is { } id
                ? RateLimitPartition.GetFixedWindowLimiter(id, limits.Creates)
                : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authorization, so that the client is known and unauthenticated requests are already 401.</summary>
    public static WebApplication UseClientRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client a request counts for: none on anonymous endpoints, none without a valid key.</summary>
    public static string? ClientOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
            ? context.User.ClientId()
            : null;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var clientId = http.User.ClientId();
        // A fixed window's refusal carries the time until its permits come back; the window itself is the bound.
        var delay = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : http.RequestServices.GetRequiredService<ClientLimits>().LongestWindow(clientId);
        var seconds = RetryAfterHeader.Seconds(delay);

        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits))
            .LogWarning("Client {ClientId} is over its rate limit; told to retry after {RetryAfterSeconds} s", clientId, seconds);
        RetryAfterHeader.Set(http.Response, delay);
        await GatewayProblems.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            "This client key is over its rate limit.",
            $"Too many requests for this client key; retry after {seconds} s (Retry-After).").ExecuteAsync(http);
    }
}
