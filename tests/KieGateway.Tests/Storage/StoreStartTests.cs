using System.Collections.Concurrent;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Storage;

/// <summary>What a start does to the store: migrations only when some are pending (they lock the store and take most of a second), and a quiet probe.</summary>
public sealed class StoreStartTests
{
    [Fact]
    public async Task AStartOnAStoreThatIsUpToDateRunsNoMigration()
    {
        await using var first = new GatewayFactory(kie: null);
        first.CreateClient().Dispose(); // started: the store is created and migrated
        await using var second = Restart(first.DatabasePath, out var commands);
        second.CreateClient().Dispose();

        Assert.Contains(commands, sql => sql.Contains("__EFMigrationsHistory", StringComparison.Ordinal)); // it did ask
        Assert.DoesNotContain(commands, sql => sql.Contains("__EFMigrationsLock", StringComparison.Ordinal) || sql.Contains("LOCK TABLE", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(commands, sql => sql.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AStartLogsNoWarningFromEntityFrameworkCore()
    {
        await using var gateway = new GatewayFactory(kie: null);
        gateway.CreateClient().Dispose();

        // The store probe at start once logged five "row limiting operator without OrderBy" warnings (its LINQ queries; it
        // sends plain statements now). EF Core warns when it compiles a query, and its query cache can outlive a host in
        // this process, so a warning of a query another test compiled first would not show here.
        Assert.Contains(gateway.Log.Lines, line => line.Contains("Store ready", StringComparison.Ordinal));
        Assert.DoesNotContain(gateway.Log.Lines, line => line.StartsWith("Warning Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoreWithoutAColumnThisBuildMapsStopsTheStartNamingIt()
    {
        await using var first = new GatewayFactory(kie: null);
        first.CreateClient().Dispose();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            // Its migrations history says current; a column is gone all the same (restored from elsewhere, edited by hand).
            var db = scope.ServiceProvider.GetRequiredService<KieGateway.Storage.GatewayDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE webhook_attempts DROP COLUMN \"DurationMs\"");
        }

        await using var second = new GatewayFactory(kie: null, database: first.DatabasePath);
        var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());

        // At start, not at the first request that reads the table.
        Assert.Equal("StoreUnavailableException", error.GetType().Name);
        Assert.Contains("DurationMs", error.Message);
    }

    /// <summary>A second gateway on the store of the first; every command it sends (from its start on) is in <paramref name="commands"/>.</summary>
    private static GatewayFactory Restart(string database, out ConcurrentQueue<string> commands)
    {
        var seen = new ConcurrentQueue<string>();
        var hook = new StoreHook { BeforeCommand = sql => { seen.Enqueue(sql); return Task.CompletedTask; } };
        commands = seen;
        return new GatewayFactory(kie: null, database: database, services: services => services.AddSingleton<IInterceptor>(hook));
    }
}
