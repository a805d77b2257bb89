using System.Text.Json.Serialization;

namespace KieGateway.Videos;

/// <summary>The one video resource clients see, whichever provider made it.</summary>
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VideoError? Error,
    IReadOnlyDictionary<string, string> Metadata,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallbackUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CompletedAt);

/// <summary>One page of <c>GET /videos</c>.</summary>
public sealed record VideoPage(IReadOnlyList<Video> Data, string? NextCursor);
