using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KieGateway.Storage;

internal static class VideoChanges
{
    /// <summary>The videos that the SaveChanges under way moves to completed or failed (call after DetectChanges).</summary>
    public static IEnumerable<VideoRecord> EndingVideos(this ChangeTracker tracker) =>
        tracker.Entries<VideoRecord>().Where(BecameTerminal).Select(e => e.Entity);

    private static bool BecameTerminal(EntityEntry<VideoRecord> entry) => entry.State switch
    {
        EntityState.Added => entry.Entity.Status.IsTerminal(),
        EntityState.Modified => entry.Entity.Status.IsTerminal()
                                && !entry.Property(v => v.Status).OriginalValue.IsTerminal(),
        _ => false,
    };
}
