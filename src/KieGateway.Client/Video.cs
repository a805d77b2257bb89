using System.Text.Json.Serialization;

namespace KieGateway.Client;

/// <summary>The gateway's video resource, whichever provider made it.</summary>
public sealed record Video(
    string Id,
    string Model,
    VideoStatus Status,
    int Progress,
    string Prompt,
    string AspectRatio,
    int DurationSeconds,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<string> VideoUrls,
    VideoError? Error,
    IReadOnlyDictionary<string, string> Metadata,
    string? CallbackUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary><c>completed</c> or <c>failed</c>: the video will not change again.</summary>
    [JsonIgnore]
    public bool IsTerminal => Status is VideoStatus.Completed or VideoStatus.Failed;
}

/// <summary>Where a video is in its life; <c>completed</c> always has at least one URL.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VideoStatus>))]
public enum VideoStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>Why a video failed; <see cref="Code"/> is stable snake_case (e.g. <c>generation_failed</c>).</summary>
public sealed record VideoError(string Code, string Message);

/// <summary>One page of <c>GET /videos</c>; pass <see cref="NextCursor"/> back for the next one.</summary>
public sealed record VideoPage(IReadOnlyList<Video> Data, string? NextCursor);

/// <summary>An uploaded image: use <see cref="Url"/> in <see cref="CreateVideoRequest.ImageUrls"/> before <see cref="ExpiresAt"/>.</summary>
public sealed record UploadedFile(string Url, DateTimeOffset ExpiresAt);
