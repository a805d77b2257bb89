using Microsoft.Data.Sqlite;

namespace KieGateway.Bench.Seeding;

/// <summary>A SQLite file in the scratch folder, new for each gateway that needs one.</summary>
internal sealed class SqliteStore(string path) : IBenchStore
{
    public string Provider => "Sqlite";

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    public async Task SeedCopiesAsync(string templateId, int copies, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = await VideoCopies.StatementAsync(connection,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @copies)", "n.i",
            number => $"printf('%032x', {number})", ct);
        command.CommandTimeout = 600;
        VideoCopies.AddParameter(command, "@copies", copies);
        VideoCopies.AddParameter(command, "@template", templateId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A clean copy beside this file (<c>VACUUM INTO</c>: consistent even with a write-ahead log beside it).</summary>
    public async Task<IBenchStore> CloneAsync(string name, CancellationToken ct)
    {
        var copy = Path.Combine(Path.GetDirectoryName(path)!, name + ".db");
        File.Delete(copy);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @copy";
        VideoCopies.AddParameter(command, "@copy", copy);
        await command.ExecuteNonQueryAsync(ct);
        return new SqliteStore(copy);
    }

    public async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return "SQLite " + await command.ExecuteScalarAsync(ct);
    }
}
