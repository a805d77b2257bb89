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
}
