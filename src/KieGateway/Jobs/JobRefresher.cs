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
    /// <summary>
    /// Due jobs per pass: a second's worth of reads, at most this many. Paced, a pass then lasts about a second, so a
    /// job that falls due (or that a callback wakes) is in the next second's list, not behind a long list's end.
    /// </summary>
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
                .Take(Math.Min(BatchSize, options.Value.StatusReadsPerSecond))
                .ToListAsync(ct);
        }

        // Each in its own scope (and the refresher's time budget), several under way at once so that one slow read does
        // not hold up the rest, but started evenly over the second, one per permit's share of it: started all at the top
        // of the second, ten refreshes at once held both cores of a small machine from requests for tens of
        // milliseconds (bench/RESULTS.md). The pass ends at the first read the account's limit refuses: the rest would
        // only be claimed and handed back.
        var spacing = TimeSpan.FromSeconds(1) / options.Value.StatusReadsPerSecond;
        using var underWay = new SemaphoreSlim(options.Value.StatusReadsPerSecond);
        var refreshes = new List<Task>();
        using var throttled = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            foreach (var videoId in due)
            {
                if (refreshes.Count > 0)
                {
                    await Task.Delay(spacing, time, throttled.Token);
                }

                await underWay.WaitAsync(throttled.Token);
                refreshes.Add(RefreshAndReleaseAsync(videoId));
            }
        }
        catch (OperationCanceledException) when (throttled.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Refused by the account's limit: no more starts in this pass.
        }

        await Task.WhenAll(refreshes);

        async Task RefreshAndReleaseAsync(string videoId)
        {
            try
            {
                if (await RefreshOneAsync(videoId, ct) == RefreshOutcome.Throttled)
                {
                    await throttled.CancelAsync();
                }
            }
            finally
            {
                underWay.Release();
            }
        }
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
