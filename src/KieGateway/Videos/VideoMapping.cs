using KieGateway.Storage;

namespace KieGateway.Videos;

internal static class VideoMapping
{
    public static Video ToResource(this VideoRecord record) => new(
        record.Id,
        record.Model,
        record.Status,
        record.Progress,
        record.Prompt,
        record.AspectRatio,
        record.DurationSeconds,
        record.ImageUrls,
        record.VideoUrls,
        record.ErrorCode is null ? null : new VideoError(record.ErrorCode, record.ErrorMessage ?? ""),
        record.Metadata,
        record.CallbackUrl,
        record.CreatedAt,
        record.UpdatedAt,
        record.CompletedAt);

    public static void Apply(this VideoRecord record, Providers.ProviderStatus status, DateTimeOffset now)
    {
        if (record.Status.IsTerminal() || (record.Status == VideoStatus.InProgress && status.Status == VideoStatus.Queued))
        {
            return; // states only move forward
        }

        var changed = record.Status != status.Status || (status.Progress is { } p && p != record.Progress);
        record.Status = status.Status;
        record.Progress = status.Status == VideoStatus.Completed ? 100 : status.Progress ?? record.Progress;
        record.VideoUrls = [.. status.VideoUrls];
        record.ErrorCode = status.Error?.Code;
        record.ErrorMessage = status.Error?.Message;
        record.ChargedCredits = status.ChargedCredits ?? record.ChargedCredits;
        if (status.Status.IsTerminal())
        {
            record.CompletedAt ??= status.CompletedAt is { } at && at <= now ? at : now;
        }

        if (changed)
        {
            record.UpdatedAt = now;
        }
    }

    /// <summary>Kie may or may not have the task: the video ends here and is never resubmitted.</summary>
    public static void MarkOutcomeUnknown(this VideoRecord record, string why, DateTimeOffset now) =>
        record.MarkFailed(VideoErrorCodes.UpstreamOutcomeUnknown,
            why + ". The task may or may not exist at Kie; the gateway does not resubmit it.", now);

    public static void MarkFailed(this VideoRecord record, string code, string message, DateTimeOffset now)
    {
        record.Status = VideoStatus.Failed;
        record.VideoUrls = [];
        record.ErrorCode = code;
        record.ErrorMessage = message;
        record.UpdatedAt = now;
        record.CompletedAt = now;
    }
}
