using KieGateway.Videos;

namespace KieGateway.Providers;

/// <summary>A Kie task's state translated into the video resource's terms.</summary>
internal sealed record ProviderStatus(
    VideoStatus Status,
    int? Progress,
    IReadOnlyList<string> VideoUrls,
    VideoError? Error,
    DateTimeOffset? CompletedAt)
{
    /// <summary>What Kie says the task cost, where its answer tells (jobs <c>consumeCredits</c>).</summary>
    public decimal? ChargedCredits { get; init; }

    public static ProviderStatus Queued { get; } = new(VideoStatus.Queued, 0, [], null, null);

    public static ProviderStatus InProgress(int? progress) => new(VideoStatus.InProgress, progress, [], null, null);

    /// <summary>A success without a URL (filtered upstream) is a failure: a completed video always has one.</summary>
    public static ProviderStatus Completed(IReadOnlyList<string> urls, DateTimeOffset? at) =>
        urls.Count == 0
            ? Failed(new VideoError(VideoErrorCodes.NoOutput, "Kie reported success but returned no video."), at)
            : new(VideoStatus.Completed, 100, urls, null, at);

    public static ProviderStatus Failed(VideoError error, DateTimeOffset? at) => new(VideoStatus.Failed, null, [], error, at);

    /// <summary>Kie's task-level failure codes (Veo <c>errorCode</c>, jobs <c>failCode</c>) in gateway terms.</summary>
    public static VideoError FailureFromKie(string? code, string? message)
    {
        var gatewayCode = code is "400" or "422" or "451" ? VideoErrorCodes.ContentRejected : VideoErrorCodes.GenerationFailed;
        var text = string.IsNullOrWhiteSpace(message) ? "Kie reported that the generation failed." : message;
        return new VideoError(gatewayCode, code is null ? text : $"{text} (Kie code {code})");
    }
}
