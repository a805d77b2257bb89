using System.Text.Json;
using KieGateway.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KieGateway.Json;

/// <summary>
/// Refuses a JSON body nested deeper than the API's limit (<see cref="JsonSerializerOptions.MaxDepth"/>) before it is
/// bound. Binding alone never gets that far: every request type here is at most two levels deep, so a deeper body
/// fails on a wrong type first, and the limit would never be what stops it, nor be named in the answer.
/// </summary>
internal static class JsonDepthLimit
{
    public static WebApplication UseJsonDepthLimit(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.MaxDepth;
        var maxDepth = configured > 0 ? configured : 64; // 0 is System.Text.Json's default of 64
        app.Use(async (context, next) =>
        {
            if (Applies(context) && await IsTooDeepAsync(context.Request, maxDepth, context.RequestAborted))
            {
                throw new BadHttpRequestException($"The JSON is nested more than {maxDepth} levels deep.", StatusCodes.Status400BadRequest);
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Small JSON bodies only: uploads (megabytes of base64 in two string fields) are left to the binder and its own
    /// limit, rather than read twice. Other charsets are transcoded by the binder, which applies the same limit.
    /// </summary>
    private static bool Applies(HttpContext context) =>
        context.GetEndpoint() is { } endpoint && BodyLimits.Of(endpoint) <= BodyLimits.JsonBytes
        && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
        && context.Request.HasJsonContentType()
        && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> IsTooDeepAsync(HttpRequest request, int maxDepth, CancellationToken ct)
    {
        request.EnableBuffering((int)BodyLimits.JsonBytes);
        using var body = new MemoryStream();
        // One byte past the limit is enough to know the body is too large; that is the server's to refuse (413).
        var buffer = new byte[16 * 1024];
        int read;
        while (body.Length <= BodyLimits.JsonBytes && (read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
        }

        request.Body.Position = 0;
        return body.Length <= BodyLimits.JsonBytes && IsTooDeep(body.GetBuffer().AsSpan(0, (int)body.Length), maxDepth);
    }

    private static bool IsTooDeep(ReadOnlySpan<byte> json, int maxDepth)
    {
        // The reader may go one level further than the limit, so that reaching it is seen here rather than thrown.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the binder's to name, with its position.
        }

        return false;
    }
}
