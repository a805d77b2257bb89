using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

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
    /// Refuses a declared Content-Length over the endpoint's limit before anything reads the body (Kestrel
    /// enforces the same limit on chunked bodies through the endpoint metadata), and a charset the JSON reader
    /// would fail on with a server error.
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

            CheckCharset(context.Request);
            await next(context);
        });
        return app;
    }

    /// <summary>An unknown charset is a bad request; a quoted one (<c>charset="utf-8"</c>, as HTTP allows) is unquoted for the reader.</summary>
    private static void CheckCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.Charset.HasValue)
        {
            return;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset).Value ?? "";
        try
        {
            Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            throw new BadHttpRequestException($"The charset '{charset}' is not one this server reads; send UTF-8.", StatusCodes.Status400BadRequest);
        }

        if (type.Charset != charset)
        {
            type.Charset = charset;
            request.ContentType = type.ToString();
        }
    }
}
