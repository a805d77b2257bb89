using System.Collections.Concurrent;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Kie;

/// <summary>
/// Kie's limits are per account, not per replica, so every replica takes its permits from one set of rows in
/// the shared store (<see cref="KiePermitRecord"/>). A permit is taken by one conditional UPDATE on the
/// time it was last used: of two replicas that reach for the same permit, one wins and the other tries again.
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
        for (var round = 0; round < 10; round++)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (await TakeOneAsync(db, limit, now, now - window, ct))
            {
                return PermitAnswer.Granted;
            }

            // None taken: either none is free, or another replica took the one this statement reached for.
            var oldest = await db.KiePermits.Where(p => p.Bucket == limit.Bucket && p.Slot < limit.Permits).MinAsync(p => p.UsedAtMs, ct);
            if (now - oldest < window)
            {
                // The honest wait: until the permit used longest ago is free again.
                return PermitAnswer.Refused(TimeSpan.FromMilliseconds(oldest + window - now));
            }
        }

        return PermitAnswer.Refused(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// One statement: a free permit, picked at random (replicas reaching at once mostly reach for different rows), is
    /// marked used if it is still free. SQLite runs it under the database's write lock; on PostgreSQL, a replica whose
    /// pick was taken meanwhile finds the row no longer free once the other commits, and takes nothing.
    /// </summary>
    private static async Task<bool> TakeOneAsync(GatewayDbContext db, AccountLimit limit, long now, long freeBefore, CancellationToken ct)
    {
        // The rows it changed say whether it took one: no result set to read back and materialize.
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE kie_permits SET "UsedAtMs" = {now}
            WHERE "Bucket" = {limit.Bucket} AND "UsedAtMs" <= {freeBefore} AND "Slot" = (
                SELECT "Slot" FROM kie_permits
                WHERE "Bucket" = {limit.Bucket} AND "Slot" < {limit.Permits} AND "UsedAtMs" <= {freeBefore}
                ORDER BY random() LIMIT 1)
            """, ct);
        return taken == 1;
    }

    /// <summary>
    /// Rows for permits this replica has not seen yet, in one statement: it runs inside the Kie call's time budget, and a
    /// raised limit (a thousand permits) written a row at a time outlasted it, failing the first creates after a start.
    /// A limit raised in configuration simply adds rows.
    /// </summary>
    private async Task SeedAsync(GatewayDbContext db, AccountLimit limit, CancellationToken ct)
    {
        if (_seeded.TryGetValue(limit.Bucket, out var seeded) && seeded >= limit.Permits)
        {
            return;
        }

        // Both SQLite and PostgreSQL know recursive CTEs and ON CONFLICT (replicas that seed at once leave one row
        // each); SQLite wants the WHERE to tell the upsert's ON from a join's.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH RECURSIVE slots(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM slots WHERE n + 1 < {limit.Permits})
            INSERT INTO kie_permits ("Bucket", "Slot", "UsedAtMs") SELECT {limit.Bucket}, n, 0 FROM slots WHERE true
            ON CONFLICT DO NOTHING
            """, ct);
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
