namespace KieGateway.Videos;

/// <summary>Why a video failed; <c>code</c> is stable snake_case.</summary>
public sealed record VideoError(string Code, string Message);

internal static class VideoErrorCodes
{
    public const string GenerationFailed = "generation_failed";
    public const string ContentRejected = "content_rejected";
    public const string NoOutput = "no_output";
    public const string UpstreamOutcomeUnknown = "upstream_outcome_unknown";
    public const string UpstreamTaskLost = "upstream_task_lost";
    public const string TimedOut = "timed_out";
}
