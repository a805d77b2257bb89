using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// Brings every non-terminal video to its end without any client asking, for jobs whose callback never
/// comes. It reads the work from the store on every tick, so after a restart it simply carries on.
/// </summary>
internal sealed class JobRefresher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<JobsOptions> options,
    JobSignal signal,
    ILogger<JobRefresher> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundRefresh)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            try
            {
                await RefreshDueJobsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Background refresh failed; trying again on the next tick");
            }

            // A steady cadence: a pass that took long is followed at once, not a whole tick later.
            var rest = options.Value.RefresherTick - (time.GetUtcNow() - started);
            if (rest > TimeSpan.Zero)
            {
                await signal.WaitAsync(rest, time, stoppingToken);
            }
        }
    }

    private async Task RefreshDueJobsAsync(CancellationToken ct)
    {
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            var now = time.GetUtcNow();
            due = await db.Videos.DueAt(now)
                .OrderBy(v => v.NextPollAt)
                .Select(v => v.Id)
                .Take(BatchSize)
                .ToListAsync(ct);
        }

        // A few at a time, each in its own scope (and the refresher's time budget): one slow read does not hold up the rest.
        // The pass ends at the first read the account's limit refuses: the rest would only be claimed and handed back.
        using var throttled = new CancellationTokenSource();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.StatusReadsPerSecond, CancellationToken = ct };
        await Parallel.ForEachAsync(due, parallel, async (videoId, token) =>
        {
            if (!throttled.IsCancellationRequested && await RefreshOneAsync(videoId, token) == RefreshOutcome.Throttled)
            {
                await throttled.CancelAsync();
            }
        });
    }

    private async Task<RefreshOutcome> RefreshOneAsync(string videoId, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            var video = await db.Videos.SingleAsync(v => v.Id == videoId, ct);
            return await scope.ServiceProvider.GetRequiredService<VideoRefresher>().RefreshIfDueAsync(video, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Refresh of {VideoId} failed; it is tried again when next due", videoId);
            return RefreshOutcome.Refreshed;
        }
    }
}
