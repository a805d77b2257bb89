using System.Diagnostics;
using Serilog.Context;

namespace KieGateway.Logging;

/// <summary>
/// Takes the caller's <c>X-Correlation-Id</c> when it is short and plain, else the trace id, and
/// returns it on the response and in every log line of the request.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[LoggingExtensions.CorrelationHeader].ToString();
        var id = IsPlain(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        // At start of the answer: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[LoggingExtensions.CorrelationHeader] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    private static bool IsPlain(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
