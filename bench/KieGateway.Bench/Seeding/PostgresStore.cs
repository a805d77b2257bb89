using Npgsql;

namespace KieGateway.Bench.Seeding;

/// <summary>A database of its own on the run's throwaway PostgreSQL, dropped and made anew for each gateway.</summary>
internal sealed class PostgresStore : IBenchStore
{
    private readonly string _server;
    private readonly string _database;

    private PostgresStore(string server, string database)
    {
        _server = server;
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    public string Provider => "Postgres";

    public string ConnectionString { get; }

    /// <summary>A new, empty database (dropped first if an earlier run left it), or a copy of <paramref name="template"/>.</summary>
    public static async Task<PostgresStore> CreateAsync(string server, string database, CancellationToken ct, string? template = null)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ToString()))
        {
            await connection.OpenAsync(ct);
            // The name is the bench's own (letters, digits, underscores): safe to put in the statement.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}{(template is null ? "" : " TEMPLATE " + template)}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new PostgresStore(server, database);
    }

    /// <summary>PostgreSQL copies a database that nobody is connected to (the gateway that made it has stopped).</summary>
    public async Task<IBenchStore> CloneAsync(string name, CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        return await CreateAsync(_server, "bench_" + name, ct, _database);
    }

    public async Task SeedCopiesAsync(string templateId, int copies, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = await VideoCopies.StatementAsync(connection,
            "WITH n(i) AS (SELECT generate_series(1, @copies))", "n.i",
            number => $"lpad(to_hex({number}), 32, '0')", ct);
        command.CommandTimeout = 600;
        VideoCopies.AddParameter(command, "@copies", copies);
        VideoCopies.AddParameter(command, "@template", templateId);
        await command.ExecuteNonQueryAsync(ct);
        // Fresh statistics, as autovacuum would give a table that grew this much.
        await using var analyze = new NpgsqlCommand("ANALYZE videos", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    public async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return "PostgreSQL " + await command.ExecuteScalarAsync(ct);
    }
}
