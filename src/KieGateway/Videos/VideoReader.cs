using System.Globalization;
using KieGateway.Jobs;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Videos;

/// <summary>Reads a client's videos; a non-terminal one is refreshed from Kie when it is due.</summary>
internal sealed class VideoReader(
    GatewayDbContext db,
    FinishedVideos finished,
    VideoRefresher refresher,
    VideoWaiters waiters,
    IHostApplicationLifetime lifetime,
    TimeProvider time)
{
    public async Task<Video?> GetAsync(string clientId, string id, TimeSpan wait, CancellationToken ct)
    {
        var record = await db.Videos.SingleOrDefaultAsync(v => v.Id == id && v.ClientId == clientId, ct);
        if (record is null)
        {
            return null;
        }

        Telemetry.GatewayTracing.TagVideo(record.Id, record.ClientId, record.Model);
        if (record.Status.IsTerminal())
        {
            // Finished as stored: its next reads are answered from memory. A video that ends during this read is not
            // kept from this read's own copy: the next read, from the store, keeps it.
            return finished.Keep(record.ClientId, record.ToResource());
        }

        // A slow or failing Kie is not the client's problem: the refresher bounds the read and keeps the stored state.
        await refresher.RefreshIfDueAsync(record, ct);

        if (wait > TimeSpan.Zero && !record.Status.IsTerminal())
        {
            await WaitForEndAsync(record, wait, ct);
        }

        return record.ToResource();
    }

    public async Task<VideoPage> ListAsync(string clientId, VideoStatus? status, string? model, int limit, long? before, CancellationToken ct)
    {
        var query = db.Videos.AsNoTracking().Where(v => v.ClientId == clientId);
        if (status is { } s)
        {
            query = query.Where(v => v.Status == s);
        }

        if (model is not null)
        {
            query = query.Where(v => v.Model == model);
        }

        if (before is { } seq)
        {
            query = query.Where(v => v.Seq < seq);
        }

        var rows = await query.OrderByDescending(v => v.Seq).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? rows[limit - 1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return new VideoPage(rows.Take(limit).Select(r => r.ToResource()).ToList(), next is null ? null : ListCursor.Encode(next));
    }

    /// <summary>
    /// Sleeps until the video ends, the wait is over or this replica stops (the client gets the stored state at
    /// once rather than a connection cut at the shutdown timeout). This process's own refreshes wake it at once;
    /// the store is also re-read every second, because another replica may be the one that sees the end.
    /// </summary>
    private async Task WaitForEndAsync(VideoRecord record, TimeSpan wait, CancellationToken ct)
    {
        var until = time.GetUtcNow() + wait;
        var stopping = lifetime.ApplicationStopping;
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
        while (true)
        {
            var ended = waiters.WhenSignalledAsync(record.Id);
            await db.Entry(record).ReloadAsync(ct); // it may have ended between the read and the subscription
            var left = until - time.GetUtcNow();
            if (record.Status.IsTerminal() || left <= TimeSpan.Zero || stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await ended.WaitAsync(left < StoreRecheck ? left : StoreRecheck, time, gone.Token);
            }
            catch (TimeoutException)
            {
                // Time to look at the store again.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // This replica is stopping: one last look at the store, then the answer.
            }
        }
    }

    private static readonly TimeSpan StoreRecheck = TimeSpan.FromSeconds(1);
}
