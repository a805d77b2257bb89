using KieGateway.Kie;

namespace KieGateway.Errors;

/// <summary>How a Kie failure reaches the client: status, code and a title that names the next step.</summary>
internal static class KieProblemMap
{
    public static (int Status, string Code, string Title) For(KieFailure failure) => failure switch
    {
        KieFailure.InsufficientCredits => (402, ProblemCodes.InsufficientCredits, "The Kie account has insufficient credits."),
        KieFailure.Rejected => (422, ProblemCodes.UpstreamRejected, "Kie rejected the request."),
        KieFailure.RateLimited => (429, ProblemCodes.UpstreamRateLimited, "Kie's rate limit was reached; retry later."),
        KieFailure.Unavailable => (503, ProblemCodes.UpstreamUnavailable, "Kie is unavailable (maintenance or feature disabled)."),
        KieFailure.AuthFailed => (502, ProblemCodes.UpstreamAuthFailed, "Kie refused the gateway's key; an operator must fix it."),
        KieFailure.Timeout => (504, ProblemCodes.UpstreamTimeout, "Kie did not answer in time."),
        _ => (502, ProblemCodes.UpstreamError, "Kie failed to answer properly."),
    };

    /// <summary>Without a Retry-After from Kie, a rate-limited client waits one create window (20 per 10 s).</summary>
    public static TimeSpan RetryAfter(KieException exception) =>
        exception.RetryAfter is { } delay && delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(10);
}
