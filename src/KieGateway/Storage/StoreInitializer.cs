using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Storage;

/// <summary>Creates the store before the gateway takes requests.</summary>
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

        await db.Database.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Store ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
