using Microsoft.Net.Http.Headers;

namespace KieGateway.Security;

/// <summary>
/// The usual browser-facing headers on every answer. No CORS policy is added on purpose: the API serves
/// services and Swagger UI on its own origin, and no browser page of another origin needs to call it.
/// HSTS is left to the TLS-terminating proxy in front, which knows whether the origin is HTTPS-only.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>JSON answers load, run and frame nothing (media-src: the sandbox's sample clip still plays when opened directly).</summary>
    public const string ApiPolicy = "default-src 'none'; media-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Swagger UI: its own scripts and styles (its styles set inline ones too), data: icons, calls to this origin only.</summary>
    public const string SwaggerUiPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At start of the answer: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var swaggerUi = context.Request.Path.StartsWithSegments("/swagger");
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = swaggerUi ? SwaggerUiPolicy : ApiPolicy;
        if (!swaggerUi && !headers.ContainsKey(HeaderNames.CacheControl))
        {
            // Answers carry clients' videos, prompts and metadata: no shared or browser cache keeps them.
            headers.CacheControl = "no-store";
        }
    }
}
