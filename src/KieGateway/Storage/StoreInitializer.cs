using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Storage;

/// <summary>Creates or migrates the store before the gateway takes requests.</summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        if (db.Database.IsSqlite()
            && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            // Asking first costs one query; a migration run takes the migrations lock and more (about 0.3 s of every start).
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await RequireCurrentSchemaAsync(db, cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            throw StoreUnavailableException.From(db.Database, ex);
        }

        logger.LogInformation("Store ready ({Provider})", db.Database.ProviderName);
    }

    /// <summary>
    /// A store whose tables lack what this build maps would fail on every request; reading one row of every
    /// table (all columns) finds that at start instead, with a clear message. Ordered by the key, so that EF Core
    /// has no unordered row limit to warn about (and the row is the one the key's index finds first).
    /// </summary>
    private static async Task RequireCurrentSchemaAsync(GatewayDbContext db, CancellationToken ct)
    {
        await db.Videos.AsNoTracking().OrderBy(v => v.Seq).Take(1).ToListAsync(ct);
        await db.IdempotencyKeys.AsNoTracking().OrderBy(k => k.ClientId).ThenBy(k => k.Key).Take(1).ToListAsync(ct);
        await db.WebhookEvents.AsNoTracking().OrderBy(e => e.Seq).Take(1).ToListAsync(ct);
        await db.WebhookAttempts.AsNoTracking().OrderBy(a => a.Seq).Take(1).ToListAsync(ct);
        await db.KiePermits.AsNoTracking().OrderBy(p => p.Bucket).ThenBy(p => p.Slot).Take(1).ToListAsync(ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
