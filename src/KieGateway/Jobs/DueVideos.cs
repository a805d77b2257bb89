using KieGateway.Storage;
using KieGateway.Videos;

namespace KieGateway.Jobs;

internal static class DueVideos
{
    /// <summary>Unfinished videos whose next refresh from Kie is due: the refresher's work, and the backlog gauge.</summary>
    public static IQueryable<VideoRecord> DueAt(this IQueryable<VideoRecord> videos, DateTimeOffset now) =>
        videos.Where(v => v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed && (v.NextPollAt == null || v.NextPollAt <= now));
}
