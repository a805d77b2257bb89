using System.Collections.Concurrent;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Kie;

/// <summary>
/// Kie's limits are per account, not per replica, so every replica takes its permits from one set of rows in
/// the shared store (<see cref="KiePermitRecord"/>). A permit is taken with a conditional UPDATE on the time
/// it was last used: of two replicas that reach for the same permit, one wins and the other tries the next.
/// With N permits each used at most once per window, no window, wherever it starts, holds more than N calls.
/// </summary>
internal sealed class AccountPermits(IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _seeded = new();

    public async Task<PermitAnswer> TryTakeAsync(AccountLimit limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await SeedAsync(db, limit, ct);

        var window = (long)limit.Window.TotalMilliseconds;
        // A round lost to other replicas means they took permits; the next round sees fewer free ones, or none.
        for (var round = 0; round < 10; round++)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var permits = await db.KiePermits.AsNoTracking()
                .Where(p => p.Bucket == limit.Bucket && p.Slot < limit.Permits)
                .ToListAsync(ct);
            var free = permits.Where(p => now - p.UsedAtMs >= window).ToList();
            if (free.Count == 0)
            {
                // The honest wait: until the permit used longest ago is free again.
                return PermitAnswer.Refused(TimeSpan.FromMilliseconds(permits.Min(p => p.UsedAtMs) + window - now));
            }

            // In random order, so that replicas reaching at once mostly reach for different rows.
            foreach (var permit in free.OrderBy(_ => Random.Shared.Next()))
            {
                var taken = await db.KiePermits
                    .Where(p => p.Bucket == limit.Bucket && p.Slot == permit.Slot && p.UsedAtMs == permit.UsedAtMs)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.UsedAtMs, now), ct);
                if (taken == 1)
                {
                    return PermitAnswer.Granted;
                }
            }
        }

        return PermitAnswer.Refused(TimeSpan.FromSeconds(1));
    }

    /// <summary>Rows for permits this replica has not seen yet; a limit raised in configuration simply adds rows.</summary>
    private async Task SeedAsync(GatewayDbContext db, AccountLimit limit, CancellationToken ct)
    {
        if (_seeded.TryGetValue(limit.Bucket, out var seeded) && seeded >= limit.Permits)
        {
            return;
        }

        for (var slot = 0; slot < limit.Permits; slot++)
        {
            // Both SQLite and PostgreSQL know ON CONFLICT: replicas that seed at once leave one row each.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO kie_permits ("Bucket", "Slot", "UsedAtMs") VALUES ({limit.Bucket}, {slot}, 0) ON CONFLICT DO NOTHING""", ct);
        }

        _seeded[limit.Bucket] = limit.Permits;
    }
}

/// <summary>One of Kie's account limits: at most <see cref="Permits"/> calls in any <see cref="Window"/>.</summary>
internal sealed record AccountLimit(string Bucket, int Permits, TimeSpan Window);

internal sealed record PermitAnswer(bool IsGranted, TimeSpan RetryAfter)
{
    public static readonly PermitAnswer Granted = new(true, TimeSpan.Zero);

    public static PermitAnswer Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
