using KieGateway.Storage;
using KieGateway.Videos;
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
            try
            {
                await RefreshDueJobsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Background refresh failed; trying again on the next tick");
            }

            await signal.WaitAsync(options.Value.RefresherTick, time, stoppingToken);
        }
    }

    private async Task RefreshDueJobsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var refresher = scope.ServiceProvider.GetRequiredService<VideoRefresher>();
        var now = time.GetUtcNow();
        var due = await db.Videos
            .Where(v => v.Status != VideoStatus.Completed && v.Status != VideoStatus.Failed && (v.NextPollAt == null || v.NextPollAt <= now))
            .OrderBy(v => v.NextPollAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var video in due)
        {
            await refresher.RefreshIfDueAsync(video, ct);
        }
    }
}
