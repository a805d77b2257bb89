using System.Globalization;
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
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => ClientOf(context) is { } id
                ? RateLimitPartition.GetFixedWindowLimiter(id, limits.AllRequests)
                : RateLimitPartition.GetNoLimiter(""));
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

    private static string? ClientOf(HttpContext context) =>
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
        var seconds = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));

        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientRateLimits))
            .LogWarning("Client {ClientId} is over its rate limit; told to retry after {RetryAfterSeconds} s", clientId, seconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayProblems.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited,
            "This client key is over its rate limit.",
            $"Too many requests for this client key; retry after {seconds} s (Retry-After).").ExecuteAsync(http);
    }
}

/// <summary>A client's effective limits: its own <c>RateLimit</c> settings, else the <c>Gateway:RateLimit</c> defaults.</summary>
internal sealed class ClientLimits(IOptionsMonitor<GatewayOptions> gateway, IOptionsMonitor<RateLimitOptions> defaults)
{
    public FixedWindowRateLimiterOptions AllRequests(string clientId)
    {
        var own = Own(clientId);
        return Window(own?.PermitLimit ?? defaults.CurrentValue.PermitLimit, own?.Window ?? defaults.CurrentValue.Window);
    }

    public FixedWindowRateLimiterOptions Creates(string clientId)
    {
        var own = Own(clientId);
        return Window(own?.CreatePermitLimit ?? defaults.CurrentValue.CreatePermitLimit, own?.CreateWindow ?? defaults.CurrentValue.CreateWindow);
    }

    public TimeSpan LongestWindow(string clientId) =>
        AllRequests(clientId).Window > Creates(clientId).Window ? AllRequests(clientId).Window : Creates(clientId).Window;

    private ClientRateLimit? Own(string clientId) =>
        gateway.CurrentValue.Clients.FirstOrDefault(c => c.Id == clientId)?.RateLimit;

    // No queue: a request over the limit is answered at once, never held.
    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
