using KieGateway.Kie;
using KieGateway.Providers;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// Brings one stored video up to date with Kie. Used by client reads and by the background refresher alike:
/// a job is claimed in the store before Kie is asked, so it is asked once per due time, whoever asks.
/// </summary>
internal sealed class VideoRefresher(
    GatewayDbContext db,
    ProviderRouter router,
    StatusReadLimiter limiter,
    VideoWaiters waiters,
    TimeProvider time,
    IOptions<JobsOptions> jobs,
    IOptions<KieOptions> kie,
    ILogger<VideoRefresher> logger)
{
    public async Task RefreshIfDueAsync(VideoRecord record, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (record.Status.IsTerminal() || (record.NextPollAt is { } next && next > now))
        {
            return;
        }

        if (now - record.CreatedAt > jobs.Value.Deadline)
        {
            await FinishAsync(record, r => r.MarkFailed(VideoErrorCodes.TimedOut,
                $"Kie did not finish the video within {jobs.Value.Deadline}.", now));
            return;
        }

        if (!limiter.TryAcquire() || !await ClaimAsync(record, now, ct))
        {
            return;
        }

        if (record.KieTaskId is null)
        {
            await FailIfCreateWasLostAsync(record, now);
            return;
        }

        try
        {
            var status = await router.ForProvider(record.Provider).GetStatusAsync(record.KieTaskId, ct);
            await FinishAsync(record, r => r.Apply(status, time.GetUtcNow()));
        }
        catch (KieException ex) when (ex.Failure == KieFailure.NotFound || ex.KieCode == 422)
        {
            // Kie answers 404 / 422 "record is null" for tasks it no longer knows.
            await FinishAsync(record, r => r.MarkFailed(VideoErrorCodes.UpstreamTaskLost,
                $"Kie no longer knows task {r.KieTaskId} ({ex.UpstreamMessage}).", time.GetUtcNow()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not the caller's problem: the stored state stands and the job is asked again when next due.
            logger.LogWarning("Refresh of {VideoId} (Kie task {KieTaskId}) failed: {Reason}",
                record.Id, record.KieTaskId, ex is KieException k ? $"{k.Failure} {k.KieCode}" : ex.GetType().Name);
        }
    }

    /// <summary>Moves the job's next due time forward in the store; only the caller that moved it asks Kie.</summary>
    private async Task<bool> ClaimAsync(VideoRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var next = PollSchedule.Next(record.CreatedAt, now, jobs.Value.PollInterval);
        var claimed = await db.Videos
            .Where(v => v.Seq == record.Seq && v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed
                        && (v.NextPollAt == null || v.NextPollAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.NextPollAt, next).SetProperty(v => v.LastPolledAt, now), ct);
        if (claimed == 1)
        {
            record.NextPollAt = next;
            record.LastPolledAt = now;
        }

        return claimed == 1;
    }

    /// <summary>Applies a change to the freshest copy of the row, never to a video that has already ended.</summary>
    private async Task FinishAsync(VideoRecord record, Action<VideoRecord> change)
    {
        await db.Entry(record).ReloadAsync(CancellationToken.None);
        if (record.Status.IsTerminal())
        {
            return;
        }

        change(record);
        await db.SaveChangesAsync(CancellationToken.None);
        if (record.Status.IsTerminal())
        {
            waiters.Signal(record.Id);
        }
    }

    /// <summary>A row without a Kie task past the create's time limit is a create that died mid-call.</summary>
    private async Task FailIfCreateWasLostAsync(VideoRecord record, DateTimeOffset now)
    {
        if (now - record.CreatedAt < kie.Value.Timeout + TimeSpan.FromMinutes(1))
        {
            return;
        }

        await FinishAsync(record, r => r.MarkOutcomeUnknown("The gateway stopped before Kie confirmed the task", now));
        logger.LogWarning("Video {VideoId} has no Kie task after its create window; marked outcome unknown", record.Id);
    }
}
