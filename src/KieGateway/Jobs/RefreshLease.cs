using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// A job's next due time in the store doubles as a lease: whoever moves it forward asks Kie, and nobody else
/// does until it passes. The lease is at least as long as a read may take; the read's end sets the real next due
/// time, and a read given up (a client gone, this replica stopping) hands the job back at once.
/// </summary>
internal sealed class RefreshLease(GatewayDbContext db, TimeProvider time, IOptions<JobsOptions> jobs)
{
    /// <summary>Moves the job's next due time forward; only the caller that moved it asks Kie.</summary>
    public async Task<bool> TryClaimAsync(VideoRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var scheduled = PollSchedule.Next(record.CreatedAt, now, jobs.Value.PollInterval);
        var lease = now + jobs.Value.ReadRefreshBudget + TimeSpan.FromSeconds(5);
        var next = scheduled > lease ? scheduled : lease;
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

    /// <summary>A read that failed ends its lease too: the job is asked again on its normal schedule.</summary>
    public Task EndAsync(VideoRecord record) =>
        MoveOwnLeaseAsync(record, PollSchedule.Next(record.CreatedAt, time.GetUtcNow(), jobs.Value.PollInterval));

    /// <summary>A read given up before Kie answered: the job is due again now, for whichever replica is still running.</summary>
    public Task ReleaseAsync(VideoRecord record, DateTimeOffset dueAt) => MoveOwnLeaseAsync(record, dueAt);

    // Only while the lease is still this caller's: a lease that ran out may be someone else's by now.
    private Task MoveOwnLeaseAsync(VideoRecord record, DateTimeOffset next) =>
        db.Videos.Where(v => v.Seq == record.Seq && v.NextPollAt == record.NextPollAt)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.NextPollAt, next), CancellationToken.None);
}
