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
    RefreshLease lease,
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

        // The permit is taken before the claim: a job is claimed only when it can be read now.
        if (!(await limiter.TryTakeAsync(ct)).IsGranted)
        {
            return;
        }

        using var permit = limiter.HandToNextRead();
        if (!await lease.TryClaimAsync(record, now, ct))
        {
            return;
        }

        using var span = Telemetry.GatewayTracing.StartRefresh(record);
        if (record.KieTaskId is null)
        {
            await FailIfCreateWasLostAsync(record, now);
            return;
        }

        var pastDeadline = now - record.CreatedAt > jobs.Value.Deadline;
        try
        {
            // Even past the deadline Kie is asked first: a job it finished while nobody looked is not failed.
            // Every read, a client's or the background's, waits for Kie only so long (the lease covers exactly that).
            using var budget = new CancellationTokenSource(jobs.Value.ReadRefreshBudget, time);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
            var status = await router.ForProvider(record.Provider).GetStatusAsync(record.KieTaskId, bounded.Token);
            await FinishAsync(record, r =>
            {
                r.Apply(status, time.GetUtcNow());
                r.NextPollAt = PollSchedule.Next(r.CreatedAt, time.GetUtcNow(), jobs.Value.PollInterval); // the lease ends
            });
            if (pastDeadline)
            {
                await TimeOutAsync(record);
            }
        }
        catch (KieException ex) when (LostTasks.KieForgot(ex, record, now))
        {
            logger.LogWarning("Video {VideoId}: Kie no longer knows task {KieTaskId} ({KieCode})", record.Id, record.KieTaskId, ex.KieCode);
            await FinishAsync(record, r => r.MarkFailed(VideoErrorCodes.UpstreamTaskLost,
                $"Kie no longer knows this video's task ({ex.UpstreamMessage}).", time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller gave up (a client gone, this replica stopping): the job is handed back, not left leased.
            await lease.ReleaseAsync(record, now);
            throw;
        }
        catch (Exception ex)
        {
            // Not the caller's problem: the stored state stands and the job is asked again when next due.
            logger.LogWarning("Refresh of {VideoId} (Kie task {KieTaskId}) failed: {Reason}",
                record.Id, record.KieTaskId, ex is KieException k ? $"{k.Failure} {k.KieCode}" : ex.GetType().Name);
            if (pastDeadline && now - record.CreatedAt > jobs.Value.Deadline + LostTasks.After)
            {
                await TimeOutAsync(record);
            }
            else if (ex is not OperationCanceledException)
            {
                await lease.EndAsync(record);
            }
        }
    }

    private Task TimeOutAsync(VideoRecord record) =>
        FinishAsync(record, r => r.MarkFailed(VideoErrorCodes.TimedOut,
            $"Kie did not finish the video within {jobs.Value.Deadline}.", time.GetUtcNow()));

    /// <summary>
    /// Applies a change to the freshest copy of the row, never to a video that has already ended. Status is a
    /// concurrency token: of two refreshes that finish the same job at once, one wins and the other stands down,
    /// so a video ends (and its webhook is written) once.
    /// </summary>
    private async Task FinishAsync(VideoRecord record, Action<VideoRecord> change)
    {
        await db.Entry(record).ReloadAsync(CancellationToken.None);
        if (record.Status.IsTerminal())
        {
            return;
        }

        change(record);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return;
        }

        Telemetry.GatewayTracing.TagStatus(record.Status);
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

        await FinishAsync(record, r =>
        {
            if (r.KieTaskId is null) // the create may have stored its task since this row was read
            {
                r.MarkOutcomeUnknown("The gateway stopped before Kie confirmed the task", now);
            }
        });
        logger.LogWarning("Video {VideoId} has no Kie task after its create window; marked outcome unknown", record.Id);
    }
}
