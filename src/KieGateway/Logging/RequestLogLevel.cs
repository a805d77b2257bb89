using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>The level of a request's one log line: what changed something or went wrong is seen by default.</summary>
internal static class RequestLogLevel
{
    /// <summary>
    /// Successful reads (and health probes, whatever they answer) are Debug: polled by the thousand, they cost most of a
    /// read's time at Information and say nothing a metric does not. Writes, 4xx and 5xx stay visible.
    /// </summary>
    public static LogEventLevel Of(HttpContext http, double elapsedMs, Exception? error) =>
        error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
        : IsRead(http.Request.Method) && http.Response.StatusCode < 400 ? LogEventLevel.Debug
        : LogEventLevel.Information;

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
