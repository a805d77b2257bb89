using KieGateway.Storage;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Storage;

/// <summary>On SQLite (whichever store the rest of the run uses), a locked database is waited for by SQLite itself.</summary>
public sealed class SqliteBusyTimeoutTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kiegateway-busy-{Guid.NewGuid():N}.db");

    private GatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new GatewayFactory(kie: null, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Gateway"] = $"Data Source={_path}",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryGatewayConnectionWaitsThirtySecondsForALockInsteadOfSleepingBetweenRetries()
    {
        for (var open = 0; open < 3; open++) // the first open of a pooled connection and the ones after it
        {
            await using var scope = _gateway.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";

            Assert.Equal(30_000L, await command.ExecuteScalarAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
