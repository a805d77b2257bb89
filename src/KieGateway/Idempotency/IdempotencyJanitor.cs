using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Idempotency;

/// <summary>Forgets keys past their retention, so that the table holds about a day of creates.</summary>
internal sealed class IdempotencyJanitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
                var now = time.GetUtcNow();
                var forgotten = await db.IdempotencyKeys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                if (forgotten > 0)
                {
                    logger.LogInformation("Forgot {Count} expired idempotency keys", forgotten);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Expired idempotency keys could not be removed; trying again later");
            }

            await Task.Delay(Every, time, stoppingToken);
        }
    }
}
