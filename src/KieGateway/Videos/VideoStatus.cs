using System.Text.Json.Serialization;

namespace KieGateway.Videos;

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

internal static class VideoStatusExtensions
{
    public static bool IsTerminal(this VideoStatus status) => status is VideoStatus.Completed or VideoStatus.Failed;
}
