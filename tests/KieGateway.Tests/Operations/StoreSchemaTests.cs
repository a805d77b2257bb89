using KieGateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KieGateway.Tests.Operations;

public sealed class StoreSchemaTests
{
    [Fact]
    public async Task AStoreFromAnOlderBuildStopsTheStartWithAClearMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kiegateway-old-{Guid.NewGuid():N}.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = "CREATE TABLE videos (Seq INTEGER PRIMARY KEY, Id TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite", // a SQLite file, whichever store the rest of the run uses
            ["ConnectionStrings:Gateway"] = $"Data Source={path}",
        });

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.Contains("older build", error.ToString());
        File.Delete(path);
    }
}
