using System.Globalization;
using KieGateway.Jobs;
using KieGateway.Kie;
using KieGateway.Providers;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Videos;

/// <summary>Reads a client's videos; a non-terminal one is refreshed from Kie at most once per poll interval.</summary>
internal sealed class VideoReader(
    GatewayDbContext db,
    ProviderRouter router,
    TimeProvider time,
    IOptions<JobsOptions> jobs,
    IOptions<KieOptions> kie,
    ILogger<VideoReader> logger)
{
    public async Task<Video?> GetAsync(string clientId, string id, CancellationToken ct)
    {
        var record = await db.Videos.SingleOrDefaultAsync(v => v.Id == id && v.ClientId == clientId, ct);
        if (record is null)
        {
            return null;
        }

        await RefreshIfDueAsync(record, ct);
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

    private async Task RefreshIfDueAsync(VideoRecord record, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (record.Status.IsTerminal() || !await ClaimPollAsync(record, now, ct))
        {
            return;
        }

        if (record.KieTaskId is null)
        {
            await FailIfCreateWasLostAsync(record, now);
            return;
        }

        // A client's read waits for Kie only so long; past that it gets the stored state.
        using var timeout = new CancellationTokenSource(jobs.Value.ReadRefreshBudget, time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var status = await router.ForProvider(record.Provider).GetStatusAsync(record.KieTaskId, budget.Token);
            await db.Entry(record).ReloadAsync(CancellationToken.None);
            if (!record.Status.IsTerminal())
            {
                record.Apply(status, time.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A failed refresh is not the client's problem: answer what is stored and try again later.
            logger.LogWarning("Refresh of {VideoId} (Kie task {KieTaskId}) failed: {Reason}",
                record.Id, record.KieTaskId, ex is KieException k ? $"{k.Failure} {k.KieCode}" : ex.GetType().Name);
        }
    }

    /// <summary>One reader per interval asks Kie, however many clients read at once.</summary>
    private async Task<bool> ClaimPollAsync(VideoRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var due = now - jobs.Value.PollInterval;
        var claimed = await db.Videos
            .Where(v => v.Seq == record.Seq && v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed
                        && (v.LastPolledAt == null || v.LastPolledAt <= due))
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.LastPolledAt, now), ct);
        record.LastPolledAt = claimed == 1 ? now : record.LastPolledAt;
        return claimed == 1;
    }

    /// <summary>A row without a Kie task past the create's time limit is a create that died mid-call.</summary>
    private async Task FailIfCreateWasLostAsync(VideoRecord record, DateTimeOffset now)
    {
        if (now - record.CreatedAt < kie.Value.Timeout + TimeSpan.FromMinutes(1))
        {
            return;
        }

        record.MarkOutcomeUnknown("The gateway stopped before Kie confirmed the task", now);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogWarning("Video {VideoId} has no Kie task after its create window; marked outcome unknown", record.Id);
    }
}
