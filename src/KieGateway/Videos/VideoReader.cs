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
        if (record.Status.IsTerminal() || record.KieTaskId is null
            || (record.LastPolledAt is { } last && now - last < jobs.Value.PollInterval))
        {
            return;
        }

        record.LastPolledAt = now;
        try
        {
            var status = await router.ForProvider(record.Provider).GetStatusAsync(record.KieTaskId, ct);
            record.Apply(status, time.GetUtcNow());
        }
        catch (KieException ex)
        {
            // A failed refresh is not the client's problem: answer what is stored and try again later.
            logger.LogWarning("Refresh of {VideoId} (Kie task {KieTaskId}) failed: {Failure} {KieCode}",
                record.Id, record.KieTaskId, ex.Failure, ex.KieCode);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
