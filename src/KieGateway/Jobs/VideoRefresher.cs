using KieGateway.Kie;
using KieGateway.Providers;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>What became of one refresh: the background refresher stops its pass at the first <see cref="Throttled"/>.</summary>
internal enum RefreshOutcome
{
    NotDue,
    Taken,
    Throttled,
    Refreshed,
}

/// <summary>
/// Brings one stored video up to date with Kie. Used by client reads and by the background refresher alike:
/// a job is leased in the store before Kie is asked, so one replica at a time asks about it, whoever asks.
/// </summary>
internal sealed class VideoRefresher(
    ProviderRouter router,
    StatusReadLimiter limiter,
    RefreshLease lease,
    VideoWaiters waiters,
    TimeProvider time,
    IOptions<JobsOptions> jobs,
    IOptions<KieOptions> kie,
    ILogger<VideoRefresher> logger)
{
    public async Task<RefreshOutcome> RefreshIfDueAsync(VideoRecord record, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (record.Status.IsTerminal() || record.NextPollAt > now || record.LeasedUntil > now)
        {
            return RefreshOutcome.NotDue;
        }

        // The claim comes before the permit: a replica that loses the claim spends none of the account's reads on it.
        if (await lease.TryClaimAsync(record, now, ct) is not { } held)
        {
            return RefreshOutcome.Taken;
        }

        if (record.KieTaskId is null)
        {
            using var _ = Telemetry.GatewayTracing.StartRefresh(record);
            await FailIfCreateWasLostAsync(record, held, now); // nothing to ask Kie about, so no permit
            return RefreshOutcome.Refreshed;
        }

        if (!(await limiter.TryTakeAsync(ct)).IsGranted)
        {
            await lease.ReleaseAsync(record, held);
            return RefreshOutcome.Throttled;
        }

        using var permit = limiter.HandToNextRead();
        using var span = Telemetry.GatewayTracing.StartRefresh(record);
        await ReadAsync(record, held, now, ct);
        return RefreshOutcome.Refreshed;
    }

    private async Task ReadAsync(VideoRecord record, Lease held, DateTimeOffset now, CancellationToken ct)
    {
        var pastDeadline = now - record.CreatedAt > jobs.Value.Deadline;
        try
        {
            // Even past the deadline Kie is asked first: a job it finished while nobody looked is not failed.
            // Every read, a client's or the background's, waits for Kie only so long (the lease covers exactly that).
            using var budget = new CancellationTokenSource(jobs.Value.ReadRefreshBudget, time);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
            var status = await router.ForProvider(record.Provider).GetStatusAsync(record.KieTaskId!, bounded.Token);
            await FinishAsync(record, held, r =>
            {
                r.Apply(status, time.GetUtcNow());
                if (pastDeadline && !r.Status.IsTerminal())
                {
                    TimeOut(r);
                }
            });
        }
        catch (KieException ex) when (LostTasks.KieForgot(ex, record, now))
        {
            logger.LogWarning("Video {VideoId}: Kie no longer knows task {KieTaskId} ({KieCode})", record.Id, record.KieTaskId, ex.KieCode);
            await FinishAsync(record, held, r => r.MarkFailed(VideoErrorCodes.UpstreamTaskLost,
                $"Kie no longer knows this video's task ({ex.UpstreamMessage}).", time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller gave up (a client gone, this replica stopping): the job is handed back, not left leased.
            await lease.ReleaseAsync(record, held);
            throw;
        }
        catch (Exception ex)
        {
            // Not the caller's problem: the stored state stands and the job is asked again when next due.
            logger.LogWarning("Refresh of {VideoId} (Kie task {KieTaskId}) failed: {Reason}",
                record.Id, record.KieTaskId, ex is KieException k ? $"{k.Failure} {k.KieCode}" : ex.GetType().Name);
            if (pastDeadline && now - record.CreatedAt > jobs.Value.Deadline + LostTasks.After)
            {
                await FinishAsync(record, held, TimeOut);
            }
            else
            {
                await lease.EndAsync(record, held);
            }
        }
    }

    private void TimeOut(VideoRecord record) =>
        record.MarkFailed(VideoErrorCodes.TimedOut, $"Kie did not finish the video within {jobs.Value.Deadline}.", time.GetUtcNow());

    /// <summary>Ends the lease with the read's result; a terminal one wakes this process's waiting readers.</summary>
    private async Task FinishAsync(VideoRecord record, Lease held, Action<VideoRecord> change)
    {
        if (!await lease.EndWithAsync(record, held, change))
        {
            logger.LogDebug("Refresh of {VideoId} stood down: the video ended elsewhere or its lease was taken over", record.Id);
            return;
        }

        Telemetry.GatewayTracing.TagStatus(record.Status);
        if (record.Status.IsTerminal())
        {
            waiters.Signal(record.Id);
        }
    }

    /// <summary>A row without a Kie task past the create's time limit is a create that died mid-call.</summary>
    private async Task FailIfCreateWasLostAsync(VideoRecord record, Lease held, DateTimeOffset now)
    {
        if (now - record.CreatedAt < kie.Value.CreateInFlightWindow)
        {
            await lease.ReleaseAsync(record, held, record.CreatedAt + kie.Value.CreateInFlightWindow); // looked at again when the window ends
            return;
        }

        await FinishAsync(record, held, r =>
        {
            if (r.KieTaskId is null) // the create may have stored its task since this row was read
            {
                r.MarkOutcomeUnknown("The gateway stopped before Kie confirmed the task", now);
            }
        });
        logger.LogWarning("Video {VideoId} has no Kie task after its create window; marked outcome unknown", record.Id);
    }
}
