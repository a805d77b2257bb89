using System.Globalization;

namespace KieGateway.Errors;

/// <summary>The <c>Retry-After</c> of a gateway's 429: one rounding for every refusal that says when to come back.</summary>
internal static class RetryAfterHeader
{
    /// <summary>Whole seconds, rounded up and at least one: a client that waits this long is not refused again for it.</summary>
    public static long Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
}
