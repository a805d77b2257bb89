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
        var changed = record.Status != status.Status || (status.Progress is { } p && p != record.Progress);
        record.Status = status.Status;
        record.Progress = status.Status == VideoStatus.Completed ? 100 : status.Progress ?? record.Progress;
        record.VideoUrls = [.. status.VideoUrls];
        record.ErrorCode = status.Error?.Code;
        record.ErrorMessage = status.Error?.Message;
        if (status.Status.IsTerminal())
        {
            record.CompletedAt ??= status.CompletedAt is { } at && at <= now ? at : now;
        }

        if (changed)
        {
            record.UpdatedAt = now;
        }
    }
}
