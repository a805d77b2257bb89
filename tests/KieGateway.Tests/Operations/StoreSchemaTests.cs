using System.Net;
using System.Net.Sockets;
using KieGateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KieGateway.Tests.Operations;

/// <summary>A store the gateway cannot use stops the start with a message an operator can act on, not a stack trace.</summary>
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

        var error = await StartFailureAsync("Sqlite", $"Data Source={path}");

        Assert.Contains("older build", error);
        File.Delete(path);
    }

    [Fact]
    public async Task APostgreSqlStoreThatCannotBeReachedStopsTheStartNamingItsHostButNotItsPassword()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now

        var error = await StartFailureAsync("Postgres",
            $"Host=127.0.0.1;Port={port};Database=kiegateway;Username=gateway;Password=pw-that-stays-secret;Timeout=5");

        Assert.Contains($"The store (PostgreSQL at 127.0.0.1:{port}, database 'kiegateway', user 'gateway') could not be used", error);
        Assert.Contains("ConnectionStrings:Gateway", error);
        Assert.DoesNotContain("pw-that-stays-secret", error);
        Assert.DoesNotContain("older build", error);
    }

    [Fact]
    public async Task ASqliteFileThatCannotBeOpenedIsNotMistakenForAnOlderStore()
    {
        var folder = Directory.CreateTempSubdirectory("kiegateway-not-a-file-").FullName; // a folder where the file should be

        var error = await StartFailureAsync("Sqlite", $"Data Source={folder}");

        Assert.Contains($"The store (SQLite file '{folder}') could not be used", error);
        Assert.DoesNotContain("older build", error);
        Directory.Delete(folder);
    }

    [Fact]
    public async Task APostgreSqlStoreFromAnOlderBuildStopsTheStartWithAClearMessage()
    {
        if (GatewayFactory.PostgresAdmin is not { } admin)
        {
            return; // a PostgreSQL store needs the PostgreSQL run (.ci/run makes one); the SQLite case is tested above
        }

        var database = $"kgw_old_{Guid.NewGuid():N}";
        await using (var server = new Npgsql.NpgsqlConnection(admin))
        {
            await server.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", server);
            await create.ExecuteNonQueryAsync();
        }

        var store = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();
        await using (var old = new Npgsql.NpgsqlConnection(store))
        {
            await old.OpenAsync();
            await using var table = new Npgsql.NpgsqlCommand("""CREATE TABLE videos ("Seq" bigint PRIMARY KEY, "Id" text NOT NULL)""", old);
            await table.ExecuteNonQueryAsync();
        }

        var error = await StartFailureAsync("Postgres", store);

        Assert.Contains("older build", error);
    }

    /// <summary>Starts a gateway on this store and returns how the start failed, as the logs would render it.</summary>
    private static async Task<string> StartFailureAsync(string provider, string connectionString)
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider, // whichever store the rest of the run uses
            ["ConnectionStrings:Gateway"] = connectionString,
        });

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Equal("StoreUnavailableException", error.GetType().Name);
        var rendered = error.ToString();
        Assert.DoesNotContain("   at ", rendered); // no stack trace
        return rendered;
    }
}
