using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// Who may ask Kie about a job, kept apart from when it is due: a Kie callback makes a job due again but never
/// takes it from the replica reading it. The lease lasts as long as a read may (the read's budget + 5 s). Its end
/// time is also its holder's mark: everything done at the end of a read requires it unchanged, so a read that
/// outlived its lease (a stalled replica, another replica's clock ahead) cannot overwrite whoever took over.
/// </summary>
internal sealed class RefreshLease(GatewayDbContext db, TimeProvider time, IOptions<JobsOptions> jobs)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>Takes the job if it is due and nobody holds it; only the caller that gets a lease asks Kie.</summary>
    public async Task<Lease?> TryClaimAsync(VideoRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var until = WholeMilliseconds(now + jobs.Value.ReadRefreshBudget + Margin);
        // The next due time moves on at once, so that a callback during the read can be told apart at its end.
        var scheduled = WholeMilliseconds(PollSchedule.Next(record.CreatedAt, now, jobs.Value.PollInterval));
        var claimed = await db.Videos
            .Where(v => v.Seq == record.Seq && v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed
                        && (v.NextPollAt == null || v.NextPollAt <= now)
                        && (v.LeasedUntil == null || v.LeasedUntil <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.LeasedUntil, until).SetProperty(v => v.NextPollAt, scheduled), ct);
        return claimed == 1 ? new Lease(until, record.NextPollAt ?? now, scheduled, now) : null;
    }

    /// <summary>
    /// Ends the lease with the read's result, written to the freshest copy of the row and never to a video that
    /// has already ended. Status and the lease are concurrency tokens: a refresh that finishes a job another one
    /// already finished, or that lost its lease meanwhile, stands down, so a video ends (and its webhook is written) once.
    /// </summary>
    public async Task<bool> EndWithAsync(VideoRecord record, Lease lease, Action<VideoRecord> change)
    {
        await db.Entry(record).ReloadAsync(CancellationToken.None);
        if (record.Status.IsTerminal() || record.LeasedUntil != lease.Until)
        {
            return false;
        }

        change(record);
        record.LeasedUntil = null;
        record.LastPolledAt = lease.TakenAt;
        if (!(record.NextPollAt < lease.Scheduled))
        {
            record.NextPollAt = PollSchedule.Next(record.CreatedAt, time.GetUtcNow(), jobs.Value.PollInterval);
        } // else a Kie callback came during the read: the job is read again at once, as the callback asked

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>A read that failed ends its lease too: the job is asked again on its normal schedule.</summary>
    public Task EndAsync(VideoRecord record, Lease lease)
    {
        var next = PollSchedule.Next(record.CreatedAt, time.GetUtcNow(), jobs.Value.PollInterval);
        return Owned(record, lease).ExecuteUpdateAsync(set => set.SetProperty(v => v.LeasedUntil, (DateTimeOffset?)null)
            .SetProperty(v => v.NextPollAt, next).SetProperty(v => v.LastPolledAt, lease.TakenAt), CancellationToken.None);
    }

    /// <summary>A read not made (no permit) or given up (client gone, replica stopping): due again at once, for anyone.</summary>
    public Task ReleaseAsync(VideoRecord record, Lease lease, DateTimeOffset? dueAt = null) =>
        Owned(record, lease).ExecuteUpdateAsync(set => set.SetProperty(v => v.LeasedUntil, (DateTimeOffset?)null)
            .SetProperty(v => v.NextPollAt, dueAt ?? lease.DueBefore), CancellationToken.None);

    // Both stores keep less than DateTimeOffset's precision, and these times are compared with what was written.
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset);

    private IQueryable<VideoRecord> Owned(VideoRecord record, Lease lease) =>
        db.Videos.Where(v => v.Seq == record.Seq && v.LeasedUntil == lease.Until);
}

/// <summary>A job's refresh lease as its holder knows it: its end (the holder's mark), the due time it took, the
/// next due time it set, and when it was taken.</summary>
internal sealed record Lease(DateTimeOffset Until, DateTimeOffset DueBefore, DateTimeOffset Scheduled, DateTimeOffset TakenAt);
