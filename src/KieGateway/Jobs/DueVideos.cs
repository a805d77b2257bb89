using KieGateway.Storage;
using KieGateway.Videos;

namespace KieGateway.Jobs;

internal static class DueVideos
{
    /// <summary>
    /// Unfinished videos whose next refresh from Kie is due and that no replica is reading: the refresher's work,
    /// and the backlog gauge. A null due time is a row of an older build, due at once.
    /// </summary>
    public static IQueryable<VideoRecord> DueAt(this IQueryable<VideoRecord> videos, DateTimeOffset now) =>
        videos.Where(v => v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed
                          && (v.NextPollAt == null || v.NextPollAt <= now)
                          && (v.LeasedUntil == null || v.LeasedUntil <= now));
}
