using Microsoft.AspNetCore.Http.Metadata;

namespace KieGateway.Errors;

internal static class BodyLimits
{
    /// <summary>JSON bodies are small: a prompt is at most 10,000 characters.</summary>
    public const long JsonBytes = 64 * 1024;

    /// <summary>The endpoint's own limit (uploads have a larger one), else the JSON limit.</summary>
    public static long Of(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? JsonBytes;

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";

    /// <summary>
    /// Refuses a declared Content-Length over the endpoint's limit before anything reads the body;
    /// Kestrel enforces the same limit on chunked bodies through the endpoint metadata.
    /// </summary>
    public static WebApplication UseBodyLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });
        return app;
    }
}
