namespace KieGateway.Videos;

internal static class VideoStatusNames
{
    public static VideoStatus? Parse(string value) => value switch
    {
        "queued" => VideoStatus.Queued,
        "in_progress" => VideoStatus.InProgress,
        "completed" => VideoStatus.Completed,
        "failed" => VideoStatus.Failed,
        _ => null,
    };

    public static string Name(this VideoStatus status) => status switch
    {
        VideoStatus.Queued => "queued",
        VideoStatus.InProgress => "in_progress",
        VideoStatus.Completed => "completed",
        _ => "failed",
    };
}
